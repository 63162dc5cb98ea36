using MskPlanner.Import;
using MskPlanner.Persistence;
using MskPlanner.Sizing;

namespace MskPlanner.Web.Planner;

/// <summary>
/// The planner form's state: a request as the API takes it, where an empty field means "use the default". It
/// round-trips through the page's query string (the API's field names), so a copied URL reproduces the inputs.
/// Every field is read and written through <see cref="InputCatalog"/>, so a new input needs nothing here.
/// </summary>
public sealed class PlannerForm
{
    public SizingRequest Request { get; set; } = InputCatalog.Starter;

    /// <summary>Where the workload was measured, set by an import and kept with a save; the address does not carry it.</summary>
    public Measurement? MeasuredFrom { get; set; }

    /// <summary>
    /// An import's workload in place of the form's: its streams, with their totals, or (from files without rates) its
    /// totals; its replication factor and retention where it measured them. The form's other settings stay, and where
    /// the workload was measured is kept for the save.
    /// </summary>
    public void Import(ImportResult result)
    {
        var imported = result.Request;
        var request = Request with
        {
            ReplicationFactor = imported.ReplicationFactor ?? Request.ReplicationFactor,
            RetentionHours = imported.RetentionHours ?? Request.RetentionHours,
        };
        Request = imported.Streams is { Count: > 0 } streams
            ? (request with { Streams = streams }).WithStreamTotals()
            : request with
            {
                Streams = null,
                AvgDataInMiBps = imported.AvgDataInMiBps ?? request.AvgDataInMiBps,
                PeakDataInMiBps = imported.AvgDataInMiBps is null ? request.PeakDataInMiBps : null,
                AvgDataOutMiBps = imported.AvgDataInMiBps is null ? request.AvgDataOutMiBps : null,
                PeakDataOutMiBps = imported.AvgDataInMiBps is null ? request.PeakDataOutMiBps : null,
                LeaderPartitions = imported.LeaderPartitions ?? request.LeaderPartitions,
                Partitions = imported.LeaderPartitions is null ? request.Partitions : null,
            };
        MeasuredFrom = Measurement.Of(result.Summary.Source, result.Summary.From, result.Summary.To);
    }

    /// <summary>A form showing a saved request, with partitions given as replicas shown as the leader partitions they make.</summary>
    public static PlannerForm FromRequest(SizingRequest request) => new() { Request = request.InLeaderPartitions() };

    /// <summary>The form as query-string pairs, in the API's field names; empty fields have no value.</summary>
    public IReadOnlyDictionary<string, string?> ToQuery() => InputCatalog.All.ToDictionary(i => i.Key, i => i.Text(Request));

    /// <summary>The same pairs as <see cref="ToQuery"/>, in the shape NavigationManager's query helpers take; open to more.</summary>
    public Dictionary<string, object?> QueryParameters() => InputCatalog.All.ToDictionary(i => i.Key, i => (object?)i.Text(Request));

    /// <summary>
    /// A form from query-string values: an empty query gives the starter workload; otherwise an absent field
    /// means "the model's default", as in the API, and a number that cannot be read leaves its field empty, so the
    /// user sees that field's message instead of a silently changed value.
    /// </summary>
    public static PlannerForm FromQuery(IQueryCollection query) =>
        FromQuery(query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase));

    /// <inheritdoc cref="FromQuery(IQueryCollection)"/>
    public static PlannerForm FromQuery(IReadOnlyDictionary<string, string> query) => query.Count == 0
        ? new PlannerForm()
        : FromRequest(InputCatalog.All.Aggregate(new SizingRequest(), (request, input) => input.Read(request, query.GetValueOrDefault(input.Key))));
}
