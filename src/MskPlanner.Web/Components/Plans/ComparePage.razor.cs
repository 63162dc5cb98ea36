using Microsoft.AspNetCore.Components;

using MskPlanner.Sizing;
using MskPlanner.Web.Access;
using MskPlanner.Web.Planner;
using MskPlanner.Web.Services;

using MudBlazor;

namespace MskPlanner.Web.Components.Plans;

/// <summary>
/// Two to four plans side by side, from an address: <c>compare?items=12,15@3</c> (plan 15 at revision 3), or
/// <c>compare?plan=12&amp;variants=families|zones|retention</c>.
/// </summary>
public partial class ComparePage
{
    private Comparison? _comparison;
    private IReadOnlyList<FieldError> _errors = [];
    private string[] _labels = [];
    private List<(string Label, MonthlyCost Cost)> _costBars = [];
    private List<ChartSeries<double>> _brokerSeries = [];

    [SupplyParameterFromQuery(Name = "items")] public string? Items { get; set; }

    // Numbers are taken as text: Blazor would throw on "plan=abc" before the page could say what is wrong.
    [SupplyParameterFromQuery(Name = "plan")] public string? PlanText { get; set; }

    [SupplyParameterFromQuery(Name = "revision")] public string? RevisionText { get; set; }

    [SupplyParameterFromQuery(Name = "variants")] public string? Variants { get; set; }

    [Inject] private ComparisonService Comparisons { get; set; } = default!;

    [Inject] private CurrentCaller Me { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The PDF takes the same query as this page.</summary>
    private string PdfLink => "api/v1/compare/summary.pdf" + Navigation.ToAbsoluteUri(Navigation.Uri).Query;

    protected override async Task OnParametersSetAsync()
    {
        var outcome = await CompareAsync();
        _comparison = outcome.Value;
        _errors = outcome.Errors;
        if (_comparison is { } comparison)
        {
            Chart(comparison);
        }
    }

    private async Task<Outcome<Comparison>> CompareAsync() => await Comparisons.FromAddressAsync(await Me.GetAsync(), Items, PlanText, RevisionText, Variants);

    private void Chart(Comparison comparison)
    {
        _labels = [.. comparison.Columns.Select(c => Display.ChartLabel(c.Label))];
        _costBars = [.. comparison.Columns.Where(c => c.Headline?.Option?.MonthlyCost is not null).Select(c => (c.Label, c.Headline!.Option!.MonthlyCost!))];
        // A family no column can use has no bar anywhere: it stays out of the legend.
        _brokerSeries = [.. Enum.GetValues<BrokerFamily>()
            .Select(family => new ChartSeries<double>
            {
                Name = family.ToString(),
                Data = comparison.Columns.Select(c => (double)(c.Result.Recommended.Single(r => r.Family == family).Option?.Brokers ?? 0)).ToArray(),
            })
            .Where(series => series.Data.Values.Any(v => v > 0))];
    }
}
