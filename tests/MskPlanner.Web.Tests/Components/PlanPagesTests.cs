using Bunit;
using Bunit.TestDoubles;

using Microsoft.Extensions.DependencyInjection;

using MskPlanner.Sizing;
using MskPlanner.Web.Components.Plans;

namespace MskPlanner.Web.Tests.Components;

public class PlanPagesTests : PlannerTestContext
{
    private async Task<int> SaveAsync(string name, double avgIn, double retention = 168)
    {
        var saved = await Plans.CreateAsync(Persistence.Caller.LocalUser, null, name, $"{name} description", new SizingRequest { AvgDataInMiBps = avgIn, Partitions = 900, RetentionHours = retention }, null, null);
        return saved.Value!.Plan.Id;
    }

    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    [Fact]
    public async Task The_plans_list_shows_saved_plans_with_their_cost_and_filters_by_name()
    {
        await SaveAsync("Payments", 20);
        await SaveAsync("Clickstream", 80);

        var page = Render<PlansPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-plan]").Count));
        Assert.Contains("$", page.Find("[data-testid=plans]").TextContent, StringComparison.Ordinal);

        page.Find("input#plan-search").Input("click");

        page.WaitForAssertion(() => Assert.Equal(["Clickstream"], page.FindAll("[data-plan]").Select(a => a.TextContent.Trim())));
    }

    [Fact]
    public async Task The_plans_search_lives_in_the_address_so_a_reload_keeps_it()
    {
        await SaveAsync("Payments", 20);
        await SaveAsync("Clickstream", 80);
        Navigation.NavigateTo("/plans?search=click");

        var page = Render<PlansPage>();

        page.WaitForAssertion(() => Assert.Equal(["Clickstream"], page.FindAll("[data-plan]").Select(a => a.TextContent.Trim())));
        Assert.Equal("click", page.Find("input#plan-search").GetAttribute("value"));

        page.Find("input#plan-search").Input("pay");
        page.WaitForAssertion(() => Assert.EndsWith("/plans?search=pay", Navigation.Uri, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Equal(["Payments"], page.FindAll("[data-plan]").Select(a => a.TextContent.Trim())));
    }

    [Fact]
    public async Task A_plan_opens_with_its_saved_inputs_and_saving_adds_a_revision_to_its_history()
    {
        var id = await SaveAsync("Orders", 30);
        var page = Render<PlanPage>(p => p.Add(c => c.Id, id));

        Assert.Equal("30", page.Find("input#avgDataInMiBps").GetAttribute("value"));
        Assert.Single(page.FindAll("[data-testid=history] tr[data-revision]"));

        page.Find("input#avgDataInMiBps").Input("45");

        // 45 MiB/s for a week needs 159,469 GiB of EBS: ten 16 TiB volumes, twelve brokers.
        page.WaitForAssertion(() => Assert.Equal("12", page.Find("tr[data-type='kafka.m5.large'] td[data-col=brokers]").TextContent));
        await page.InvokeAsync(() => page.Find("[data-testid=save-revision]").Click());

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=history] tr[data-revision]").Count));
        Assert.Equal(45, (await Plans.Store.GetAsync(Persistence.Caller.LocalUser, id))!.Revision.Inputs.AvgDataInMiBps);
        Assert.Equal(30, (await Plans.Store.GetAsync(Persistence.Caller.LocalUser, id, 1))!.Revision.Inputs.AvgDataInMiBps);
    }

    [Fact]
    public async Task An_old_revision_opens_with_a_way_back_to_the_latest()
    {
        var id = await SaveAsync("Orders", 30);
        await Plans.SaveRevisionAsync(Persistence.Caller.LocalUser, id, new SizingRequest { AvgDataInMiBps = 60, Partitions = 900 }, null, "doubled");

        Navigation.NavigateTo($"/plans/{id}?revision=1");
        var page = Render<PlanPage>(p => p.Add(c => c.Id, id));

        Assert.Equal("30", page.Find("input#avgDataInMiBps").GetAttribute("value"));
        Assert.Contains("revision 1", page.Find("[data-testid=old-revision]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_plan_is_not_found()
    {
        var notFound = false;
        Navigation.OnNotFound += (_, _) => notFound = true;

        Render<PlanPage>(p => p.Add(c => c.Id, 404404));

        Assert.True(notFound);
    }

    [Fact]
    public async Task A_shared_link_shows_the_plan_read_only_with_a_way_to_copy_it()
    {
        var id = await SaveAsync("Shared orders", 25);
        var link = await Plans.Store.CreateShareAsync(Persistence.Caller.LocalUser, id, null);

        var page = Render<SharedPlanPage>(p => p.Add(c => c.Token, link!.Token));

        Assert.Equal("Shared orders", page.Find("[data-testid=plan-name]").TextContent);
        Assert.Equal("25", page.Find("[data-testid=inputs] tr[data-field=avgDataInMiBps] td.num").TextContent);
        Assert.Empty(page.FindAll("input#avgDataInMiBps"));
        Assert.Empty(page.FindAll("[data-testid=save-revision]"));
        Assert.Equal("Copy into a new plan", page.Find("[data-testid=copy-plan]").TextContent.Trim());
    }

    [Fact]
    public async Task A_revoked_share_link_is_not_found()
    {
        var id = await SaveAsync("Shared orders", 25);
        var link = await Plans.Store.CreateShareAsync(Persistence.Caller.LocalUser, id, null);
        await Plans.Store.RevokeShareAsync(Persistence.Caller.LocalUser, id, link!.Link.Id);

        var notFound = false;
        Navigation.OnNotFound += (_, _) => notFound = true;

        Render<SharedPlanPage>(p => p.Add(c => c.Token, link.Token));

        Assert.True(notFound);
    }

    [Fact]
    public async Task A_comparison_puts_plans_side_by_side_and_highlights_what_differs()
    {
        var a = await SaveAsync("1 day", 40, 24);
        var b = await SaveAsync("3 days", 40, 72);
        var c = await SaveAsync("7 days", 40, 168);
        Navigation.NavigateTo($"/compare?items={a},{b},{c}");

        var page = Render<ComparePage>();

        Assert.Equal(["1 day", "3 days", "7 days"], page.FindAll("th[data-column]").Select(th => th.TextContent.Trim()));
        Assert.Contains("differs", page.Find("tr[data-row=retentionHours]").GetAttribute("class"), StringComparison.Ordinal);
        var differences = page.FindAll("tr[data-row=difference] td").Skip(1).Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("", differences[0]);
        Assert.StartsWith("+$", differences[2], StringComparison.Ordinal);
        Assert.EndsWith("%)", differences[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comparison_gives_the_verdict_before_the_inputs_and_folds_the_inputs_every_plan_shares()
    {
        var a = await SaveAsync("1 day", 40, 24);
        var b = await SaveAsync("3 days", 40, 72);
        Navigation.NavigateTo($"/compare?items={a},{b}");

        var page = Render<ComparePage>();

        var rows = page.FindAll("tbody tr[data-row]").Select(r => r.GetAttribute("data-row")).ToList();
        Assert.Equal(["monthly", "yearly", "difference"], rows.Take(3));
        Assert.True(rows.IndexOf("pick-m5") < rows.IndexOf("retentionHours"));
        Assert.Empty(page.FindAll("tr[data-row=partitions]"));
        // Neither plan grows: the growth inputs are not listed at all, folded or not.
        var fold = page.Find("tr[data-row=equal-inputs] button");
        Assert.Matches(@"^\d+ inputs equal in every plan: show$", fold.TextContent.Trim());
        Assert.Equal("false", fold.GetAttribute("aria-expanded"));

        fold.Click();

        Assert.DoesNotContain("differs", page.Find("tr[data-row=leaderPartitions]").GetAttribute("class") ?? "", StringComparison.Ordinal);
        Assert.Empty(page.FindAll("tr[data-row=monthlyGrowthPercent]"));
        Assert.Equal("true", page.Find("tr[data-row=equal-inputs] button").GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task A_comparison_of_one_plan_or_a_missing_plan_explains_what_is_wrong()
    {
        var a = await SaveAsync("Only", 10);

        Navigation.NavigateTo($"/compare?items={a}");
        var one = Render<ComparePage>();
        Assert.Contains("Compare 2 to 4 plans", one.Find("[data-testid=compare-errors]").TextContent, StringComparison.Ordinal);

        Navigation.NavigateTo($"/compare?items={a},987654");
        var missing = Render<ComparePage>();
        Assert.Contains("There is no plan 987654", missing.Find("[data-testid=compare-errors]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variants_of_a_plan_compare_the_broker_families()
    {
        var id = await SaveAsync("Orders", 30);

        Navigation.NavigateTo($"/compare?plan={id}&variants=families");
        var page = Render<ComparePage>();

        Assert.Equal(4, page.FindAll("th[data-column]").Count);
        Assert.Contains("kafka.t3.small", page.Find("tr[data-row=instanceType]").TextContent, StringComparison.Ordinal);
        Assert.Contains("express.m7g", page.Find("tr[data-row=instanceType]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_saved_with_inputs_that_no_longer_size_opens_and_says_why_on_its_page_and_its_shared_view()
    {
        var stamp = new Persistence.PriceStamp("bundled snapshot", "us-east-1", new DateOnly(2026, 1, 1), null);
        var saved = await Plans.Store.CreateAsync(Persistence.Caller.LocalUser, null, "Saved long ago", null, new Persistence.RevisionDraft(new SizingRequest { AvgDataInMiBps = 1e-305, AvgDataOutMiBps = 100_000, Partitions = 1 }, "us-east-1", null, null, stamp));
        var token = (await Plans.Store.CreateShareAsync(Persistence.Caller.LocalUser, saved!.Plan.Id, null))!.Token;

        var plan = Render<PlanPage>(p => p.Add(c => c.Id, saved.Plan.Id));
        var shared = Render<SharedPlanPage>(p => p.Add(c => c.Token, token));

        Assert.Equal("Saved long ago", plan.Find("[data-testid=plan-name]").TextContent.Trim());
        Assert.Contains("at least 0.001", plan.Markup, StringComparison.Ordinal);
        Assert.Contains("at least 0.001", shared.Find("[data-testid=inputs-no-longer-size]").TextContent, StringComparison.Ordinal);
    }
}
