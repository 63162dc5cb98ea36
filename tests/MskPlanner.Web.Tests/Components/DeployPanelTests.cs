using Bunit;

using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

using MskPlanner.Deployment;
using MskPlanner.Pricing;
using MskPlanner.Sizing;
using MskPlanner.Web.Components.Deploy;
using MskPlanner.Web.Components.Planner;

namespace MskPlanner.Web.Tests.Components;

public class DeployPanelTests : PlannerTestContext
{
    private static readonly SizingRequest Workload = new() { AvgDataInMiBps = 50, AvgDataOutMiBps = 100, Partitions = 3000 };

    private static new SizingResult Size(SizingRequest request) => SizingEngine.Size(request.Resolve().GetValueOrThrow(), new BundledSnapshotPriceSource().Snapshot);

    [Fact]
    public void The_deploy_section_opens_on_the_review_and_each_tab_shows_its_files()
    {
        var view = Render<SizingResults>(p => p.Add(c => c.Result, Size(Workload)).Add(c => c.Family, BrokerFamily.M5).Add(c => c.PlanName, "Orders EU"));

        var tabs = view.FindAll("[role=tab]").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["Review", "Terraform", "CloudFormation", "CLI", "Alarms", "Load test"], tabs);
        Assert.Single(view.FindAll("[data-testid=review]"));
        Assert.Contains("orders-eu: ", view.Find("[data-testid=deploy-summary]").TextContent, StringComparison.Ordinal);

