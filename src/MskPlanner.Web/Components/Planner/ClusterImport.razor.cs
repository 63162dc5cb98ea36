using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

using MskPlanner.Import;
using MskPlanner.Sizing;
using MskPlanner.Web.Access;
using MskPlanner.Web.Planner;

namespace MskPlanner.Web.Components.Planner;

/// <summary>
/// "Start from an existing cluster": the API's imports, from Prometheus or from files, on the page. It checks what the
/// user typed with the API's own rules, and replaces the plan's workload with what the cluster measured.
/// </summary>
public sealed partial class ClusterImport : IDisposable
{
    private readonly CancellationTokenSource _leaving = new();
    private bool _open;
    private bool _busy;
    private readonly PrometheusChoice _choice = new("import");
    private readonly Dictionary<string, IBrowserFile> _files = [];
    private ClusterSource _from = ClusterSource.Prometheus;
    private Dictionary<string, string> _errors = [];
    private string? _failure;
    private ImportResult? _result;

    [Inject] private PrometheusImporter Importer { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private PrometheusAccess Access { get; set; } = default!;

    [Parameter, EditorRequired] public PlannerForm Form { get; set; } = new();

    [Parameter] public EventCallback OnChange { get; set; }


    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
    }

    /// <summary>The files the API's file import takes, with what each is.</summary>
    private static readonly (string Part, string Label)[] FileParts =
    [
        (KafkaTopicsDescribe.Part, "kafka-topics.sh --describe (partitions, replication, retention)"),
        (KafkaLogDirs.Part, "kafka-log-dirs.sh --describe (bytes on disk)"),
        (CloudWatchMetricData.Part, "aws cloudwatch get-metric-data, labelled \"MetricName Topic\" (rates per topic)"),
    ];

    private async Task ImportAsync()
    {
        _failure = null;
        _result = null;
        _busy = true;
        try
        {
            var result = _from == ClusterSource.Files ? await FromFilesAsync() : await FromPrometheusAsync();
            if (result is null)
            {
                return;
            }

            if (result.Request is { Streams: null or { Count: 0 }, AvgDataInMiBps: null, LeaderPartitions: null })
            {
                _failure = string.Join(" ", result.Warnings);
                return;
            }

            Form.Import(result);
            _result = result;
            await OnChange.InvokeAsync();
        }
        catch (PrometheusQueryException e)
        {
            _failure = e.Message;
        }
        catch (ImportFileException e)
        {
            _failure = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<ImportResult?> FromPrometheusAsync()
    {
        (var target, var window, _errors) = _choice.Resolve(Access);
        return _errors.Count > 0 ? null : await Importer.ImportAsync(target!, window!, _leaving.Token);
    }

    private async Task<ImportResult?> FromFilesAsync()
    {
        if (_files.Count == 0)
        {
            _failure = "Choose at least one file.";
            return null;
        }

        if (await Uploads.ReadAsync(_files, _leaving.Token) is not { } texts)
        {
            _failure = Api.ImportEndpoints.UploadTooLarge;
            return null;
        }

        return FileImporter.FromTexts(
            texts.GetValueOrDefault(KafkaTopicsDescribe.Part), texts.GetValueOrDefault(KafkaLogDirs.Part), texts.GetValueOrDefault(CloudWatchMetricData.Part), Time.GetUtcNow());
    }

    private static string SummaryText(ImportResult result) => result.Request.Streams is { Count: > 0 } streams
        ? $"Imported {Figures.Count(streams.Count, "stream")} from {Figures.Count(result.Summary.Topics, "topic")} " +
          $"({result.Summary.Naming} metrics at {result.Summary.Source}, {result.Summary.From:yyyy-MM-dd HH:mm} to {result.Summary.To:yyyy-MM-dd HH:mm} UTC)."
        : $"Imported the totals of {Figures.Count(result.Summary.Topics, "topic")} from {result.Summary.Source}.";
}
