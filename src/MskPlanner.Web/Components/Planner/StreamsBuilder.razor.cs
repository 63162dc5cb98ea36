using Microsoft.AspNetCore.Components;

using MskPlanner.Sizing;
using MskPlanner.Web.Planner;

namespace MskPlanner.Web.Components.Planner;

/// <summary>Edits the plan's streams; every edit writes what they add up to into the aggregate fields, which stay locked while there are streams.</summary>
public partial class StreamsBuilder
{
    /// <summary>Everything the builder shows; the markup reads nothing else. The streams compare by reference: every edit makes a new list.</summary>
    public readonly record struct Face(IReadOnlyList<StreamRequest> Streams, double Retention, bool Open, IReadOnlyDictionary<string, string> Errors)
    {
        public WorkloadTotals? Totals => Streams.Count == 0 ? null : Workload.Resolve(Streams, Retention, []);
    }

    private bool _open;
    private int _lastCount;
    private bool _hadErrors;

    [Parameter, EditorRequired] public PlannerForm Form { get; set; } = new();

    [Parameter] public IReadOnlyDictionary<string, string> Errors { get; set; } = new Dictionary<string, string>();

    [Parameter] public EventCallback OnChange { get; set; }

    private IReadOnlyList<StreamRequest> Streams => Form.Request.Streams ?? [];

    private double DefaultRetention => Form.Request.RetentionHours ?? InputLimits.DefaultRetentionHours;

    /// <summary>
    /// Streams arriving with a loaded plan open the builder, as does a new problem in one of them: their fields are where
    /// the plan's figures come from, and where the message is.
    /// </summary>
    protected override void OnParametersSet()
    {
        var hasErrors = Errors.Keys.Any(k => k.StartsWith(Workload.Key, StringComparison.Ordinal));
        _open |= (Streams.Count > 0 && _lastCount == 0) || (hasErrors && !_hadErrors);
        _lastCount = Streams.Count;
        _hadErrors = hasErrors;
    }

    /// <summary>Drawn again only when what it shows changed: the form re-renders on every keystroke in any field.</summary>
    protected override Face Shown => new(Streams, DefaultRetention, _open,
        Errors.Where(e => e.Key.StartsWith(Workload.Key, StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal));

    protected override bool Same(Face drawn, Face now) =>
        drawn.Streams == now.Streams && drawn.Retention == now.Retention && drawn.Open == now.Open
        && drawn.Errors.Count == now.Errors.Count && drawn.Errors.All(e => now.Errors.TryGetValue(e.Key, out var message) && message == e.Value);

    private static string Title(StreamRequest stream, int index) => stream.Name is { Length: > 0 } name ? $"Stream {index + 1}: {name}" : $"Stream {index + 1}";

    private static string FiguresOf(StreamRequest stream, int index, double retention)
    {
        if (Workload.Resolve([stream with { Name = stream.Name ?? StreamNameInput.Default(index) }], retention, []) is not { } one)
        {
            return "Fill in messages per second and message size to see this stream's figures.";
        }

        var figures = one.Streams[0];
        var partitions = figures.PartitionsSuggested
            ? $"{Figures.Count(figures.LeaderPartitions, "leader partition")} suggested: {Workload.SuggestionRule}"
            : Figures.Count(figures.LeaderPartitions, "leader partition");
        return $"{Figures.Number(figures.AvgDataInMiBps, "#,0.###")} MiB/s in (peak {Figures.Number(figures.PeakDataInMiBps, "#,0.###")}), " +
            $"{Figures.Number(figures.AvgDataOutMiBps, "#,0.###")} MiB/s out; keeps {Figures.Number(figures.RetainedGiB, "#,0.#")} GiB (one copy); {partitions}.";
    }

    private static string TotalsText(WorkloadTotals totals) =>
        $"The streams add up to {Figures.Number(totals.AvgDataInMiBps, "#,0.###")} MiB/s in (peak {Figures.Number(totals.PeakDataInMiBps, "#,0.###")}), " +
        $"{Figures.Number(totals.AvgDataOutMiBps, "#,0.###")} MiB/s out (peak {Figures.Number(totals.PeakDataOutMiBps, "#,0.###")}), " +
        $"{Figures.Count(totals.LeaderPartitions, "leader partition")} and a byte-weighted retention of {Figures.Number(totals.RetentionHours, "#,0.#")} hours.";

    private Task AddAsync()
    {
        _open = true;
        return SetAsync([.. Streams, new StreamRequest { RetentionHours = DefaultRetention, ConsumerGroups = 1, Compression = "none" }]);
    }

    private Task RemoveAsync(int index) => SetAsync([.. Streams.Where((_, i) => i != index)]);

    private Task EditAsync(int index, StreamRequest stream) => SetAsync([.. Streams.Select((s, i) => i == index ? stream : s)]);

    private Task SetAsync(StreamRequest[] streams)
    {
        Form.Request = (Form.Request with { Streams = streams.Length == 0 ? null : streams }).WithStreamTotals();
        return OnChange.InvokeAsync();
    }
}
