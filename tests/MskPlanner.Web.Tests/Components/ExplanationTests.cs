using Bunit;

using MskPlanner.Sizing;
using MskPlanner.Web.Components.Planner;

namespace MskPlanner.Web.Tests.Components;

public class ExplanationTests : PlannerTestContext
{
    [Fact]
    public void A_broker_count_opens_each_limits_formula_with_the_plans_values()
    {
        var result = Size(new SizingRequest { AvgDataInMiBps = 50, Partitions = 3000 });
        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        view.Find("tr[data-type='kafka.m5.2xlarge'] td[data-col=brokers] button").Click();

        // By hand: min(250 / 6.5, 320 / 7.2) x 1 x 0.5 = 19.231 MiB/s per broker.
        Dialogs.WaitForAssertion(() => Assert.Contains(Dialogs.FindAll("[data-testid=working]"),
            w => w.TextContent.StartsWith("This plan: min(250 ÷ 6.5, 320 ÷ 7.2) × 1 × 0.5 = 19.231 MiB/s", StringComparison.Ordinal)));
        Assert.StartsWith("This plan: max(ingress 3, egress 3, partitions 3, storage 12) = 12", Dialogs.FindAll("[data-testid=working]")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("AWS's MSK sizing reference broker table", Dialogs.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_monthly_cost_opens_every_component_with_its_price_and_source()
    {
        var result = Size(new SizingRequest { AvgDataInMiBps = 50, Partitions = 3000 });
        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        view.Find("tr[data-type='kafka.m5.large'] td[data-col=monthly] button").Click();

        Dialogs.WaitForAssertion(() => Assert.Equal(5, Dialogs.FindAll("[data-testid=explanation]").Count));
        Assert.Contains("usagetype &lt;P&gt;-Kafka.m5.large", Dialogs.Markup, StringComparison.Ordinal);
        Assert.Contains("bundled snapshot, us-east-1", Dialogs.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_storage_figure_opens_its_working()
    {
        var result = Size(new SizingRequest { AvgDataInMiBps = 10, Partitions = 300, RetentionHours = 24 });
        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        view.Find("[data-testid=ebs-gib] button").Click();

        // By hand: 10 x 24 x 3,600 x 3 / 1,024 = 2,531.25 GiB of data, over a 0.5 target = 5,062.5 GiB.
        Dialogs.WaitForAssertion(() => Assert.Equal("This plan: 2,531.25 ÷ 0.5 = 5,062.5 GiB", Dialogs.Find("[data-testid=working]").TextContent));
    }
}
