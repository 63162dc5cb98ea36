namespace MskPlanner.Persistence.Tests;

public sealed class WorkspacesOnSqliteTests() : WorkspaceTests(DatabaseProvider.Sqlite);

public sealed class WorkspacesOnPostgreSqlTests() : WorkspaceTests(DatabaseProvider.PostgreSql);

public abstract class WorkspaceTests(DatabaseProvider provider) : StoreTest(provider)
{
    private static readonly Caller Alice = new("alice-sub", "Alice Archer", "alice@example.com", []);
    private static readonly Caller Bob = new("bob-sub", "Bob Baker", "bob@example.com", []);
    private static readonly Caller Carol = new("carol-sub", "Carol Cook", "carol@example.com", ["platform-team"]);

    private WorkspaceStore Workspaces => Database.Workspaces();

    [Fact]
    public async Task A_plan_in_someone_elses_personal_workspace_does_not_exist_for_you()
    {
        var plan = (await Store.CreateAsync(Alice, null, "Alice's cluster", null, Drafts.For(10)))!;

        Assert.Null(await Store.GetAsync(Bob, plan.Plan.Id));
        Assert.Null(await Store.ListRevisionsAsync(Bob, plan.Plan.Id));
        Assert.Empty((await Store.ListAsync(Bob, null, null, PlanSort.Name, 1, 10)).Items);
        Assert.Null(await Store.SaveRevisionAsync(Bob, plan.Plan.Id, Drafts.For(20)));
        Assert.Null(await Store.UpdateAsync(Bob, plan.Plan.Id, "Mine now", null));
        Assert.Null(await Store.CreateShareAsync(Bob, plan.Plan.Id, null));
        Assert.False(await Store.DeleteAsync(Bob, plan.Plan.Id));
        Assert.Null(await Store.CopyAsync(Bob, plan.Plan.Id, (await Workspaces.ListAsync(Bob))[0].Id));
        Assert.Equal("Alice's cluster", (await Store.GetAsync(Alice, plan.Plan.Id))!.Plan.Name);
        Assert.Equal(1, (await Store.GetAsync(Alice, plan.Plan.Id))!.Plan.LatestRevision);
    }

