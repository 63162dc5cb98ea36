using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

using MskPlanner.Pricing;
using MskPlanner.Sizing;
using MskPlanner.Web.Components.Dialogs;
using MskPlanner.Web.Components.Plans;
using MskPlanner.Web.Planner;
using MskPlanner.Web.Services;

using MudBlazor;

namespace MskPlanner.Web.Components.Planner;

/// <summary>
/// The planner: inputs on the left, the sizing on the right, recomputed on every change. The inputs live in the
/// query string, so the address bar is always a link to what is on screen.
/// </summary>
public partial class Planner : IDisposable
{
    private readonly CancellationTokenSource _closed = new();

    private PlannerForm _form = new();
    private SizingResult? _result;
    private Dictionary<string, string> _errors = [];

    [Inject] private SizingService Sizing { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private IServiceProvider Services { get; set; } = default!;

    [Inject] private AddressBar Address { get; set; } = default!;

    /// <summary>The live price source, when one is configured (not with the snapshot alone).</summary>
    private LivePriceSource? LivePrices => Services.GetService<LivePriceSource>();

    protected override async Task OnInitializedAsync()
    {
        var query = QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query)
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _form = PlannerForm.FromQuery(query);
        await SizeAsync();
        if (RendererInfo.IsInteractive && _result is { } shown && Sizing.PricesArrivalAsync(shown.Input.Region) is { IsCompleted: false } arrival)
        {
            _ = ShowPricesOnArrivalAsync(arrival);
        }
    }

    /// <summary>
    /// A region's first download does not hold up the page: it answers from the snapshot and saying so, and sizes
    /// again when the download ends, so live prices show without waiting for the user's next change.
    /// </summary>
    private async Task ShowPricesOnArrivalAsync(Task arrival)
    {
        try
        {
            await arrival.WaitAsync(_closed.Token);
            await InvokeAsync(async () =>
            {
                await SizeAsync();
                StateHasChanged();
            });
        }
        catch (OperationCanceledException)
        {
            // The page closed first.
        }
    }

    public void Dispose()
    {
        _closed.Cancel();
        _closed.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The PDF of what is on screen: the summary endpoint reads the same query as this page.</summary>
    private string PdfLink => Navigation.GetUriWithQueryParameters(
        Navigation.ToAbsoluteUri("api/v1/sizing/summary.pdf").ToString(), _form.QueryParameters());

    private string ZipLink => Navigation.GetUriWithQueryParameters(
        Navigation.ToAbsoluteUri($"api/v1/sizing/export/{Api.ExportEndpoints.Zip}").ToString(), _form.QueryParameters());

    /// <summary>
    /// Sizes and lets the page render once. The address is updated after, without being awaited here: an awaited
    /// call would make the page render a second time, for nothing, on every keystroke.
    /// </summary>
    private async Task RecomputeAsync()
    {
        await SizeAsync();
        _ = Address.ShowAsync(Navigation.GetUriWithQueryParameters(_form.QueryParameters()));
    }

    private async Task ResetAsync()
    {
        if (!await Dialogs.ConfirmAsync("Start again?", "Every input goes back to the starter workload, and the address with it.", "Start again", destructive: true))
        {
            return;
        }

        _form = new PlannerForm();
        await RecomputeAsync();
    }

    private async Task RefreshPricesAsync()
    {
        var region = _result?.Input.Region ?? _form.Request.Region ?? InputCatalog.Region.Default;
        var (set, error) = await LivePrices!.RefreshAsync(region);
        Snackbar.Add(set is not null ? $"Prices for {region} updated: published {set.Sheet.Origin.AsOf:yyyy-MM-dd}." : $"Prices for {region} could not be fetched: {error}",
            set is not null ? Severity.Success : Severity.Warning);
        await SizeAsync();
    }

    private async Task SaveAsPlanAsync()
    {
        var dialog = await Dialogs.ShowAsync<SavePlanDialog>("Save as plan", new DialogParameters<SavePlanDialog>
        {
            { d => d.Inputs, _form.Request },
            { d => d.MeasuredFrom, _form.MeasuredFrom },
        });
        if (await dialog.Result is { Canceled: false, Data: int id })
        {
            Navigation.NavigateTo($"plans/{id}");
        }
    }

    private async Task SizeAsync()
    {
        var outcome = await Sizing.SizeAsync(_form.Request);
        _errors = outcome.Errors.FirstByField();
        if (outcome.Succeeded)
        {
            _result = outcome.Value;
        }
    }
}
