using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

using MskPlanner.Import;
using MskPlanner.Sizing;
using MskPlanner.Web.Access;
using MskPlanner.Web.Planner;
using MskPlanner.Web.Services;

namespace MskPlanner.Web.Components.Plans;

/// <summary>
/// "Check against the running cluster" on a saved plan: the API's plan check, from a Prometheus the server may read or
/// from a CloudWatch file, shown limit by limit. Saving a revision from the measurements is the plan page's to do.
/// </summary>
public sealed partial class PlanCheckPanel : IDisposable
{
    private readonly CancellationTokenSource _leaving = new();
    private readonly PrometheusChoice _choice = new("check");
    private ClusterSource _from = ClusterSource.Prometheus;
    private IBrowserFile? _file;
    private bool _busy;
    private Dictionary<string, string> _errors = [];
    private string? _failure;
    private PlanCheckResult? _check;

    [Inject] private PlanCheckService Checks { get; set; } = default!;

    [Inject] private CurrentCaller Me { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private PrometheusAccess Access { get; set; } = default!;

    [Parameter, EditorRequired] public int PlanId { get; set; }

    [Parameter] public bool CanEdit { get; set; }

    /// <summary>Asked to save the measured inputs as the plan's next revision.</summary>
    [Parameter] public EventCallback<PlanCheckResult> OnSaveMeasured { get; set; }

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
    }

    private void PickFile(InputFileChangeEventArgs e) => _file = e.File;

    private async Task CheckAsync()
    {
        _failure = null;
        _check = null;
        _errors = [];
        _busy = true;
        try
        {
            var outcome = _from == ClusterSource.Prometheus ? await FromPrometheusAsync() : await FromCloudWatchAsync();
            _check = outcome?.Check;
            _failure = outcome?.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<PlanCheckOutcome?> FromPrometheusAsync()
    {
        (var target, var window, _errors) = _choice.Resolve(Access);
        return _errors.Count > 0 ? null : await Checks.FromPrometheusAsync(await Me.GetAsync(), PlanId, target!, window!, _leaving.Token);
    }

    private async Task<PlanCheckOutcome> FromCloudWatchAsync()
    {
        if (_file is null)
        {
            return PlanCheckOutcome.Fail(PlanCheckFailure.InvalidFile, "Choose the CloudWatch file first.");
        }

        if (await Uploads.ReadAsync(new Dictionary<string, IBrowserFile> { [CloudWatchMetricData.Part] = _file }, _leaving.Token) is not { } texts)
        {
            return PlanCheckOutcome.Fail(PlanCheckFailure.InvalidFile, Api.ImportEndpoints.UploadTooLarge);
        }

        return await Checks.FromCloudWatchAsync(await Me.GetAsync(), PlanId, texts[CloudWatchMetricData.Part], _leaving.Token);
    }

    private static string Label(string key) => Enum.GetValues<LimitKind>().Select(Names.Of).FirstOrDefault(t => t.Key == key)?.Label ?? key;

    /// <summary>When the measured demand, growing as the plan says, fills the plan's brokers: the month, counted from today.</summary>
    private string RunsOut(LimitDrift limit)
    {
        if (limit.Headroom <= 0)
        {
            return "already";
        }

        if (limit.MonthsLeft is not { } months)
        {
            return "not at the planned growth";
        }

        var whole = (int)Math.Floor(Math.Min(months, 1200));
        var month = Time.GetUtcNow().AddMonths(whole);
        return $"in {Figures.Count(whole, "month")} ({month.ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)})";
    }
}
