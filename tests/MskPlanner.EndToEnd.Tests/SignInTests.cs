using System.Net;
using System.Text;
using System.Text.Json.Nodes;

using Microsoft.Playwright;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>OIDC mode against a real OpenID provider: the browser signs in on the provider's own login page.</summary>
[Collection(SharedBrowser.Name)]
public sealed class SignInTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mskplanner-signin", Guid.NewGuid().ToString("N"));
    private readonly OidcProvider _provider = new();
    private RunningApp _app = default!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>(_provider.AppSettings) { ["Persistence__DatabasePath"] = Path.Combine(_folder, "plans.db") };
        _app = await RunningApp.StartAsync(settings);
        await _provider.StartAsync(_app.Address);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await _app.DisposeAsync();
        }
        finally
        {
            await _provider.DisposeAsync();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_user_signs_in_at_the_provider_sees_their_name_and_signing_out_ends_the_session()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/plans");
        await SignInAtProviderAsync(page, "alice");

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(_app.Address, "/plans").ToString());
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("Alice Archer");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out Alice Archer" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();

        // Back at the app with no session, the planner sends the browser to the provider's login form again.
        await Assertions.Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
        Assert.StartsWith(_provider.Authority.ToString(), page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%2F%09%2Fevil.example%2Fphish")]
    [InlineData("%2F%5Cevil.example%2Fphish")]
    [InlineData("%2F%0D%0A%2Fevil.example")]
    public async Task A_return_address_that_leads_off_site_brings_the_user_home_after_signing_in_and_once_signed_in(string returnUrl)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/signin?returnUrl={returnUrl}");
        await SignInAtProviderAsync(page, "alice");

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(_app.Address, "/").ToString());
        var signedIn = await context.APIRequest.GetAsync($"/signin?returnUrl={returnUrl}", new() { MaxRedirects = 0 });
        Assert.Equal(302, signedIn.Status);
        Assert.Equal("/", signedIn.Headers["location"]);
    }

    [Fact]
    public async Task After_signing_out_a_copy_of_the_old_session_cookie_opens_nothing()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/plans");
        await SignInAtProviderAsync(page, "alice");
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("Alice Archer");
        // The name shows in the prerendered page already; a click before the circuit connects opens no dialog.
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        var session = (await context.CookiesAsync()).Single(c => c.Name == "MskPlanner.Session");
        using var copied = new HttpClient { BaseAddress = _app.Address, Timeout = TimeSpan.FromSeconds(30) };
        copied.DefaultRequestHeaders.Add("Cookie", $"{session.Name}={session.Value}");
        using var before = await copied.GetAsync("/api/v1/plans");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out Alice Archer" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
        await Assertions.Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
        using var after = await copied.GetAsync("/api/v1/plans");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Without_a_session_the_plans_api_answers_401_while_sizing_and_share_links_stay_open()
    {
        using var http = new HttpClient { BaseAddress = _app.Address, Timeout = TimeSpan.FromSeconds(30) };

        using var plans = await http.GetAsync("/api/v1/plans");
        using var create = await http.PostAsync("/api/v1/plans", Json("""{"name":"Sneaky","inputs":{"avgDataInMiBps":5,"partitions":50}}"""));
        using var sizing = await http.PostAsync("/api/v1/sizing", Json("""{"avgDataInMiBps":5,"partitions":50}"""));
        using var shared = await http.GetAsync("/api/v1/shared/no-such-link");

        Assert.Equal(HttpStatusCode.Unauthorized, plans.StatusCode);
        Assert.Equal("application/problem+json", plans.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sizing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, shared.StatusCode);
    }

    [Fact]
    public async Task A_share_link_opens_without_signing_in_and_offers_sign_in_to_copy_the_plan()
    {
        await using var signedIn = await NewContextAsync();
        var page = await signedIn.NewPageAsync();
        await page.GotoAsync("/plans");
        await SignInAtProviderAsync(page, "bob");
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("Bob Baker");
        var created = await signedIn.APIRequest.PostAsync("/api/v1/plans", new() { DataObject = new { name = "Bob's cluster", inputs = new { avgDataInMiBps = 12, partitions = 300 } } });
        Assert.Equal(201, created.Status);
        var id = JsonNode.Parse(await created.TextAsync())!["id"]!.GetValue<int>();
        var link = await signedIn.APIRequest.PostAsync($"/api/v1/plans/{id}/share", new() { DataObject = new { } });
        var url = JsonNode.Parse(await link.TextAsync())!["url"]!.GetValue<string>();

        await using var anonymous = await NewContextAsync(width: 390, bypassCsp: true);
        var viewer = await anonymous.NewPageAsync();
        await viewer.GotoAsync(url);

        await Assertions.Expect(viewer.GetByTestId("shared-plan")).ToContainTextAsync("Bob's cluster");
        await Assertions.Expect(viewer.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await Assertions.Expect(viewer.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(viewer.GetByRole(AriaRole.Link, new() { Name = "Sign in to copy it" })).ToBeVisibleAsync();
        var findings = await PageChecks.FindingsAsync(viewer, "/shared/{token}, signed out", 390);
        Assert.True(findings.Count == 0, string.Join('\n', findings));

        // On the phone the saved plans are in the app bar's menu.
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await viewer.GetByRole(AriaRole.Menuitem, new() { Name = "Saved plans" }).ClickAsync();
        await Assertions.Expect(viewer.Locator("input[name=login]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Signed_in_pages_pass_axe_and_fit_a_phone()
    {
        await using var context = await NewContextAsync(width: 390, bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await SignInAtProviderAsync(page, "alice");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

        var findings = await PageChecks.FindingsAsync(page, "/, signed in", 390);

        Assert.True(findings.Count == 0, string.Join('\n', findings));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out Alice Archer" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_token_made_by_keyboard_on_the_tokens_page_calls_the_api_until_it_is_revoked_there()
    {
        await using var context = await NewContextAsync(width: 390, bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await SignInAtProviderAsync(page, "alice");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        // On a phone the tokens page is in the app bar's menu.
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "API tokens" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API tokens" })).ToBeVisibleAsync();

        // By keyboard: Enter in the name field makes the token.
        await page.GetByLabel("Token name").FillAsync("Nightly export");
        await page.GetByLabel("Token name").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("new-token")).ToContainTextAsync("Nightly export");
        var secret = await page.Locator("#token-secret").InputValueAsync();
        var findings = await PageChecks.FindingsAsync(page, "/tokens, signed in", 390);
        Assert.True(findings.Count == 0, string.Join('\n', findings));

        using var script = new HttpClient { BaseAddress = _app.Address, Timeout = TimeSpan.FromSeconds(30) };
        script.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/plans")).StatusCode);

        // The confirmation starts on Cancel, so revoking takes a deliberate Tab to "Revoke".
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke token Nightly export" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("tr[data-token]")).ToContainTextAsync("revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/plans")).StatusCode);
    }

    [Fact]
    public async Task Colleagues_see_only_their_workspaces_a_viewer_cannot_save_and_another_workspaces_plan_is_not_found()
    {
        // Alice makes a team workspace by keyboard, adds Bob, and makes him a viewer.
        await using var aliceContext = await NewContextAsync(width: 390, bypassCsp: true);
        var alice = await aliceContext.NewPageAsync();
        await alice.GotoAsync("/workspaces");
        await SignInAtProviderAsync(alice, "alice");
        await Assertions.Expect(alice.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await alice.GetByLabel("Workspace name").FillAsync("Payments");
        await alice.GetByLabel("Workspace name").PressAsync("Enter");
        await Assertions.Expect(alice.GetByRole(AriaRole.Heading, new() { Name = "Payments" })).ToBeVisibleAsync();
        await Assertions.Expect(alice.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        var team = int.Parse(alice.Url[(alice.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await alice.GetByLabel("Member's e-mail").FillAsync("bob@example.com");
        await alice.GetByLabel("Member's e-mail").PressAsync("Enter");
        await Assertions.Expect(alice.Locator("tr[data-member='bob@example.com']")).ToContainTextAsync("not signed in yet");
        await alice.GetByLabel("Role of bob@example.com").SelectOptionAsync("Viewer");
        // The last owner cannot demote herself: the refusal shows, and her role reads Owner again without a reload.
        await alice.GetByLabel("Role of alice@example.com").SelectOptionAsync("Viewer");
        await Assertions.Expect(alice.GetByText("A workspace keeps at least one owner")).ToBeVisibleAsync();
        await Assertions.Expect(alice.GetByLabel("Role of alice@example.com")).ToHaveValueAsync("Owner");
        var teamPlan = await CreatePlanAsync(aliceContext, "Payments prod", team);
        var ownPlan = await CreatePlanAsync(aliceContext, "Alice's experiment", null);

        // A second workspace follows the provider's "sre" group, which Bob's sign-in lists: no one adds him.
        await alice.GotoAsync("/workspaces");
        await Assertions.Expect(alice.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await alice.GetByLabel("Workspace name").FillAsync("Reliability");
        await alice.GetByLabel("Workspace name").PressAsync("Enter");
        await Assertions.Expect(alice.GetByRole(AriaRole.Heading, new() { Name = "Reliability" })).ToBeVisibleAsync();
        await Assertions.Expect(alice.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        var reliability = int.Parse(alice.Url[(alice.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await alice.GetByRole(AriaRole.Textbox, new() { Name = "Group", Exact = true }).FillAsync("sre");
        await alice.GetByRole(AriaRole.Textbox, new() { Name = "Group", Exact = true }).PressAsync("Enter");
        await Assertions.Expect(alice.GetByText("Members of sre are viewers.")).ToBeVisibleAsync();
        await CreatePlanAsync(aliceContext, "Reliability budget", reliability);
        var findings = await PageChecks.FindingsAsync(alice, "/workspaces/{id}, owner", 390);
        Assert.True(findings.Count == 0, string.Join('\n', findings));
        // On the phone a member's row is a card: its Remove button is on screen, not past a sideways scroll.
        await Assertions.Expect(alice.GetByRole(AriaRole.Button, new() { Name = "Remove alice@example.com" })).ToBeInViewportAsync(new() { Ratio = 1 });

        await using var bobContext = await NewContextAsync(width: 390, bypassCsp: true);
        var bob = await bobContext.NewPageAsync();
        await bob.GotoAsync("/plans");
        await SignInAtProviderAsync(bob, "bob");
        await Assertions.Expect(bob.Locator("[data-plan]")).ToHaveTextAsync(["Reliability budget", "Payments prod"]);
        await Assertions.Expect(bob.GetByTestId("plans")).ToContainTextAsync("Payments (view only)");
        await Assertions.Expect(bob.GetByTestId("plans")).ToContainTextAsync("Reliability (view only)");

        await bob.GotoAsync($"/plans/{teamPlan}");
        await Assertions.Expect(bob.GetByTestId("view-only")).ToBeVisibleAsync();
        await Assertions.Expect(bob.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await Assertions.Expect(bob.GetByTestId("save-revision")).ToHaveCountAsync(0);
        findings = await PageChecks.FindingsAsync(bob, "/plans/{id}, viewer", 390);
        Assert.True(findings.Count == 0, string.Join('\n', findings));
        var save = await bobContext.APIRequest.PutAsync($"/api/v1/plans/{teamPlan}", new() { DataObject = new { inputs = new { avgDataInMiBps = 99, partitions = 300 } } });
        Assert.Equal(403, save.Status);

        await bob.GotoAsync($"/plans/{ownPlan}");
        await Assertions.Expect(bob.GetByTestId("not-found")).ToBeVisibleAsync();
        await Assertions.Expect(bob.GetByText("Alice's experiment")).ToHaveCountAsync(0);
        Assert.Equal(404, (await bobContext.APIRequest.GetAsync($"/api/v1/plans/{ownPlan}")).Status);
        Assert.Equal(1, JsonNode.Parse(await (await aliceContext.APIRequest.GetAsync($"/api/v1/plans/{teamPlan}")).TextAsync())!["latestRevision"]!.GetValue<int>());
    }

    private static async Task<int> CreatePlanAsync(IBrowserContext context, string name, int? workspaceId)
    {
        var created = await context.APIRequest.PostAsync("/api/v1/plans", new() { DataObject = new { name, workspaceId, inputs = new { avgDataInMiBps = 12, partitions = 300 } } });
        Assert.Equal(201, created.Status);
        return JsonNode.Parse(await created.TextAsync())!["id"]!.GetValue<int>();
    }

    private async Task<IBrowserContext> NewContextAsync(int width = 1280, bool bypassCsp = false) =>
        await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.Address.ToString(),
            ViewportSize = new() { Width = width, Height = 900 },
            BypassCSP = bypassCsp,
        });

    /// <summary>The provider's development login page takes any login and password; the login names the user.</summary>
    private async Task SignInAtProviderAsync(IPage page, string login)
    {
        await Assertions.Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
        Assert.StartsWith(_provider.Authority.ToString(), page.Url, StringComparison.Ordinal);
        await page.Locator("input[name=login]").FillAsync(login);
        await page.Locator("input[name=password]").FillAsync("any password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(_app.Address.ToString(), StringComparison.Ordinal));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
