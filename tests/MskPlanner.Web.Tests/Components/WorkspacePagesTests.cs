using System.Security.Claims;

using Bunit;

using Microsoft.Extensions.DependencyInjection;

using MskPlanner.Persistence;
using MskPlanner.Sizing;
using MskPlanner.Web.Access;
using MskPlanner.Web.Components.Workspaces;

using PlanPage = MskPlanner.Web.Components.Plans.PlanPage;

namespace MskPlanner.Web.Tests.Components;

/// <summary>The pages as Bob, signed in with OIDC, sees them: Alice owns the team workspace.</summary>
public class WorkspacePagesTests() : PlannerTestContext(context =>
{
    context.Services.Configure<AuthOptions>(o => (o.Mode, o.Oidc.Authority, o.Oidc.ClientId) = (AuthMode.Oidc, "https://id.example.com", "mskplanner"));
    context.AddAuthorization().SetAuthorized("Bob Baker").SetClaims(new Claim("sub", "bob-sub"), new Claim("name", "Bob Baker"), new Claim("email", "bob@example.com"), new Claim("email_verified", "true"));
})
{
    private static readonly Caller Alice = new("alice-sub", "Alice Archer", "alice@example.com", []);
    private static readonly Caller Bob = new("bob-sub", "Bob Baker", "bob@example.com", []);

    private WorkspaceStore Workspaces => Services.GetRequiredService<WorkspaceStore>();

    private async Task<(int Team, int Plan)> TeamPlanAsync(WorkspaceRole bobsRole)
    {
        var team = (await Workspaces.CreateTeamAsync(Alice, "Payments")).GetValueOrThrow();
        await Workspaces.AddMemberAsync(Alice, team.Id, Bob.Email!, bobsRole);
        var plan = await Plans.CreateAsync(Alice, team.Id, "Payments prod", null, new SizingRequest { AvgDataInMiBps = 20, Partitions = 600 }, null, null);
        return (team.Id, plan.GetValueOrThrow().Plan.Id);
    }

    [Fact]
    public async Task A_viewer_sees_the_plan_and_who_saved_it_but_no_way_to_change_or_share_it()
    {
        var (_, id) = await TeamPlanAsync(WorkspaceRole.Viewer);

        var page = Render<PlanPage>(p => p.Add(c => c.Id, id));

        page.WaitForAssertion(() => Assert.Contains("viewer", page.Find("[data-testid=view-only]").TextContent, StringComparison.Ordinal));
        Assert.Contains("by Alice Archer <alice@example.com>", page.Find("main, div").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=save-revision]"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Delete" or "Rename" or "Move or copy");
        Assert.DoesNotContain(page.FindAll(".mud-tab"), t => t.TextContent.Trim() == "Share");
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Copy");
    }

    [Fact]
    public async Task An_editor_can_save_and_share_the_teams_plan()
    {
        var (_, id) = await TeamPlanAsync(WorkspaceRole.Editor);

        var page = Render<PlanPage>(p => p.Add(c => c.Id, id));

        page.WaitForElement("[data-testid=save-revision]");
        Assert.Empty(page.FindAll("[data-testid=view-only]"));
        Assert.Contains(page.FindAll(".mud-tab"), t => t.TextContent.Trim() == "Share");
    }

    [Fact]
    public async Task A_viewers_copy_takes_the_changes_on_screen_and_the_dialog_offers_only_a_copy()
    {
        var (_, id) = await TeamPlanAsync(WorkspaceRole.Viewer);
        var page = Render<PlanPage>(p => p.Add(c => c.Id, id));
        page.WaitForElement("[data-testid=view-only]");
        page.Find("input#retentionHours").Input("48");

        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Copy").Click());

        var dialog = Dialogs.Find(".mud-dialog");
        Assert.Equal("Copy plan", Dialogs.Find(".mud-dialog-title").TextContent.Trim());
        Assert.Contains("Copying makes \"Copy of Payments prod\"", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("The changes on screen, not saved here, become the copy's latest revision.", dialog.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("mov", dialog.TextContent, StringComparison.OrdinalIgnoreCase);
        await Dialogs.InvokeAsync(() => Dialogs.Find("[data-testid=copy-plan]").Click());

        var navigation = Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/plans/\d+$", navigation.Uri));
        var copyId = int.Parse(navigation.Uri[(navigation.Uri.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var copy = (await Plans.Store.GetAsync(Bob, copyId))!;
        Assert.Equal("Copy of Payments prod", copy.Plan.Name);
        Assert.Equal(48, copy.Revision.Inputs.RetentionHours);
        Assert.Empty(Dialogs.FindAll(".mud-dialog"));
    }

    [Fact]
    public async Task An_editor_made_a_viewer_while_the_page_is_open_is_told_so_on_saving_and_keeps_the_edits()
    {
        var (team, id) = await TeamPlanAsync(WorkspaceRole.Editor);
        var page = Render<PlanPage>(p => p.Add(c => c.Id, id));
        page.WaitForElement("[data-testid=save-revision]");
        page.Find("input#avgDataInMiBps").Input("45");
        await Workspaces.AddMemberAsync(Alice, team, Bob.Email!, WorkspaceRole.Viewer);

        await page.InvokeAsync(() => page.Find("[data-testid=save-revision]").Click());

        var shown = Services.GetRequiredService<MudBlazor.ISnackbar>().ShownSnackbars;
        page.WaitForAssertion(() => Assert.Contains(shown, s => s.Message!.Contains("is viewer", StringComparison.Ordinal)));
        Assert.Equal("45", page.Find("input#avgDataInMiBps").GetAttribute("value"));
        Assert.Equal(1, (await Plans.Store.GetAsync(Alice, id))!.Plan.LatestRevision);
    }

    [Fact]
    public async Task A_plan_outside_the_users_workspaces_is_not_found()
    {
        var alicesOwn = (await Plans.CreateAsync(Alice, null, "Alice's own", null, new SizingRequest { AvgDataInMiBps = 20, Partitions = 600 }, null, null)).GetValueOrThrow();
        var notFound = false;
        Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().OnNotFound += (_, _) => notFound = true;

        var page = Render<PlanPage>(p => p.Add(c => c.Id, alicesOwn.Plan.Id));

        Assert.True(notFound);
        Assert.DoesNotContain("Alice's own", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_adds_a_member_by_email_and_a_bad_address_is_refused_at_the_field()
    {
        var team = (await Workspaces.CreateTeamAsync(Bob, "Data platform")).GetValueOrThrow();
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, team.Id));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-member]")));

        page.Find("#member-email").Input("not an address");
        await page.Find("form[aria-label='Add a member']").SubmitAsync();
        Assert.Contains("name@example.com", page.Find(".mud-input-helper-text.mud-input-error").TextContent, StringComparison.Ordinal);

        page.Find("#member-email").Input("Carol@Example.com");
        await page.Find("form[aria-label='Add a member']").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal(["bob@example.com", "carol@example.com"], page.FindAll("[data-member]").Select(r => r.GetAttribute("data-member")).Order()));
        Assert.Equal(WorkspaceRole.Editor, Assert.Single((await Workspaces.ListMembersAsync(Bob, team.Id))!, m => m.Email == "carol@example.com").Role);
    }

    [Fact]
    public async Task A_member_who_is_not_an_owner_sees_the_members_but_cannot_manage_them()
    {
        var (team, _) = await TeamPlanAsync(WorkspaceRole.Editor);

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, team));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-member]").Count));
        Assert.Empty(page.FindAll("form[aria-label='Add a member']"));
        Assert.Empty(page.FindAll("select"));
        Assert.Empty(page.FindAll("[data-testid=workspace-links]"));
        Assert.Single(page.FindAll("[data-testid=deleted-plans]"));
    }

    [Fact]
    public async Task The_owner_sees_every_share_link_in_the_workspace_with_who_made_it()
    {
        var team = (await Workspaces.CreateTeamAsync(Bob, "Data platform")).GetValueOrThrow();
        await Workspaces.AddMemberAsync(Bob, team.Id, Alice.Email!, WorkspaceRole.Editor);
        var plan = (await Plans.CreateAsync(Alice, team.Id, "Clickstream", null, new SizingRequest { AvgDataInMiBps = 20, Partitions = 600 }, null, null)).GetValueOrThrow();
        await Plans.Store.CreateShareAsync(Alice, plan.Plan.Id, null);

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, team.Id));

        page.WaitForAssertion(() => Assert.Contains("by Alice Archer <alice@example.com>", Assert.Single(page.FindAll("[data-testid=workspace-links] tr[data-link]")).TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hostile_workspace_name_and_member_address_show_as_text()
    {
        const string Hostile = "<img src=x onerror=alert(1)>";
        var team = (await Workspaces.CreateTeamAsync(Bob, Hostile)).GetValueOrThrow();
        await Workspaces.AddMemberAsync(Bob, team.Id, "\"<b>\"@example.com", WorkspaceRole.Viewer);
        await Workspaces.SetGroupAsync(Bob, team.Id, Hostile, WorkspaceRole.Viewer);

        var list = Render<WorkspacesPage>();
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, team.Id));

        list.WaitForAssertion(() => Assert.Equal([Hostile, Hostile], list.FindAll($"[data-workspace='{team.Id}'] td").Select(c => c.TextContent).Where(t => t == Hostile)));
        page.WaitForAssertion(() => Assert.Equal(Hostile, page.Find("[data-testid=workspace-name]").TextContent));
        Assert.Empty(list.FindAll("img"));
        Assert.Empty(page.FindAll("img, b"));
        Assert.Contains("\"<b>\"@example.com", page.Find("[data-testid=members]").TextContent, StringComparison.Ordinal);
    }
}
