using System.Globalization;

using Bunit;

using MskPlanner.Pricing;
using MskPlanner.Sizing;
using MskPlanner.Web.Components.Planner;

namespace MskPlanner.Web.Tests.Components;

public class CostChartTests : PlannerTestContext
{
    private static readonly PriceSheet Snapshot = new BundledSnapshotPriceSource().Snapshot;

    // No tiered storage and no provisioned throughput: those parts cost nothing for any pick.
    private static readonly SizingResult EbsOnly = SizingEngine.Size(new SizingRequest { AvgDataInMiBps = 40, Partitions = 1200, RetentionHours = 72 }.Resolve().GetValueOrThrow(), Snapshot);

    [Fact]
    public void The_legend_leaves_out_cost_parts_that_are_zero_for_every_pick()
    {
        var view = Render<CostChart>(p => p.Add(c => c.Result, EbsOnly));

        var legend = view.FindAll(".mud-chart-legend-item").Select(l => l.TextContent.Trim()).ToList();
        Assert.DoesNotContain("Tiered storage", legend);
        Assert.DoesNotContain("Provisioned throughput", legend);
        Assert.Contains("Brokers", legend);
        Assert.Contains("Storage", legend);
    }

    [Fact]
    public void Each_part_has_the_pdfs_colour_for_it_in_the_bars_and_the_legend()
    {
        var view = Render<CostChart>(p => p.Add(c => c.Result, EbsOnly));

        // The PDF's colours, as its legend draws them (PdfLayout), written out here rather than read from the code.
        var pdf = new Dictionary<string, string>
        {
            ["Brokers"] = "#1f3a93",
            ["Storage"] = "#5eb2d1",
            ["Data in"] = "#c83c3c",
            ["Cross-AZ transfer"] = "#28965a",
        };
        var bars = view.FindAll("path.mud-chart-bar").Select(b => b.GetAttribute("stroke")!.ToLowerInvariant()).ToHashSet();
        foreach (var item in view.FindAll(".mud-chart-legend-item"))
        {
            var colour = pdf[item.TextContent.Trim()];
            Assert.Contains(colour, item.QuerySelector(".mud-chart-legend-marker")!.GetAttribute("style")!, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(colour, bars);
        }
    }

    [Fact]
    public void The_money_axis_reads_in_whole_dollars_with_thousands_separators()
    {
        var view = Render<CostChart>(p => p.Add(c => c.Result, EbsOnly));

        var ticks = view.FindAll("svg text").Select(t => t.TextContent.Trim()).Where(t => t.StartsWith('$')).ToList();
        Assert.NotEmpty(ticks);
        Assert.All(ticks, t => Assert.Matches(@"^\$\d{1,3}(,\d{3})*$", t));
    }

    [Fact]
    public void Screen_readers_get_the_charts_figures_as_a_table_and_not_the_drawing()
    {
        var view = Render<CostChart>(p => p.Add(c => c.Result, EbsOnly));

        Assert.Equal("true", view.Find("[data-testid=cost-chart] svg").ParentElement!.Closest("[aria-hidden]")!.GetAttribute("aria-hidden"));
        var table = view.Find("[data-testid=cost-chart-table]");
        var m7g = EbsOnly.Recommended.Single(r => r.Family == BrokerFamily.M7g).Option!;
        var row = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == m7g.Type.Name);
        Assert.Equal(m7g.MonthlyCost!.Total.ToString("$#,0.00", CultureInfo.InvariantCulture), row.QuerySelectorAll("td")[^1].TextContent);
    }

    [Fact]
    public void Tiered_storage_joins_the_chart_when_a_plan_uses_it()
    {
        var tiered = SizingEngine.Size(new SizingRequest { AvgDataInMiBps = 40, Partitions = 1200, RetentionHours = 720, PrimaryRetentionHours = 24 }.Resolve().GetValueOrThrow(), Snapshot);

        var view = Render<CostChart>(p => p.Add(c => c.Result, tiered));

        Assert.Contains("Tiered storage", view.FindAll(".mud-chart-legend-item").Select(l => l.TextContent.Trim()));
    }
}
