using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

using MskPlanner.Import;
using MskPlanner.Sizing;
using MskPlanner.Web.Access;
using MskPlanner.Web.Planner;

namespace MskPlanner.Web.Components.Planner;

/// <summary>
/// "Start from an existing cluster": the Prometheus import of the API, on the page. It checks what the user typed with
/// the API's own rules, and replaces the plan's streams (and its replication factor) with what the cluster measured.
/// </summary>
public sealed partial class ClusterImport : IDisposable
{
    private readonly CancellationTokenSource _leaving = new();
    private bool _open;
    private bool _busy;
    private string? _url;
    private string? _source;
    private int? _days;
    private Dictionary<string, string> _errors = [];
    private string? _failure;
    private ImportResult? _result;

    [Inject] private PrometheusImporter Importer { get; set; } = default!;

    [Inject] private IOptions<PrometheusImportOptions> Options { get; set; } = default!;

    [Inject] private IOptions<AuthOptions> Auth { get; set; } = default!;

    [Parameter, EditorRequired] public PlannerForm Form { get; set; } = new();

    [Parameter] public EventCallback OnChange { get; set; }

    /// <summary>Only on one's own machine may the server be asked to fetch an address typed on the page.</summary>
    private bool TypedAddressAllowed => Auth.Value.Mode == AuthMode.Local;

    private IReadOnlyList<PrometheusSource> Sources => Options.Value.Sources;

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
    }

    private async Task ImportAsync()
    {
        _failure = null;
        _result = null;
        var typed = string.IsNullOrWhiteSpace(_url) ? null : _url;
        var request = new PrometheusImportRequest { Url = typed, Source = typed is null ? _source : null, Days = _days };
        var window = request.ResolveWindow();
        var (target, targetErrors) = PrometheusTarget.Resolve(request, Sources, TypedAddressAllowed);
        _errors = window.Errors.Concat(targetErrors).GroupBy(e => FieldOf(e.Field)).ToDictionary(g => g.Key, g => g.First().Message);
        if (_errors.Count > 0 || !window.Succeeded)
        {
            return;
        }

        if (target is null)
        {
            _failure = "Choose one of the Prometheus sources this server's operator configured.";
            return;
        }

        _busy = true;
        try
        {
            var result = await Importer.ImportAsync(target, window.Value, _leaving.Token);
            if (result.Request.Streams is not { Count: > 0 } streams)
            {
                _failure = string.Join(" ", result.Warnings);
                return;
            }

            Form.Request = (Form.Request with { Streams = streams, ReplicationFactor = result.Request.ReplicationFactor ?? Form.Request.ReplicationFactor }).WithStreamTotals();
            _result = result;
            await OnChange.InvokeAsync();
        }
        catch (PrometheusQueryException e)
        {
            _failure = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The request's field names as this form's ids: a message shows under the field it is about.</summary>
    private static string FieldOf(string field) => field switch
    {
        "url" or "bearerToken" or "username" or "password" => "import-url",
        "source" => "import-source",
        "days" => "import-days",
        _ => "import-url",
    };

    private static string SummaryText(ImportResult result) =>
        $"Imported {Figures.Count(result.Request.Streams?.Count ?? 0, "stream")} from {Figures.Count(result.Summary.Topics, "topic")} " +
        $"({result.Summary.Naming} metrics at {result.Summary.Source}, {result.Summary.From:yyyy-MM-dd HH:mm} to {result.Summary.To:yyyy-MM-dd HH:mm} UTC).";
}
