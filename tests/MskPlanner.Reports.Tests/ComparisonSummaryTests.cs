using MskPlanner.Pricing;
using MskPlanner.Sizing;

namespace MskPlanner.Reports.Tests;

public class ComparisonSummaryTests
{
    private static ComparisonReport FourPlans() => Reports.Comparison(
        ("1 day", new SizingRequest { AvgDataInMiBps = 60, Partitions = 1200, RetentionHours = 24 }),
        ("3 days", new SizingRequest { AvgDataInMiBps = 60, Partitions = 1200, RetentionHours = 72 }),
        ("7 days", new SizingRequest { AvgDataInMiBps = 60, Partitions = 1200, RetentionHours = 168 }),
        ("7 days, 2 AZs", new SizingRequest { AvgDataInMiBps = 60, Partitions = 1200, RetentionHours = 168, AvailabilityZones = 2 }));

    [Fact]
    public void The_comparison_holds_each_plans_costs_totals_and_difference_from_the_first()
    {
        var report = FourPlans();

        var pdf = ReadBack.Read(Reports.Renderer().ComparisonSummary(report));

        var columns = report.Comparison.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            Assert.Contains(columns[i].Label, pdf.All, StringComparison.Ordinal);
            Assert.Contains(ReadBack.Usd(columns[i].Monthly!.Value), pdf.All, StringComparison.Ordinal);
            Assert.Contains(ReadBack.Usd(columns[i].Monthly!.Value * 12), pdf.All, StringComparison.Ordinal);
            Assert.Contains(ReadBack.Usd(columns[i].Headline!.Option!.MonthlyCost!.Storage), pdf.All, StringComparison.Ordinal);
        }

        var (difference, _) = report.Comparison.DifferenceFromFirst(2);
        Assert.Contains("+" + ReadBack.Usd(difference!.Value), pdf.All, StringComparison.Ordinal);
        Assert.Contains($"published {new BundledSnapshotPriceSource().Snapshot.Origin.AsOf:yyyy-MM-dd}", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Plans_that_grow_compare_their_cost_over_the_horizon()
    {
        var report = Reports.Comparison(
            ("flat", new SizingRequest { AvgDataInMiBps = 60, Partitions = 1200, RetentionHours = 24 }),
            ("growing", new SizingRequest { AvgDataInMiBps = 60, Partitions = 1200, RetentionHours = 24, MonthlyGrowthPercent = 10, HorizonMonths = 12 }));

        var pdf = ReadBack.Read(Reports.Renderer().ComparisonSummary(report));

        var growing = report.Comparison.Columns[1];
        Assert.Contains("With growth", pdf.All, StringComparison.Ordinal);
        Assert.Contains($"{ReadBack.Usd(growing.OverHorizon!.Value)} over 12 months", pdf.All, StringComparison.Ordinal);
        Assert.Equal(growing.Result.Growth!.TotalCost[growing.Headline!.Family], growing.OverHorizon);
    }

    [Fact]
    public void Each_plan_says_what_Serverless_would_cost_it_or_which_quota_rules_it_out()
    {
        var report = Reports.Comparison(
            ("small", new SizingRequest { AvgDataInMiBps = 10, Partitions = 300 }),
            ("large", new SizingRequest { AvgDataInMiBps = 250, Partitions = 3000 }));

        var pdf = ReadBack.Read(Reports.Renderer().ComparisonSummary(report));

        Assert.Contains("MSK Serverless instead", pdf.All, StringComparison.Ordinal);
        Assert.Contains($"{ReadBack.Usd(report.Comparison.Columns[0].Result.Serverless!.MonthlyCost!.Total)} / month", pdf.All, StringComparison.Ordinal);
        Assert.Contains("ruled out: over its ingress cap", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Plans_that_move_show_the_moves_cost_as_a_row_and_one_that_does_not_leaves_it_empty()
    {
        var moving = new SizingRequest
        {
            AvgDataInMiBps = 10,
            Partitions = 300,
            Migration = new MigrationRequest { Source = new() { Kind = "onPremises", MonthlyCost = 5000, KafkaVersion = "3.6.0" }, TransferUsdPerGb = 0.02 },
        };
        var report = Reports.Comparison(("moving", moving), ("staying", moving with { Migration = null }));

        var row = ComparisonRows.Costs(report.Comparison).Single(r => r.Key == "migration");

        var move = MigrationEngine.For(report.Comparison.Columns[0].Result, report.Comparison.Columns[0].Family)!;
        Assert.Equal([$"{ReadBack.Usd(move.Cost!.Total)} over 14 days, MirrorMaker 2 on MSK Connect", ""], row.Values);
        Assert.Contains("The move (parallel run)", ReadBack.Read(Reports.Renderer().ComparisonSummary(report)).All, StringComparison.Ordinal);
    }

    [Fact]
    public void Four_plans_fit_the_page_width_on_a4_and_letter()
    {
        foreach (var paper in new[] { PaperSize.A4, PaperSize.Letter })
        {
            var pdf = ReadBack.Read(Reports.Renderer(paper).ComparisonSummary(FourPlans()));

            Assert.True(pdf.LettersInsidePage, paper.ToString());
            Assert.Contains($"Page 1 of {pdf.Pages.Count}", pdf.Pages[0], StringComparison.Ordinal);
        }
    }
}