        view.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == "Terraform").Click();

        var main = view.Find("pre[aria-label='Contents of terraform/main.tf']").TextContent;
        var pick = PlanHeadline.Pick(Size(Workload), BrokerFamily.M5)!.Option!;
        Assert.Contains($"instance_type   = \"{pick.Type.Name}\"", main, StringComparison.Ordinal);
        Assert.Contains($"number_of_broker_nodes = {pick.Brokers}", main, StringComparison.Ordinal);
    }

    [Fact]
    public void A_copy_button_copies_its_files_whole_text()
    {
        var clipboard = JSInterop.SetupModule("./js/clipboard.js");
        clipboard.Setup<bool>("copyText", _ => true).SetResult(true);
        var view = Render<SizingResults>(p => p.Add(c => c.Result, Size(Workload)).Add(c => c.PlanName, "Orders EU"));
        view.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == "CLI").Click();

        view.Find("button[aria-label='Copy cli/provisioned.json']").Click();

        var copied = clipboard.Invocations["copyText"].Single().Arguments[0] as string;
        Assert.Equal(view.Find("pre[aria-label='Contents of cli/provisioned.json']").TextContent, copied);
    }

    [Fact]
    public void Copying_one_file_after_another_leaves_one_notice_not_a_stack()
    {
        var clipboard = JSInterop.SetupModule("./js/clipboard.js");
        clipboard.Setup<bool>("copyText", _ => true).SetResult(true);
        var view = Render<SizingResults>(p => p.Add(c => c.Result, Size(Workload)).Add(c => c.PlanName, "Orders EU"));
        view.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == "CLI").Click();

        foreach (var button in view.FindAll("button[aria-label^='Copy cli/']").Take(3).Select(b => b.GetAttribute("aria-label")).ToList())
        {
            view.Find($"button[aria-label='{button}']").Click();
        }

        var notice = Assert.Single(Services.GetRequiredService<MudBlazor.ISnackbar>().ShownSnackbars);
        Assert.EndsWith(" copied.", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_arrow_keys_move_between_the_deploy_tabs_and_open_the_one_they_land_on()
    {
        var view = Render<SizingResults>(p => p.Add(c => c.Result, Size(Workload)).Add(c => c.PlanName, "Orders EU"));
        string Open() => view.Find("[role=tab][aria-selected=true]").TextContent.Trim();

        view.Find("[role=tab][aria-selected=true]").KeyDown(new KeyboardEventArgs { Key = "ArrowLeft" });
        view.WaitForAssertion(() => Assert.Equal("Load test", Open()));
        // Focus follows to the tab opened (a real browser checks where it lands: KeyboardTests).
        JSInterop.VerifyFocusAsyncInvoke();
        view.Find("[role=tab][aria-selected=true]").KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        view.WaitForAssertion(() => Assert.Equal("Review", Open()));
        view.Find("[role=tab][aria-selected=true]").KeyDown(new KeyboardEventArgs { Key = "End" });
        view.WaitForAssertion(() => Assert.Equal("Load test", Open()));

        // Only the open tab is in the tab order; the panel it opened is named by it.
        Assert.Equal(["-1", "-1", "-1", "-1", "-1", "0"], view.FindAll("[role=tab]").Select(t => t.GetAttribute("tabindex")));
        Assert.Equal("deploy-tab-5", view.Find("[role=tabpanel]").GetAttribute("aria-labelledby"));
    }

    [Fact]
    public void The_alarms_tab_tables_each_alarm_with_its_threshold_and_what_to_do()
    {
        var view = Render<SizingResults>(p => p.Add(c => c.Result, Size(Workload)).Add(c => c.Family, BrokerFamily.M5));

        view.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == "Alarms").Click();

        var table = view.Find("[data-testid=alarm-table]").TextContent;
        Assert.Contains("CPU user + system", table, StringComparison.Ordinal);
        Assert.Contains("> 60 % for 5 min", table, StringComparison.Ordinal);
        Assert.Contains("When it fires:", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_MSK_would_refuse_say_why_instead_of_offering_files_and_the_advice_stays_whole()
    {
        var result = Size(Workload with { KafkaVersion = "4.1.x.kraft" });

        var view = Render<SizingResults>(p => p.Add(c => c.Result, result).Add(c => c.Family, BrokerFamily.Express));

        Assert.Contains("MSK creates Express clusters on", view.Find("[data-testid=deploy-problem]").TextContent, StringComparison.Ordinal);
        Assert.Empty(view.FindAll("[role=tab]"));
        Assert.Contains(result.Advice.Single(a => a.Code == "cost-tags").Message, view.Find("[data-testid=advice]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void New_results_that_leave_the_review_as_it_was_do_not_draw_the_tabs_again()
    {
        var first = Size(Workload);
        var next = Size(Workload with { AvgDataInMiBps = 51 });
        Assert.NotEqual(first.Recommended.Select(r => r.Option?.MonthlyCost?.Total), next.Recommended.Select(r => r.Option?.MonthlyCost?.Total));
        Assert.Equal(Review(first), Review(next));
        var view = Render<SizingResults>(p => p.Add(c => c.Result, first));
        var tabs = view.FindComponent<DeployTabs>();
        var drawn = tabs.RenderCount;

        view.Render(p => p.Add(c => c.Result, next));

        Assert.Equal(drawn, tabs.RenderCount);
        var shown = view.Find("[data-testid=review]").TextContent;
        Assert.All(Review(next), item => Assert.Contains(item.Finding, shown, StringComparison.Ordinal));
    }

    [Fact]
    public void Results_that_change_the_review_or_the_open_tabs_files_show_the_new_ones()
    {
        var view = Render<SizingResults>(p => p.Add(c => c.Result, Size(Workload)).Add(c => c.Family, BrokerFamily.M5));
        Assert.Contains("Pass: Three availability zones", view.Find("[data-testid=review]").TextContent, StringComparison.Ordinal);

        view.Render(p => p.Add(c => c.Result, Size(Workload with { AvailabilityZones = 2 })).Add(c => c.Family, BrokerFamily.M5));

        Assert.DoesNotContain("Pass: Three availability zones", view.Find("[data-testid=review]").TextContent, StringComparison.Ordinal);
        view.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == "Terraform").Click();
        var wider = Size(Workload with { AvgDataInMiBps = 200, AvailabilityZones = 2 });
        view.Render(p => p.Add(c => c.Result, wider).Add(c => c.Family, BrokerFamily.M5));
        var pick = PlanHeadline.Pick(wider, BrokerFamily.M5)!.Option!;
        Assert.Contains($"number_of_broker_nodes = {pick.Brokers}", view.Find("pre[aria-label='Contents of terraform/main.tf']").TextContent, StringComparison.Ordinal);
    }

    private static IReadOnlyList<ReviewItem> Review(SizingResult result) => PlanReview.For(ClusterBlueprint.From(result, null, null).Value!);
}
