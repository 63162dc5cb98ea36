using System.Globalization;

using MskPlanner.Pricing;
using MskPlanner.Sizing;

namespace MskPlanner.Reports.Tests;

public class PlanSummaryTests
{
    private static readonly SizingRequest Workload = new() { AvgDataInMiBps = 100, AvgDataOutMiBps = 500, Partitions = 1000, RetentionHours = 24 };

    [Fact]
    public void The_summary_holds_the_engines_brokers_costs_and_totals_for_every_recommended_pick()
    {
        var report = Reports.Plan(Workload);

        var pdf = ReadBack.Read(Reports.Renderer().PlanSummary(report));

        foreach (var pick in report.Result.Recommended.Where(r => r.Option is not null))
        {
            var option = pick.Option!;
            Assert.Contains(option.Type.Name, pdf.All, StringComparison.Ordinal);
            Assert.Contains(ReadBack.Usd(option.MonthlyCost!.Total), pdf.All, StringComparison.Ordinal);
            Assert.Contains(ReadBack.Usd(option.MonthlyCost.Total * 12), pdf.All, StringComparison.Ordinal);
        }

        var headline = PlanHeadline.Pick(report.Result, null)!.Option!;
        var cost = headline.MonthlyCost!;
        foreach (var part in new[] { cost.Brokers, cost.Storage, cost.DataIn, cost.CrossAz, cost.Total })
        {
            Assert.Contains(ReadBack.Usd(part), pdf.All, StringComparison.Ordinal);
        }

        Assert.Contains($"Cost breakdown: {headline.Brokers} x {headline.Type.Name}", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_measured_from_a_running_cluster_says_where_and_over_which_window()
    {
        var report = Reports.Plan(Workload) with { MeasuredFrom = "prod-prometheus, 2026-11-25 09:00 to 2026-12-02 09:00 UTC" };

        var pdf = ReadBack.Read(Reports.Renderer().PlanSummary(report));

        Assert.Contains("Workload measured from prod-prometheus, 2026-11-25 09:00 to 2026-12-02 09:00 UTC.", pdf.All, StringComparison.Ordinal);
        Assert.DoesNotContain("measured from", ReadBack.Read(Reports.Renderer().PlanSummary(Reports.Plan(Workload))).All, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_names_the_plan_region_prices_as_of_date_and_app_version()
    {
        var pdf = ReadBack.Read(Reports.Renderer().PlanSummary(Reports.Plan(Workload, share: "https://planner.example/shared/abc")));

        Assert.Contains("Plan: Orders EU (revision 3)", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Order events for the EU shops", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Region us-east-1", pdf.All, StringComparison.Ordinal);
        Assert.Contains($"published {new BundledSnapshotPriceSource().Snapshot.Origin.AsOf:yyyy-MM-dd}", pdf.All, StringComparison.Ordinal);
        Assert.Contains("MskPlanner 1.2.3", pdf.Pages[0], StringComparison.Ordinal);
        Assert.Contains("https://planner.example/shared/abc", pdf.Pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_appendix_gives_the_cluster_settings_the_review_and_the_alarms_sized_to_the_plan()
    {
        var report = Reports.Plan(Workload with { ClientAuthentication = "scram", Tags = "team=orders" }, family: BrokerFamily.M5);

        var pdf = ReadBack.Read(Reports.Renderer().PlanSummary(report));

        var appendix = pdf.All[pdf.All.IndexOf("Appendix: deploying the cluster", StringComparison.Ordinal)..];
        Assert.Contains("SASL/SCRAM", appendix, StringComparison.Ordinal);
        Assert.Contains("team=orders", appendix, StringComparison.Ordinal);
        Assert.Contains("Best-practice review", appendix, StringComparison.Ordinal);
        Assert.Contains("Three availability zones", appendix, StringComparison.Ordinal);
        Assert.Contains("Alarms sized to the plan", appendix, StringComparison.Ordinal);
        Assert.Contains("Data disk used", appendix, StringComparison.Ordinal);
        Assert.Contains("> 85 %", appendix, StringComparison.Ordinal);
        Assert.DoesNotContain("Cluster name", pdf.All[..pdf.All.IndexOf("Appendix: deploying the cluster", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_with_growth_shows_each_familys_resizes_and_total_over_the_horizon()
    {
        var report = Reports.Plan(Workload with { MonthlyGrowthPercent = 12, HorizonMonths = 18 });

        var pdf = ReadBack.Read(Reports.Renderer().PlanSummary(report));

        var growth = report.Result.Growth!;
        Assert.Contains("Growth over 18 months", pdf.All, StringComparison.Ordinal);
        Assert.All(growth.TotalCost.Values.OfType<decimal>(), total => Assert.Contains(ReadBack.Usd(total), pdf.All, StringComparison.Ordinal));
        var resize = growth.Resizes[0];
        Assert.Contains($"month {resize.Month}: {resize.FromBrokers:N0} x {resize.FromInstanceType}", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_that_moves_has_a_migration_section_with_each_cost_line_and_every_step_of_the_runbook()
    {
        var report = Reports.Plan(Workload with
        {
            Migration = new MigrationRequest
            {
                Source = new() { Kind = "ec2", InstanceType = "m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 1000, KafkaVersion = "3.6.0" },
                ParallelRunDays = 21,
            },
        }, family: BrokerFamily.M7g);

        var pdf = ReadBack.Read(Reports.Renderer().PlanSummary(report));

        var move = MigrationEngine.For(report.Result, BrokerFamily.M7g)!;
        Assert.Contains("Migration: 21 days with both clusters", pdf.All, StringComparison.Ordinal);
        foreach (var amount in new[] { move.Cost!.Source, move.Cost.Target, move.Cost.Replication, move.Cost.Transfer, move.Cost.Total })
        {
            Assert.Contains(ReadBack.Usd(amount), pdf.All, StringComparison.Ordinal);
        }

        Assert.All(move.Steps, (step, i) => Assert.Contains($"{i + 1}. {step.Title.Split(' ')[0]}", pdf.All, StringComparison.Ordinal));
        Assert.Contains("from self-managed Kafka 3.6.0 on 6 x m5.2xlarge", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Serverless_is_costed_beside_the_families_with_each_component_and_quota()
    {
        var report = Reports.Plan(new SizingRequest { AvgDataInMiBps = 10, Partitions = 300 });

        var pdf = ReadBack.Read(Reports.Renderer().PlanSummary(report));

        var cost = report.Result.Serverless!.MonthlyCost!;
        Assert.Contains("MSK Serverless, as an alternative", pdf.All, StringComparison.Ordinal);
        Assert.Contains("100 leader partitions", pdf.All, StringComparison.Ordinal);
        Assert.Contains(ReadBack.Usd(cost.Total), pdf.All, StringComparison.Ordinal);
        Assert.Contains(ReadBack.Usd(cost.Cluster), pdf.All, StringComparison.Ordinal);
        Assert.Contains("Ingress per partition", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_described_as_streams_lists_each_stream_and_how_they_add_up()
    {
        var report = Reports.Plan(new SizingRequest
        {
            Streams =
            [
                new StreamRequest { Name = "orders", MessagesPerSecond = 1000, MessageBytes = 1024, ConsumerGroups = 2 },
                new StreamRequest { Name = "clicks", MessagesPerSecond = 20_000, MessageBytes = 512, Compression = "zstd", RetentionHours = 24 },
            ],
        });

        var pdf = ReadBack.Read(Reports.Renderer().PlanSummary(report));

        var streams = pdf.All[pdf.All.IndexOf("Streams", StringComparison.Ordinal)..];
        Assert.Contains("orders", streams, StringComparison.Ordinal);
        Assert.Contains("512 B, zstd 3.2x", streams, StringComparison.Ordinal);
        Assert.Contains("retention weighted by bytes", streams, StringComparison.Ordinal);
        Assert.Contains("2 streams:", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void An_appendix_explains_the_costed_picks_figures_with_formulas_working_and_sources()
    {
        var report = Reports.Plan(Workload);

        var pdf = ReadBack.Read(Reports.Renderer().PlanSummary(report));

        var appendix = pdf.All[pdf.All.IndexOf("Appendix: how the figures were worked out", StringComparison.Ordinal)..];
        var pick = PlanHeadline.Pick(report.Result, report.Family)!.Option!;
        Assert.Contains($"{pick.Type.Name}: brokers", appendix, StringComparison.Ordinal);
        Assert.Contains("Formula: brokers × hourly price × 730 hours", appendix, StringComparison.Ordinal);
        Assert.Contains($"usagetype <P>-Kafka.{pick.Type.Name["kafka.".Length..]}", appendix, StringComparison.Ordinal);
        Assert.Contains("EBS to provision (Standard brokers)", appendix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workload_Serverless_cannot_take_says_which_quota_rules_it_out()
    {
        var pdf = ReadBack.Read(Reports.Renderer().PlanSummary(Reports.Plan(new SizingRequest { AvgDataInMiBps = 250, Partitions = 3000 })));

        Assert.Contains("Over MSK Serverless's ingress of 200 MBps (190.7 MiB/s) per cluster", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documents_title_names_the_plan_and_its_revision()
    {
        using var saved = UglyToad.PdfPig.PdfDocument.Open(Reports.Renderer().PlanSummary(Reports.Plan(Workload, name: "Orders cluster (prod)")));
        using var unsaved = UglyToad.PdfPig.PdfDocument.Open(Reports.Renderer().PlanSummary(Reports.Plan(Workload, name: null)));

        Assert.Equal("Orders cluster (prod), revision 3", saved.Information.Title);
        Assert.Equal("MSK cost summary: unsaved plan", unsaved.Information.Title);
    }

    [Fact]
    public void Edits_not_yet_saved_are_named_as_unsaved_changes_to_their_revision()
    {
        var report = Reports.Plan(Workload, name: "Orders cluster (prod)") with { Unsaved = true };
        using var document = UglyToad.PdfPig.PdfDocument.Open(Reports.Renderer().PlanSummary(report));

        Assert.Equal("Orders cluster (prod), unsaved changes to revision 3", document.Information.Title);
        Assert.Contains("Plan: Orders cluster (prod) (unsaved changes to revision 3)", document.GetPage(1).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_lists_storage_network_self_managed_and_advice()
    {
        var report = Reports.Plan(Workload with { NearestReplicaFetching = false });

        var pdf = ReadBack.Read(Reports.Renderer().PlanSummary(report));

        Assert.Contains($"{report.Result.Storage.EbsGiB.ToString("#,0", CultureInfo.InvariantCulture)} GiB", pdf.All, StringComparison.Ordinal);
        Assert.Contains("MSK compared with self-managed Kafka on EC2", pdf.All, StringComparison.Ordinal);
        var m5 = report.Result.Recommended.Single(r => r.Family == BrokerFamily.M5).Option!;
        Assert.Contains(ReadBack.Usd(m5.SelfManaged!.Total), pdf.All, StringComparison.Ordinal);
        var difference = m5.SelfManaged.Total - m5.MonthlyCost!.Total;
        Assert.Contains((difference >= 0 ? "+" : "-") + ReadBack.Usd(Math.Abs(difference)), pdf.All, StringComparison.Ordinal);
        Assert.Contains("EC2 minus MSK", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Turn on nearest replica fetching", pdf.All, StringComparison.Ordinal);
        Assert.Contains("min.insync.replicas", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_is_numbered_and_nothing_is_drawn_off_the_page()
    {
        var pdf = ReadBack.Read(Reports.Renderer().PlanSummary(Reports.Plan(Workload)));

        Assert.True(pdf.Pages.Count >= 2);
        for (var i = 0; i < pdf.Pages.Count; i++)
        {
            Assert.Contains($"Page {i + 1} of {pdf.Pages.Count}", pdf.Pages[i], StringComparison.Ordinal);
        }

        Assert.True(pdf.LettersInsidePage);
    }

    [Theory]
    [InlineData(PaperSize.A4, 595, 842)]
    [InlineData(PaperSize.Letter, 612, 792)]
    public void The_paper_size_is_a_setting(PaperSize paper, double width, double height)
    {
        var pdf = ReadBack.Read(Reports.Renderer(paper).PlanSummary(Reports.Plan(Workload)));

        Assert.All(pdf.Sizes, size =>
        {
            Assert.Equal(width, size.Width, 0);
            Assert.Equal(height, size.Height, 0);
        });
    }

    [Fact]
    public void A_long_name_and_description_wrap_instead_of_running_off_the_page()
    {
        var words = string.Join(' ', Enumerable.Repeat("streaming-platform-with-a-very-long-name", 20));
        var report = Reports.Plan(Workload, name: words) with { Description = words + " " + new string('x', 400) };

        var pdf = ReadBack.Read(Reports.Renderer().PlanSummary(report));

        Assert.True(pdf.LettersInsidePage);
    }

    [Fact]
    public void A_missing_font_gives_a_clear_error_and_no_file()
    {
        var error = Assert.Throws<ReportFontsMissingException>(() => new DejaVuFontResolver(["/nonexistent-fonts"]));

        Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
        Assert.Contains("Reports:FontDirectory", error.Message, StringComparison.Ordinal);
    }
}
