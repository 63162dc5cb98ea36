using Bunit;
using Bunit.TestDoubles;

using Microsoft.Extensions.DependencyInjection;

using MskPlanner.Sizing;
using MskPlanner.Web.Components.Plans;

namespace MskPlanner.Web.Tests.Components;

/// <summary>Names written to attack the page: they must reach it as text, never as markup.</summary>
public class HostileNamesTests : PlannerTestContext
{
    private const string Hostile = "<script>alert(1)</script>\"'><svg onload=alert(2)>";

    [Theory]
    [InlineData("items")]
    [InlineData("families")]
    [InlineData("zones")]
    [InlineData("retention")]
    public async Task A_hostile_plan_name_is_text_in_every_comparison_table_and_chart(string view)
    {
        var a = (await Plans.CreateAsync(Persistence.Caller.LocalUser, null, Hostile, Hostile, new SizingRequest { AvgDataInMiBps = 40, Partitions = 1000 }, null, null)).Value!.Plan.Id;
        var b = (await Plans.CreateAsync(Persistence.Caller.LocalUser, null, Hostile + " 2", null, new SizingRequest { AvgDataInMiBps = 40, Partitions = 1000, RetentionHours = 24 }, null, null)).Value!.Plan.Id;
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo(view == "items" ? $"/compare?items={a},{b}" : $"/compare?plan={a}&variants={view}");

        var page = Render<ComparePage>();

        var scripts = page.FindAll("script");
        Assert.True(scripts.Count == 0, string.Join("\n", scripts.Select(s => s.ParentElement!.OuterHtml[..Math.Min(600, s.ParentElement.OuterHtml.Length)])));
        Assert.Empty(page.FindAll("svg[onload]"));
        Assert.Contains(page.FindAll("svg text, svg tspan"), t => t.TextContent.Contains("<script>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hostile_name_description_and_comment_are_text_on_the_plans_list_plan_page_and_shared_view()
    {
        var saved = (await Plans.CreateAsync(Persistence.Caller.LocalUser, null, Hostile, Hostile, new SizingRequest { AvgDataInMiBps = 40, Partitions = 1000 }, null, Hostile)).Value!;
        var token = (await Plans.Store.CreateShareAsync(Persistence.Caller.LocalUser, saved.Plan.Id, null))!.Token;

        var list = Render<PlansPage>();
        list.WaitForAssertion(() => Assert.Contains(Hostile, list.Find("table").TextContent, StringComparison.Ordinal));
        var plan = Render<PlanPage>(p => p.Add(c => c.Id, saved.Plan.Id));
        var shared = Render<SharedPlanPage>(p => p.Add(c => c.Token, token));

        foreach (var page in new IRenderedComponent<Microsoft.AspNetCore.Components.IComponent>[] { list, plan, shared })
        {
            Assert.Empty(page.FindAll("script"));
            Assert.Empty(page.FindAll("svg[onload]"));
            Assert.Contains(Hostile, page.Find("body, div").TextContent, StringComparison.Ordinal);
        }
    }
}
