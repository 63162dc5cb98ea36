using Bunit;

using MskPlanner.Sizing;
using MskPlanner.Web.Components.Planner;

namespace MskPlanner.Web.Tests.Components;

public class GrowthPanelTests : PlannerTestContext
{
    [Fact]
    public void The_growth_section_names_the_cheapest_family_over_the_horizon_and_each_resize()
    {
        var result = Size(new SizingRequest { AvgDataInMiBps = 50, AvgDataOutMiBps = 100, Partitions = 3000, RetentionHours = 24, MonthlyGrowthPercent = 15, HorizonMonths = 24 });
        var growth = result.Growth!;

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        var cheapest = growth.CheapestOverHorizon!.Value;
        Assert.Contains($"Cheapest over 24 months: {cheapest} ({Figures.Usd(growth.TotalCost[cheapest])})", view.Find("[data-testid=growth-summary]").TextContent, StringComparison.Ordinal);
        var m5 = view.Find("[data-testid=growth-table] tr[data-family=m5]").TextContent;
        var firstResize = growth.Resizes.First(r => r.Family == BrokerFamily.M5);
        Assert.Contains($"month {firstResize.Month}: {firstResize.FromBrokers:N0} × {firstResize.FromInstanceType} → {firstResize.ToBrokers:N0} × {firstResize.ToInstanceType}", m5, StringComparison.Ordinal);
        Assert.Equal(3, view.FindAll("svg.growth-chart polyline").Count);
    }

    [Fact]
    public void A_resize_offers_the_other_way_to_grow_and_the_section_says_volumes_only_grow()
    {
        var result = Size(new SizingRequest { AvgDataInMiBps = 50, AvgDataOutMiBps = 100, Partitions = 3000, RetentionHours = 24, MonthlyGrowthPercent = 20, HorizonMonths = 24 });
        var resize = result.Growth!.Resizes.First(r => r.Instead is not null);

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        var row = view.Find($"[data-testid=growth-table] tr[data-family={Names.Key(resize.Family)}]");
        Assert.Contains($"(or {resize.Instead!.Brokers:N0} × {resize.Instead.InstanceType}", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("never decreased", view.Find("[data-testid=volumes-only-grow]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void No_growth_rate_means_no_growth_section()
    {
        var view = Render<SizingResults>(p => p.Add(c => c.Result, Size(new SizingRequest { AvgDataInMiBps = 50, Partitions = 3000 })));

        Assert.Empty(view.FindAll("[data-testid=growth]"));
    }
}