    [Fact]
    public async Task A_viewer_reads_the_teams_plans_but_every_change_is_refused()
    {
        var team = await TeamAsync(Alice, "Payments");
        await Workspaces.AddMemberAsync(Alice, team.Id, "Bob@Example.com", WorkspaceRole.Viewer);
        var plan = (await Store.CreateAsync(Alice, team.Id, "Payments prod", null, Drafts.For(10)))!;

        var seen = await Store.GetAsync(Bob, plan.Plan.Id);

        Assert.Equal(WorkspaceRole.Viewer, seen!.Plan.Workspace.Role);
        Assert.Equal(["Payments prod"], (await Store.ListAsync(Bob, null, null, PlanSort.Name, 1, 10)).Items.Select(p => p.Name));
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => Store.SaveRevisionAsync(Bob, plan.Plan.Id, Drafts.For(20)));
        Assert.Equal(WorkspaceRole.Editor, refused.Needed);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.UpdateAsync(Bob, plan.Plan.Id, "Renamed", null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.CreateShareAsync(Bob, plan.Plan.Id, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.DeleteAsync(Bob, plan.Plan.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.CreateAsync(Bob, team.Id, "Sneaked in", null, Drafts.For(1)));
        Assert.Equal(1, (await Store.GetAsync(Alice, plan.Plan.Id))!.Plan.LatestRevision);
    }

    [Fact]
    public async Task Each_revision_share_link_and_deletion_records_who_made_it()
    {
        var team = await TeamAsync(Alice, "Payments");
        await Workspaces.AddMemberAsync(Alice, team.Id, Bob.Email!, WorkspaceRole.Editor);
        var plan = (await Store.CreateAsync(Alice, team.Id, "Payments prod", null, Drafts.For(10)))!;

        await Store.SaveRevisionAsync(Bob, plan.Plan.Id, Drafts.For(20, "more traffic"));
        var link = await Store.CreateShareAsync(Bob, plan.Plan.Id, null);
        await Store.RevokeShareAsync(Alice, plan.Plan.Id, link!.Link.Id);
        await Store.DeleteAsync(Bob, plan.Plan.Id);

        var deleted = Assert.Single((await Store.ListDeletedAsync(Alice, team.Id))!);
        Assert.Equal("Bob Baker <bob@example.com>", deleted.DeletedBy);
        Assert.True(await Store.RestoreAsync(Alice, plan.Plan.Id));
        var history = await Store.ListRevisionsAsync(Alice, plan.Plan.Id);
        Assert.Equal(["Bob Baker <bob@example.com>", "Alice Archer <alice@example.com>"], history!.Select(r => r.SavedBy));
        var shared = Assert.Single((await Store.ListSharesAsync(Alice, plan.Plan.Id))!);
        Assert.Equal("Bob Baker <bob@example.com>", shared.CreatedBy);
        Assert.Equal("Alice Archer <alice@example.com>", shared.RevokedBy);
    }

    [Fact]
    public async Task A_workspace_that_follows_a_group_gives_its_holders_the_groups_role()
    {
        var team = await TeamAsync(Alice, "Platform");
        await Workspaces.SetGroupAsync(Alice, team.Id, "platform-team", WorkspaceRole.Editor);
        var plan = (await Store.CreateAsync(Alice, team.Id, "Platform shared", null, Drafts.For(10)))!;

        Assert.NotNull(await Store.SaveRevisionAsync(Carol, plan.Plan.Id, Drafts.For(20)));
        Assert.Null(await Store.GetAsync(Carol with { Groups = ["another-team"] }, plan.Plan.Id));
        Assert.Null(await Store.GetAsync(Bob, plan.Plan.Id));
    }

    [Fact]
    public async Task Only_owners_manage_members_and_the_last_owner_stays()
    {
        var team = await TeamAsync(Alice, "Payments");
        await Workspaces.AddMemberAsync(Alice, team.Id, Bob.Email!, WorkspaceRole.Editor);
        var alice = Assert.Single((await Workspaces.ListMembersAsync(Bob, team.Id))!, m => m.Email == "alice@example.com");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Workspaces.AddMemberAsync(Bob, team.Id, Carol.Email!, WorkspaceRole.Owner));
        Assert.Null(await Workspaces.ListMembersAsync(Carol, team.Id));
        Assert.Equal("role", Assert.Single((await Workspaces.RemoveMemberAsync(Alice, team.Id, alice.Id))!.Errors).Field);
        Assert.Equal("role", Assert.Single((await Workspaces.AddMemberAsync(Alice, team.Id, Alice.Email!, WorkspaceRole.Viewer))!.Errors).Field);
        Assert.Equal("email", Assert.Single((await Workspaces.AddMemberAsync(Alice, team.Id, "not an address", WorkspaceRole.Viewer))!.Errors).Field);

        await Workspaces.AddMemberAsync(Alice, team.Id, Bob.Email!, WorkspaceRole.Owner);
        Assert.True((await Workspaces.RemoveMemberAsync(Bob, team.Id, alice.Id))!.Succeeded);
        Assert.Null(await Workspaces.GetAsync(Alice, team.Id));
    }

