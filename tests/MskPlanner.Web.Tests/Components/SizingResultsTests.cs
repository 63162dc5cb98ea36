using Bunit;

using MskPlanner.Pricing;
using MskPlanner.Sizing;
using MskPlanner.Web.Components.Planner;

namespace MskPlanner.Web.Tests.Components;

public class SizingResultsTests : PlannerTestContext
{
    private static readonly PriceSheet Snapshot = new BundledSnapshotPriceSource().Snapshot;

    private static SizingResult Size(SizingRequest request, PriceSheet? prices = null) =>
        SizingEngine.Size(request.Resolve().GetValueOrThrow(), prices ?? Snapshot);

    [Fact]
    public void The_recommended_pick_of_each_family_is_highlighted_with_its_monthly_and_yearly_cost()
    {
        var result = Size(new SizingRequest { AvgDataInMiBps = 100, AvgDataOutMiBps = 500, Partitions = 1000, RetentionHours = 24 });

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        var m5 = result.Recommended.Single(r => r.Family == BrokerFamily.M5).Option!;
        var card = view.Find("[data-testid=pick-m5]");
        Assert.Contains(m5.Type.Name, card.TextContent, StringComparison.Ordinal);
        var monthly = m5.MonthlyCost!.Total;
        Assert.Contains($"{Usd(monthly)} / month", card.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{Usd(monthly * 12)} / year", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("recommended", view.Find($"tr[data-type='{m5.Type.Name}']").GetAttribute("class"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_results_open_with_the_pick_its_cost_and_why_it_beats_the_runner_up_before_the_family_cards()
    {
        var result = Size(new SizingRequest { AvgDataInMiBps = 50, AvgDataOutMiBps = 100, Partitions = 3000 });

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        var cheapest = result.Recommended.Where(r => r.Family != BrokerFamily.T3 && r.Split is null && r.Option?.MonthlyCost is not null)
            .OrderBy(r => r.Option!.MonthlyCost!.Total).First().Option!;
        var headline = view.Find("[data-testid=headline]");
        Assert.Equal($"Recommended: {cheapest.Brokers:N0} × {cheapest.Type.Name}", headline.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains($"{Usd(cheapest.MonthlyCost!.Total)} / month", headline.TextContent, StringComparison.Ordinal);
        Assert.Contains("a month less than the runner-up", view.Find("[data-testid=headline-why]").TextContent, StringComparison.Ordinal);
        Assert.True(headline.CompareDocumentPosition(view.Find("[data-testid=pick-m5]")).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
    }

    [Fact]
    public void A_count_that_relies_on_provisioned_throughput_shows_the_count_without_it()
    {
        // 3 x kafka.m5.8xlarge need 850 MiB/s volumes; on MSK's default 250 they would be 6 (worked by hand in the sizing tests).
        var result = Size(new SizingRequest { AvgDataInMiBps = 80, AvgDataOutMiBps = 160, Partitions = 2000, RetentionHours = 720, PrimaryRetentionHours = 24 });

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        Assert.Equal("with 850 MiB/s PST; 6 without", view.Find("tr[data-type='kafka.m5.8xlarge'] [data-testid=without-pst]").TextContent);
        Assert.Empty(view.FindAll("tr[data-type='kafka.m5.2xlarge'] [data-testid=without-pst]"));
    }

    [Fact]
    public void Express_shows_AWSs_own_count_beside_the_methods()
    {
        // 45 MBps in, 90 out: AWS's Express guide runs 3 x express.m7g.large, the method 6 (worked by hand in the sizing tests).
        var mibps = 1_000_000d / 1_048_576;
        var result = Size(new SizingRequest { AvgDataInMiBps = 45 * mibps, AvgDataOutMiBps = 90 * mibps, Partitions = 300 });

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        Assert.Equal("AWS's guide: 3", view.Find("tr[data-type='express.m7g.large'] [data-testid=aws-express]").TextContent);
    }

    [Fact]
    public void Every_limit_shows_how_full_it_runs_at_the_chosen_count()
    {
        var result = Size(new SizingRequest { AvgDataInMiBps = 50, AvgDataOutMiBps = 100, Partitions = 3000 });

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        var row = view.Find("tr[data-type='kafka.m5.4xlarge']");
        var limits = row.QuerySelectorAll(".limit");
        Assert.Equal(["Ingress", "Egress", "Partitions", "Storage"], limits.Select(l => l.QuerySelector(".limit-name")!.TextContent));
        var storage = result.Options.Single(o => o.Type.Name == "kafka.m5.4xlarge").Limits.Single(l => l.Kind == LimitKind.Storage);
        Assert.Equal(storage.Utilization.ToString("0%", System.Globalization.CultureInfo.InvariantCulture), limits[3].QuerySelector(".limit-pct")!.TextContent);
    }

    [Fact]
    public void A_type_without_a_price_in_the_region_is_shown_as_not_offered()
    {
        var prices = Snapshot with { BrokerHourly = Snapshot.BrokerHourly.Where(p => p.Key != "kafka.m7g.large").ToDictionary() };
        var result = Size(new SizingRequest { AvgDataInMiBps = 10, Partitions = 100 }, prices);

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        var row = view.Find("tr[data-type='kafka.m7g.large']");
        Assert.Contains("unavailable", row.GetAttribute("class"), StringComparison.Ordinal);
        Assert.Contains("Not offered in us-east-1", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("$0.00", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void T3_is_labelled_development_and_test_only()
    {
        var result = Size(new SizingRequest { AvgDataInMiBps = 1, Partitions = 50, RetentionHours = 24 });

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        Assert.Contains("dev/test only", view.Find("tr[data-type='kafka.t3.small']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Development and test only", view.Find("[data-testid=pick-t3]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Advice_lists_warnings_before_information_with_their_reasons()
    {
        var result = Size(new SizingRequest { AvgDataInMiBps = 200, Partitions = 3000, PageCacheSeconds = 86_400 });

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        var advice = view.Find("[data-testid=advice]").TextContent;
        var tlsCost = result.Advice.Single(a => a.Code == "tls-cpu");
        var pageCache = result.Advice.Single(a => a.Code == "page-cache");
        Assert.Contains(tlsCost.Reason, advice, StringComparison.Ordinal);
        Assert.True(advice.IndexOf(pageCache.Message, StringComparison.Ordinal) < advice.IndexOf(tlsCost.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void New_results_with_the_same_advice_leave_the_advice_list_undrawn_and_new_advice_shows()
    {
        var workload = new SizingRequest { AvgDataInMiBps = 50, AvgDataOutMiBps = 100, Partitions = 3000 };
        var first = Size(workload);
        var same = Size(workload with { AvgDataInMiBps = 51 });
        Assert.Equal(first.Advice, same.Advice);
        var view = Render<SizingResults>(p => p.Add(c => c.Result, first));
        var list = view.FindComponent<AdviceList>();
        var drawn = list.RenderCount;

        view.Render(p => p.Add(c => c.Result, same));

        Assert.Equal(drawn, list.RenderCount);

        var changed = Size(workload with { RetentionHours = 720, PrimaryRetentionHours = 24 });
        var added = changed.Advice.Except(first.Advice).Where(a => !MskPlanner.Deployment.PlanReview.CoveredAdvice.Contains(a.Code)).ToList();
        Assert.NotEmpty(added);
        view.Render(p => p.Add(c => c.Result, changed));

        Assert.All(added, a => Assert.Contains(a.Message, view.Find("[data-testid=advice]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Best_practices_show_once_as_review_checks_not_again_as_advice()
    {
        var result = Size(new SizingRequest { AvgDataInMiBps = 10, Partitions = 100, AvailabilityZones = 2, NearestReplicaFetching = false, AvgDataOutMiBps = 30 });

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        var advice = view.Find("[data-testid=advice]").TextContent;
        var review = view.Find("[data-testid=review]").TextContent;
        Assert.DoesNotContain(result.Advice.Single(a => a.Code == "three-azs").Message, advice, StringComparison.Ordinal);
        Assert.Contains("Check: Three availability zones.", review, StringComparison.Ordinal);
        Assert.Contains("Check: Nearest replica fetching.", review, StringComparison.Ordinal);
    }

    [Fact]
    public void The_advice_and_the_review_are_read_as_plain_lists_not_as_a_listbox_to_choose_from()
    {
        var result = Size(new SizingRequest { AvgDataInMiBps = 10, Partitions = 100, AvailabilityZones = 2, AvgDataOutMiBps = 30 });

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        Assert.Empty(view.FindAll("[role=listbox], [role=option]"));
        Assert.Equal("UL", view.Find("[data-testid=advice]").TagName);
        Assert.NotEmpty(view.FindAll("ul[data-testid=advice] > li"));
        Assert.NotEmpty(view.FindAll("ul[data-testid=review] > li"));
    }

    [Fact]
    public void Every_figure_that_opens_its_working_is_named_by_what_it_explains_as_well_as_by_the_figure()
    {
        var result = Size(new SizingRequest { AvgDataInMiBps = 50, AvgDataOutMiBps = 100, Partitions = 3000 });

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        var buttons = view.FindAll("button.explain");
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b =>
        {
            var name = b.GetAttribute("aria-label") ?? "";
            Assert.StartsWith(b.TextContent.Trim(), name, StringComparison.Ordinal);
            Assert.Matches(@": how (it is|they are) worked out$", name);
        });
        Assert.Contains(buttons, b => b.GetAttribute("aria-label") == $"{Usd(result.Recommended.Single(r => r.Family == BrokerFamily.M5).Option!.MonthlyCost!.Total)}, {result.Recommended.Single(r => r.Family == BrokerFamily.M5).Option!.Type.Name}'s monthly cost: how it is worked out");
    }

    [Fact]
    public void Storage_and_network_figures_are_shown_with_units()
    {
        var result = Size(new SizingRequest { AvgDataInMiBps = 50, AvgDataOutMiBps = 100, Partitions = 3000 });

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result));

        Assert.Equal("177,188 GiB", view.Find("[data-testid=ebs-gib]").TextContent);
        Assert.Equal("85,547 GiB / month", view.Find("[data-testid=cross-az]").TextContent);
    }

    private static string Usd(decimal amount) => amount.ToString("$#,0.00", System.Globalization.CultureInfo.InvariantCulture);
}
