using Microsoft.AspNetCore.Components;

using MskPlanner.Reports;
using MskPlanner.Sizing;
using MskPlanner.Web.Planner;

using MudBlazor;

namespace MskPlanner.Web.Components.Planner;

/// <summary>
/// Monthly costs as stacked bars, one bar per option and one colour per cost part, the same colours as the PDF;
/// parts that are zero everywhere stay out of the legend, and the axis reads in dollars.
/// </summary>
public partial class CostBarChart
{
    private string[] _labels = [];
    private List<ChartSeries<double>> _series = [];
    private IReadOnlyList<CostPart> _parts = [];
    private List<(string Label, MonthlyCost Cost)> _rows = [];
    private StackedBarChartOptions _options = new();

    [Parameter, EditorRequired] public string Caption { get; set; } = "";

    /// <summary>Each bar's label (as typed: encoded here for the chart) and its cost.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<(string Label, MonthlyCost Cost)> Bars { get; set; } = [];

    [Parameter] public string Height { get; set; } = "260px";

    protected override void OnParametersSet()
    {
        _rows = [.. Bars];
        _labels = [.. _rows.Select(b => Display.ChartLabel(b.Label))];
        _parts = CostParts.In(_rows.Select(b => b.Cost));
        _series = [.. _parts.Select(p => new ChartSeries<double> { Name = p.Name, Data = _rows.Select(b => (double)p.Value(b.Cost)).ToArray() })];
        _options = new StackedBarChartOptions
        {
            ChartPalette = [.. _parts.Select(p => p.Colour)],
            YAxisToStringFunc = value => Figures.WholeUsd(value),
        };
    }
}