    [Fact]
    public async Task Moving_out_needs_an_owner_of_the_workspace_and_an_editor_of_the_target_and_copying_keeps_the_history_but_not_the_links()
    {
        var payments = await TeamAsync(Alice, "Payments");
        var archive = await TeamAsync(Alice, "Archive");
        await Workspaces.AddMemberAsync(Alice, payments.Id, Bob.Email!, WorkspaceRole.Editor);
        await Workspaces.AddMemberAsync(Alice, archive.Id, Bob.Email!, WorkspaceRole.Viewer);
        var plan = (await Store.CreateAsync(Alice, payments.Id, "Payments prod", null, Drafts.For(10)))!;
        await Store.SaveRevisionAsync(Bob, plan.Plan.Id, Drafts.For(20));
        await Store.CreateShareAsync(Alice, plan.Plan.Id, null);
        var bobsOwn = (await Workspaces.ListAsync(Bob))[0];

        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.MoveAsync(Bob, plan.Plan.Id, archive.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.MoveAsync(Bob, plan.Plan.Id, bobsOwn.Id));
        var copy = await Store.CopyAsync(Bob, plan.Plan.Id, bobsOwn.Id);
        var moved = await Store.MoveAsync(Alice, plan.Plan.Id, archive.Id);

        Assert.Equal(WorkspaceKind.Personal, bobsOwn.Kind);
        Assert.Equal(archive.Id, moved!.Workspace.Id);
        Assert.Equal(WorkspaceRole.Viewer, (await Store.GetAsync(Bob, plan.Plan.Id))!.Plan.Workspace.Role);
        Assert.Equal(bobsOwn.Id, copy!.Workspace.Id);
        Assert.Equal("Copy of Payments prod", copy.Name);
        Assert.Equal([2, 1], (await Store.ListRevisionsAsync(Bob, copy.Id))!.Select(r => r.Number));
        Assert.Equal("Bob Baker <bob@example.com>", (await Store.GetAsync(Bob, copy.Id))!.Revision.SavedBy);
        Assert.Empty((await Store.ListSharesAsync(Bob, copy.Id))!);
        Assert.Null(await Store.GetAsync(Alice, copy.Id));
    }

    [Fact]
    public async Task A_move_revokes_the_plans_live_links_unless_kept_and_both_workspaces_owners_see_it_in_their_activity()
    {
        var payments = await TeamAsync(Alice, "Payments");
        var archive = await TeamAsync(Alice, "Archive");
        var revoked = (await Store.CreateAsync(Alice, payments.Id, "Revoked on the way", null, Drafts.For(10)))!;
        var kept = (await Store.CreateAsync(Alice, payments.Id, "Kept on the way", null, Drafts.For(10)))!;
        var revokedLink = (await Store.CreateShareAsync(Alice, revoked.Plan.Id, null))!;
        var keptLink = (await Store.CreateShareAsync(Alice, kept.Plan.Id, null))!;

        await Store.MoveAsync(Alice, revoked.Plan.Id, archive.Id);
        await Store.MoveAsync(Alice, kept.Plan.Id, archive.Id, keepShareLinks: true);

        Assert.Null(await Store.ResolveShareAsync(revokedLink.Token));
        Assert.Equal("Alice Archer <alice@example.com>", (await Store.ListSharesAsync(Alice, revoked.Plan.Id))!.Single().RevokedBy);
        Assert.NotNull(await Store.ResolveShareAsync(keptLink.Token));
        var left = (await Workspaces.ListEventsAsync(Alice, payments.Id))!;
        Assert.Equal(2, left.Count);
        Assert.Contains("\"Kept on the way\"", left[0].Text, StringComparison.Ordinal);
        Assert.Contains("1 live share link(s) were kept", left[0].Text, StringComparison.Ordinal);
        Assert.Contains("1 live share link(s) were revoked", left[1].Text, StringComparison.Ordinal);
        Assert.All(left, e => Assert.Equal("Alice Archer <alice@example.com>", e.By));
        Assert.Equal(2, (await Workspaces.ListEventsAsync(Alice, archive.Id))!.Count);
    }

