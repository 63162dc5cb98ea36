using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;

using MskPlanner.Persistence;

namespace MskPlanner.Web.Tests.Api;

/// <summary>OIDC mode's plans API as two colleagues call it with their tokens: each sees their workspaces only.</summary>
public sealed class WorkspaceApiTests(OidcAppFactory app) : IClassFixture<OidcAppFactory>
{
    private static readonly JsonObject Inputs = new() { ["avgDataInMiBps"] = 5, ["partitions"] = 50 };

    [Fact]
    public async Task Another_users_plan_is_a_404_for_every_verb_and_missing_from_their_list()
    {
        using var alice = await ClientAsync("alice-1", "Alice", "alice1@example.com");
        using var bob = await ClientAsync("bob-1", "Bob", "bob1@example.com");
        var id = await CreatePlanAsync(alice, "Alice's own", workspaceId: null);

        using var get = await bob.GetAsync($"/api/v1/plans/{id}");
        using var put = await bob.PutAsJsonAsync($"/api/v1/plans/{id}", new JsonObject { ["name"] = "Taken" });
        using var delete = await bob.DeleteAsync($"/api/v1/plans/{id}");
        using var share = await bob.PostAsJsonAsync($"/api/v1/plans/{id}/share", new JsonObject());
        using var pdf = await bob.GetAsync($"/api/v1/plans/{id}/summary.pdf");
        using var compare = await bob.PostAsJsonAsync("/api/v1/compare", new JsonObject { ["items"] = new JsonArray(new JsonObject { ["planId"] = id }, new JsonObject { ["planId"] = id }) });
        var list = await bob.GetFromJsonAsync<JsonObject>("/api/v1/plans");

        Assert.All([get, put, delete, share, pdf], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, compare.StatusCode);
        Assert.DoesNotContain(list!["items"]!.AsArray(), p => p!["id"]!.GetValue<int>() == id);
        Assert.Equal("Alice's own", (await alice.GetFromJsonAsync<JsonObject>($"/api/v1/plans/{id}"))!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_viewer_reads_a_team_plan_and_gets_a_403_for_changing_it_until_made_an_editor()
    {
        using var alice = await ClientAsync("alice-2", "Alice", "alice2@example.com");
        using var bob = await ClientAsync("bob-2", "Bob Baker", "bob2@example.com");
        var team = await (await alice.PostAsJsonAsync("/api/v1/workspaces", new JsonObject { ["name"] = "Payments" })).Content.ReadFromJsonAsync<JsonObject>();
        var teamId = team!["id"]!.GetValue<int>();
        using var added = await alice.PutAsJsonAsync($"/api/v1/workspaces/{teamId}/members", new JsonObject { ["email"] = "BOB2@example.com", ["role"] = "viewer" });
        var id = await CreatePlanAsync(alice, "Payments prod", teamId);

        using var read = await bob.GetAsync($"/api/v1/plans/{id}");
        using var save = await bob.PutAsJsonAsync($"/api/v1/plans/{id}", new JsonObject { ["inputs"] = Inputs.DeepClone() });
        using var share = await bob.PostAsJsonAsync($"/api/v1/plans/{id}/share", new JsonObject());
        using var promoted = await alice.PutAsJsonAsync($"/api/v1/workspaces/{teamId}/members", new JsonObject { ["email"] = "bob2@example.com", ["role"] = "editor" });
        using var saveAgain = await bob.PutAsJsonAsync($"/api/v1/plans/{id}", new JsonObject { ["inputs"] = Inputs.DeepClone(), ["comment"] = "by Bob" });
        var history = await alice.GetFromJsonAsync<JsonArray>($"/api/v1/plans/{id}/revisions");

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal("application/problem+json", save.Content.Headers.ContentType?.MediaType);
        Assert.Contains("viewer", (await save.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, share.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saveAgain.StatusCode);
        Assert.Equal("Bob Baker <bob2@example.com>", history![0]!["savedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Workspaces_list_the_callers_own_and_members_are_managed_by_owners_only()
    {
        using var alice = await ClientAsync("alice-3", "Alice", "alice3@example.com");
        using var bob = await ClientAsync("bob-3", "Bob", "bob3@example.com");
        var teamId = (await (await alice.PostAsJsonAsync("/api/v1/workspaces", new JsonObject { ["name"] = "Data platform" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        await alice.PutAsJsonAsync($"/api/v1/workspaces/{teamId}/members", new JsonObject { ["email"] = "bob3@example.com", ["role"] = "editor" });

        var bobs = await bob.GetFromJsonAsync<JsonArray>("/api/v1/workspaces");
        using var bobAdds = await bob.PutAsJsonAsync($"/api/v1/workspaces/{teamId}/members", new JsonObject { ["email"] = "eve@example.com", ["role"] = "owner" });
        using var bobReadsLinks = await bob.GetAsync($"/api/v1/workspaces/{teamId}/share-links");
        using var badEmail = await alice.PutAsJsonAsync($"/api/v1/workspaces/{teamId}/members", new JsonObject { ["email"] = "eve at example", ["role"] = "viewer" });
        using var noName = await alice.PostAsJsonAsync("/api/v1/workspaces", new JsonObject { ["name"] = new string('x', 81) });

        Assert.Equal([("Bob\u2019s plans", "personal", "owner"), ("Data platform", "team", "editor")],
            bobs!.Select(w => (w!["name"]!.GetValue<string>(), w["kind"]!.GetValue<string>(), w["role"]!.GetValue<string>())));
        Assert.Equal(HttpStatusCode.Forbidden, bobAdds.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bobReadsLinks.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.NotNull((await badEmail.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["email"]);
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
    }

    [Fact]
    public async Task A_plan_moves_to_a_team_the_caller_edits_and_its_copy_stays_behind_when_copied()
    {
        using var alice = await ClientAsync("alice-4", "Alice", "alice4@example.com");
        var teamId = (await (await alice.PostAsJsonAsync("/api/v1/workspaces", new JsonObject { ["name"] = "Orders" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        var id = await CreatePlanAsync(alice, "Orders draft", workspaceId: null);

        using var copied = await alice.PostAsJsonAsync($"/api/v1/plans/{id}/copy", new JsonObject { ["workspaceId"] = teamId });
        using var moved = await alice.PostAsJsonAsync($"/api/v1/plans/{id}/move", new JsonObject { ["workspaceId"] = teamId });
        using var nowhere = await alice.PostAsJsonAsync($"/api/v1/plans/{id}/move", new JsonObject { ["workspaceId"] = 999_999 });
        using var unnamed = await alice.PostAsJsonAsync($"/api/v1/plans/{id}/move", new JsonObject());

        Assert.Equal(HttpStatusCode.OK, copied.StatusCode);
        Assert.NotEqual(id, (await copied.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>());
        Assert.Equal(teamId, (await moved.Content.ReadFromJsonAsync<JsonObject>())!["workspace"]!["id"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
    }

    [Fact]
    public async Task A_plan_saved_without_a_workspace_goes_to_the_callers_own_and_an_unknown_one_is_a_field_error()
    {
        using var alice = await ClientAsync("alice-5", "Alice", "alice5@example.com");

        using var unknown = await alice.PostAsJsonAsync("/api/v1/plans", new JsonObject { ["name"] = "Lost", ["inputs"] = Inputs.DeepClone(), ["workspaceId"] = 424_242 });
        var id = await CreatePlanAsync(alice, "Mine", workspaceId: null);
        var plan = await alice.GetFromJsonAsync<JsonObject>($"/api/v1/plans/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.NotNull((await unknown.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["workspaceId"]);
        Assert.Equal(("Alice\u2019s plans", "personal"), (plan!["workspace"]!["name"]!.GetValue<string>(), plan["workspace"]!["kind"]!.GetValue<string>()));
    }

    /// <summary>A user as their provider signed them in, calling with a token of theirs.</summary>
    [Fact]
    public async Task An_editor_cannot_carry_a_team_plan_and_its_live_links_out_of_the_owners_sight()
    {
        using var alice = await ClientAsync("alice-8", "Alice", "alice8@example.com");
        using var bob = await ClientAsync("bob-8", "Bob", "bob8@example.com");
        var teamId = (await (await alice.PostAsJsonAsync("/api/v1/workspaces", new JsonObject { ["name"] = "Payments" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        await alice.PutAsJsonAsync($"/api/v1/workspaces/{teamId}/members", new JsonObject { ["email"] = "bob8@example.com", ["role"] = "editor" });
        var id = await CreatePlanAsync(alice, "Payments prod", teamId);
        using var link = await alice.PostAsJsonAsync($"/api/v1/plans/{id}/share", new JsonObject());
        var token = (await link.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        var bobsOwn = (await bob.GetFromJsonAsync<JsonArray>("/api/v1/workspaces"))![0]!["id"]!.GetValue<int>();

        using var carried = await bob.PostAsJsonAsync($"/api/v1/plans/{id}/move", new JsonObject { ["workspaceId"] = bobsOwn, ["keepShareLinks"] = true });

        Assert.Equal(HttpStatusCode.Forbidden, carried.StatusCode);
        Assert.Equal("Payments prod", (await alice.GetFromJsonAsync<JsonObject>($"/api/v1/plans/{id}"))!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/api/v1/shared/{token}")).StatusCode);
    }

    [Fact]
    public async Task An_owners_move_revokes_the_live_links_unless_kept_and_the_workspaces_activity_says_so()
    {
        using var alice = await ClientAsync("alice-9", "Alice", "alice9@example.com");
        var payments = (await (await alice.PostAsJsonAsync("/api/v1/workspaces", new JsonObject { ["name"] = "Payments" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        var archive = (await (await alice.PostAsJsonAsync("/api/v1/workspaces", new JsonObject { ["name"] = "Archive" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        var id = await CreatePlanAsync(alice, "Payments prod", payments);
        using var link = await alice.PostAsJsonAsync($"/api/v1/plans/{id}/share", new JsonObject { ["expiresIn"] = "never" });
        var token = (await link.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();

        using var moved = await alice.PostAsJsonAsync($"/api/v1/plans/{id}/move", new JsonObject { ["workspaceId"] = archive });
        var activity = await alice.GetFromJsonAsync<JsonArray>($"/api/v1/workspaces/{payments}/activity");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/v1/shared/{token}")).StatusCode);
        var entry = Assert.Single(activity!);
        Assert.Contains("revoked", entry!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Alice <alice9@example.com>", entry["by"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_share_link_expires_in_90_days_unless_asked_otherwise_and_an_unknown_expiry_is_refused()
    {
        using var alice = await ClientAsync("alice-10", "Alice", "alice10@example.com");
        var id = await CreatePlanAsync(alice, "Expiring", workspaceId: null);

        var byDefault = await (await alice.PostAsJsonAsync($"/api/v1/plans/{id}/share", new JsonObject())).Content.ReadFromJsonAsync<JsonObject>();
        var week = await (await alice.PostAsJsonAsync($"/api/v1/plans/{id}/share", new JsonObject { ["expiresIn"] = "days7" })).Content.ReadFromJsonAsync<JsonObject>();
        var never = await (await alice.PostAsJsonAsync($"/api/v1/plans/{id}/share", new JsonObject { ["expiresIn"] = "never" })).Content.ReadFromJsonAsync<JsonObject>();
        using var unknown = await alice.PostAsJsonAsync($"/api/v1/plans/{id}/share", new JsonObject { ["expiresIn"] = "fortnight" });

        Assert.Equal(TimeSpan.FromDays(90), byDefault!["expiresAt"]!.GetValue<DateTimeOffset>() - byDefault["createdAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(TimeSpan.FromDays(7), week!["expiresAt"]!.GetValue<DateTimeOffset>() - week["createdAt"]!.GetValue<DateTimeOffset>());
        Assert.Null(never!["expiresAt"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    private async Task<HttpClient> ClientAsync(string subject, string name, string email)
    {
        await app.Services.GetRequiredService<WorkspaceStore>().RecordSignInAsync(new Caller(subject, name, email, []));
        var token = await app.Services.GetRequiredService<ApiTokenStore>().CreateAsync(subject, name, "tests", TimeSpan.FromDays(30));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }

    private static async Task<int> CreatePlanAsync(HttpClient client, string name, int? workspaceId)
    {
        using var created = await client.PostAsJsonAsync("/api/v1/plans", new JsonObject { ["name"] = name, ["inputs"] = Inputs.DeepClone(), ["workspaceId"] = workspaceId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
    }
}
