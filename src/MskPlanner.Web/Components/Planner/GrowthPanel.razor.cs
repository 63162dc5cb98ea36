using System.Globalization;
using System.Text;

using Microsoft.AspNetCore.Components;

using MskPlanner.Sizing;

namespace MskPlanner.Web.Components.Planner;

/// <summary>
/// The plan month by month: a step chart of each family's monthly cost (its text alternative is the table), when
/// each must resize, and what the horizon costs.
/// </summary>
public partial class GrowthPanel
{
    private const int Width = 640;
    private const int Height = 200;
    private const int Left = 96;
    private const int Top = 12;
    private const int Bottom = 20;
    private const int ResizesShown = 3;

    /// <summary>Colour and dash both tell the lines apart, so the chart reads without colour too.</summary>
    private static readonly string[] Colours = ["#1565c0", "#e65100", "#2e7d32"];
    private static readonly string[] Dashes = ["none", "8 4", "12 3 3 3"];

    private decimal _maxCost;

    [Parameter, EditorRequired] public GrowthProjection Growth { get; set; } = default!;

    [Parameter, EditorRequired] public int Horizon { get; set; }

    private static IReadOnlyList<BrokerFamily> Families { get; } = Enum.GetValues<BrokerFamily>();

    /// <summary>The production families: T3's hundreds of small brokers would flatten every other line; the table keeps it.</summary>
    private static IReadOnlyList<BrokerFamily> Charted => PlanHeadline.Production;

    private int LastMonth => Growth.Months[^1].Month;

    private int BilledMonths => Math.Max(1, Growth.Months.Count - 1);

    private string Summary
    {
        get
        {
            var now = Growth.Months[0].Picks.Where(p => PlanHeadline.Production.Contains(p.Family) && p.MonthlyTotal is not null).MinBy(p => p.MonthlyTotal);
            var cheapest = Growth.CheapestOverHorizon;
            if (cheapest is null)
            {
                return "No production family has a price for every month.";
            }

            var text = $"Cheapest over {BilledMonths} months: {cheapest} ({Figures.Usd(Growth.TotalCost[cheapest.Value])}).";
            return now is null || now.Family == cheapest ? text + " It is also the cheapest now." : text + $" Cheapest now: {now.Family}, which costs more as the traffic grows.";
        }
    }

    protected override void OnParametersSet() =>
        _maxCost = Growth.Months.SelectMany(m => m.Picks).Where(p => Charted.Contains(p.Family)).Select(p => p.MonthlyTotal ?? 0).DefaultIfEmpty(0).Max();

    private static string Pick(GrowthMonth month, BrokerFamily family) =>
        month.Picks.Single(p => p.Family == family) is { InstanceType: { } type, Brokers: { } brokers, MonthlyTotal: { } total }
            ? $"{brokers:N0} × {type}, {Figures.Usd(total)}/month"
            : "not available";

    private static string Describe(int? brokers, string? type) => type is null ? "none" : $"{brokers:N0} × {type}";

    /// <summary>A step line: each month's cost holds until the next month starts.</summary>
    private string Points(BrokerFamily family)
    {
        var points = new StringBuilder();
        var plotWidth = Width - Left - 8;
        var plotHeight = Height - Bottom - Top;
        var months = Math.Max(1, LastMonth);
        double? previousY = null;
        foreach (var month in Growth.Months)
        {
            if (month.Picks.Single(p => p.Family == family).MonthlyTotal is not { } cost)
            {
                continue;
            }

            var x = Left + (plotWidth * month.Month / (double)months);
            var y = Height - Bottom - (_maxCost == 0 ? 0 : plotHeight * (double)(cost / _maxCost));
            if (previousY is { } before)
            {
                points.Append(CultureInfo.InvariantCulture, $"{x:0.#},{before:0.#} ");
            }

            points.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
            previousY = y;
        }

        return points.ToString().TrimEnd();
    }
}