    [Fact]
    public async Task Only_owners_read_a_workspaces_activity()
    {
        var payments = await TeamAsync(Alice, "Payments");
        await Workspaces.AddMemberAsync(Alice, payments.Id, Bob.Email!, WorkspaceRole.Editor);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Workspaces.ListEventsAsync(Bob, payments.Id));
        Assert.Null(await Workspaces.ListEventsAsync(Carol, payments.Id));
        Assert.Empty((await Workspaces.ListEventsAsync(Alice, payments.Id))!);
    }

    [Fact]
    public async Task An_owner_sees_every_share_link_in_the_workspace_and_an_editor_does_not()
    {
        var team = await TeamAsync(Alice, "Payments");
        await Workspaces.AddMemberAsync(Alice, team.Id, Bob.Email!, WorkspaceRole.Editor);
        var first = (await Store.CreateAsync(Bob, team.Id, "First", null, Drafts.For(10)))!;
        var second = (await Store.CreateAsync(Bob, team.Id, "Second", null, Drafts.For(10)))!;
        var elsewhere = (await Store.CreateAsync(Bob, null, "Bob's own", null, Drafts.For(10)))!;
        await Store.CreateShareAsync(Bob, first.Plan.Id, null);
        await Store.CreateShareAsync(Bob, second.Plan.Id, 1);
        await Store.CreateShareAsync(Bob, elsewhere.Plan.Id, null);

        var links = await Store.ListWorkspaceSharesAsync(Alice, team.Id);

        Assert.Equal(["Second", "First"], links!.Select(l => l.PlanName));
        Assert.All(links!, l => Assert.Equal("Bob Baker <bob@example.com>", l.Link.CreatedBy));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.ListWorkspaceSharesAsync(Bob, team.Id));
    }

    [Fact]
    public async Task Each_user_gets_one_personal_workspace_even_when_two_pages_ask_at_once()
    {
        var lists = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Database.Workspaces().ListAsync(Bob))));

        Assert.Single(lists.Select(l => Assert.Single(l).Id).Distinct());
        Assert.Equal("Bob Baker\u2019s plans", lists[0][0].Name);
    }

    [Fact]
    public async Task A_token_finds_its_owners_email_and_groups_as_last_seen_signing_in()
    {
        await Workspaces.RecordSignInAsync(Carol);
        await Workspaces.RecordSignInAsync(Carol with { Name = "Carol C.", Groups = ["platform-team", "sre"] });

        var seen = await Workspaces.FindUserAsync(Carol.Subject);

        Assert.Equal(("Carol C.", "carol@example.com"), (seen!.Name, seen.Email));
        Assert.Equal(["platform-team", "sre"], seen.Groups);
        Assert.Null(await Workspaces.FindUserAsync("nobody"));
    }

    [Fact]
    public async Task A_team_workspace_needs_a_name_and_an_owner_with_an_email_address()
    {
        Assert.Equal("name", Assert.Single((await Workspaces.CreateTeamAsync(Alice, " ")).Errors).Field);
        Assert.Equal("name", Assert.Single((await Workspaces.CreateTeamAsync(Alice, new string('w', WorkspaceEntity.NameMaxLength + 1))).Errors).Field);
        Assert.Equal("name", Assert.Single((await Workspaces.CreateTeamAsync(Alice, "two\nlines")).Errors).Field);
        Assert.False((await Workspaces.CreateTeamAsync(Alice with { Email = null }, "No address")).Succeeded);
    }

    [Fact]
    public async Task Two_owners_demoting_each_other_at_the_same_moment_leave_the_workspace_an_owner()
    {
        var teams = new List<Workspace>();
        for (var i = 0; i < 10; i++)
        {
            var team = await TeamAsync(Alice, $"Team {i}");
            await Workspaces.AddMemberAsync(Alice, team.Id, Bob.Email!, WorkspaceRole.Owner);
            teams.Add(team);
        }

        var members = await Task.WhenAll(teams.Select(async t => (await Workspaces.ListMembersAsync(Alice, t.Id))!));
        var outcomes = await Task.WhenAll(teams.Zip(members).SelectMany(pair => new[]
        {
            Task.Run(() => DemoteAsync(Alice, pair.First.Id, pair.Second.Single(m => m.Email == Bob.Email).Email)),
            Task.Run(() => DemoteAsync(Bob, pair.First.Id, pair.Second.Single(m => m.Email == Alice.Email).Email)),
        }));

        foreach (var team in teams)
        {
            var owners = (await Database.Workspaces().ListMembersAsync(Caller.LocalUser, team.Id))!.Count(m => m.Role == WorkspaceRole.Owner);
            Assert.Equal(1, owners);
        }

        Assert.Equal(teams.Count, outcomes.Count(succeeded => succeeded));
    }

    /// <summary>One demotion through a store of its own, as two requests would make it; false when it was refused.</summary>
    private async Task<bool> DemoteAsync(Caller owner, int workspaceId, string email)
    {
        try
        {
            return (await Database.Workspaces().AddMemberAsync(owner, workspaceId, email, WorkspaceRole.Viewer))!.Succeeded;
        }
        catch (AccessDeniedException)
        {
            return false;
        }
    }

    private async Task<Workspace> TeamAsync(Caller owner, string name) => (await Workspaces.CreateTeamAsync(owner, name)).GetValueOrThrow();
}
