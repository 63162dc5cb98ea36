using Bunit;

using MskPlanner.Sizing;
using MskPlanner.Web.Components.Planner;

namespace MskPlanner.Web.Tests.Components;

public class ServerlessPanelTests : PlannerTestContext
{
    [Fact]
    public void The_results_show_Serverless_beside_the_families_with_its_monthly_cost_and_the_rates_it_used()
    {
        var result = Size(new SizingRequest { AvgDataInMiBps = 10, Partitions = 300 });

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        var panel = view.Find("[data-testid=serverless]");
        Assert.Equal($"{Figures.Usd(result.Serverless!.MonthlyCost!.Total)} / month", view.Find("[data-testid=serverless-total]").TextContent.Trim());
        Assert.Contains("100 leader partitions", panel.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rates: bundled us-east-1 rates as of", panel.TextContent, StringComparison.Ordinal);
        Assert.Empty(view.FindAll("[data-testid=serverless-ruled-out]"));
    }

    [Fact]
    public void A_workload_over_a_quota_shows_why_and_marks_the_quota_it_does_not_fit()
    {
        var view = Render<ServerlessPanel>(p => p.Add(c => c.Option, Size(new SizingRequest { AvgDataInMiBps = 10, PeakDataInMiBps = 60, Partitions = 30 }).Serverless!));

        Assert.Equal("Over MSK Serverless's 5 MBps (4.77 MiB/s) of data in per partition: this workload needs 6 MiB/s peak data in per partition.",
            view.Find("[data-testid=serverless-ruled-out]").TextContent.Trim());
        Assert.EndsWith("no", view.Find("tr[data-limit=partitionIngress]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("yes", view.Find("tr[data-limit=ingress]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(view.FindAll("[data-testid=serverless-total]"));
    }
}
