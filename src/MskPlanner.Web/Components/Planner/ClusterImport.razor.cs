using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

using MskPlanner.Import;
using MskPlanner.Persistence;
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
    private readonly PrometheusChoice _choice = new("import");
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
        (var target, var window, _errors) = _choice.Resolve(Sources, TypedAddressAllowed);
        if (_errors.Count > 0)
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
            var result = await Importer.ImportAsync(target, window!, _leaving.Token);
            if (result.Request.Streams is not { Count: > 0 } streams)
            {
                _failure = string.Join(" ", result.Warnings);
                return;
            }

            Form.Request = (Form.Request with { Streams = streams, ReplicationFactor = result.Request.ReplicationFactor ?? Form.Request.ReplicationFactor }).WithStreamTotals();
            Form.MeasuredFrom = new Measurement(result.Summary.Source, result.Summary.From, result.Summary.To);
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

    private static string SummaryText(ImportResult result) =>
        $"Imported {Figures.Count(result.Request.Streams?.Count ?? 0, "stream")} from {Figures.Count(result.Summary.Topics, "topic")} " +
        $"({result.Summary.Naming} metrics at {result.Summary.Source}, {result.Summary.From:yyyy-MM-dd HH:mm} to {result.Summary.To:yyyy-MM-dd HH:mm} UTC).";
}
