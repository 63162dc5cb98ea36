using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Microsoft.Playwright;

namespace MskPlanner.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed partial class PlansInBrowserTests(BrowserFixture fixture) : IAsyncLifetime
{
    private IBrowserContext _context = default!;
    private IPage _page = default!;

    public async Task InitializeAsync()
    {
        // axe is injected as a script tag, which the app's content security policy would refuse.
        _context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.Address.ToString(), BypassCSP = true });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_workload_filled_in_and_saved_is_there_after_a_reload()
    {
        await _page.GotoAsync("/?avgDataInMiBps=10&partitions=100&retentionHours=24");
        await InteractiveAsync(_page);
        await _page.Locator("input#avgDataInMiBps").FillAsync("35");
        await Assertions.Expect(_page).ToHaveURLAsync(AvgIn35());

        await _page.Locator("[data-testid=save-as-plan]").ClickAsync();
        await _page.Locator("input#plan-name").FillAsync("Browser plan");
        await _page.Locator("input#plan-comment").FillAsync("first cut");
        await _page.Locator("[data-testid=save-plan-confirm]").ClickAsync();

        await Assertions.Expect(_page).ToHaveURLAsync(PlanAddress());
        // Focus follows the save to the new plan's heading, where a screen reader says where the user now is.
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Browser plan", Level = 1 })).ToBeFocusedAsync();
        await _page.ReloadAsync();
        await InteractiveAsync(_page);
        await Assertions.Expect(_page.Locator("[data-testid=plan-name]")).ToHaveTextAsync("Browser plan");
        await Assertions.Expect(_page.Locator("input#avgDataInMiBps")).ToHaveValueAsync("35");
        await Assertions.Expect(_page.Locator("[data-testid=history] tr[data-revision]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_share_link_opens_read_only_in_another_browser_until_the_chosen_expiry_and_stops_when_revoked()
    {
        var id = await CreatePlanAsync("Shared in browser", 25, 72);
        await _page.GotoAsync($"/plans/{id}");
        await InteractiveAsync(_page);
        await _page.GetByRole(AriaRole.Tab, new() { Name = "Share" }).ClickAsync();
        await _page.Locator(".mud-select:has([data-testid=share-expiry]) .mud-input-control").ClickAsync();
        await _page.GetByRole(AriaRole.Option, new() { Name = "In 7 days", Exact = true }).ClickAsync();
        // The choice reaches the server after the option's click handler has run: share once the field shows it.
        await Assertions.Expect(_page.Locator("div.share-expiry")).ToContainTextAsync("In 7 days");
        await _page.Locator("[data-testid=share-latest]").ClickAsync();
        var url = await _page.Locator("input#share-url").InputValueAsync();
        await Assertions.Expect(_page.Locator("[data-testid=share-links]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"active until \d{4}-\d{2}-\d{2}"));
        var until = DateTimeOffset.Parse((await _page.Locator("[data-testid=share-links]").InnerTextAsync()).Split("active until ")[1][..16],
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        Assert.InRange(until - DateTimeOffset.UtcNow, TimeSpan.FromDays(7) - TimeSpan.FromHours(1), TimeSpan.FromDays(7));

        await using var colleague = await fixture.Browser.NewContextAsync();
        var other = await colleague.NewPageAsync();
        var response = await other.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(other.Locator("[data-testid=plan-name]")).ToHaveTextAsync("Shared in browser");
        await Assertions.Expect(other.Locator("[data-testid=inputs] tr[data-field=avgDataInMiBps] td.num")).ToHaveTextAsync("25");
        await Assertions.Expect(other.Locator("input#avgDataInMiBps")).ToHaveCountAsync(0);
        await Assertions.Expect(other.Locator("[data-testid=save-revision]")).ToHaveCountAsync(0);
        await Assertions.Expect(other.Locator("[data-testid=copy-plan]")).ToBeVisibleAsync();

        await _page.GetByRole(AriaRole.Button, new() { Name = "Revoke link" }).ClickAsync();
        await _page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(_page.Locator("[data-testid=share-links]")).ToContainTextAsync("revoked");
        var revoked = await other.GotoAsync(url);
        Assert.Equal(404, revoked!.Status);
        await Assertions.Expect(other.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_share_tab_with_its_expiry_and_the_move_dialog_pass_axe_and_fit_a_phone()
    {
        var id = await CreatePlanAsync("<b>Shared</b> " + new string('s', 100), 25, 72);
        await using var phone = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.Address.ToString(),
            BypassCSP = true,
            ViewportSize = new() { Width = 390, Height = 844 },
        });
        var page = await phone.NewPageAsync();
        await page.GotoAsync($"/plans/{id}");
        await InteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Share" }).ClickAsync();
        await page.Locator("[data-testid=share-latest]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=share-links]")).ToContainTextAsync("active until");
        var findings = (await PageChecks.FindingsAsync(page, "/plans/{id}, share tab", 390)).ToList();

        await page.GetByRole(AriaRole.Button, new() { Name = "Move or copy" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog).GetByText("Keep its live share links working")).ToBeVisibleAsync();
        findings.AddRange(await PageChecks.FindingsAsync(page, "/plans/{id}, move dialog", 390));

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public async Task Edits_on_a_plan_page_are_marked_unsaved_exported_as_shown_and_not_lost_by_leaving()
    {
        var id = await CreatePlanAsync("Edited in browser", 25, 72);
        await _page.GotoAsync($"/plans/{id}");
        await InteractiveAsync(_page);
        var pdf = _page.Locator("[data-testid=download-pdf]");
        await Assertions.Expect(pdf).ToHaveTextAsync("PDF of revision 1");
        await Assertions.Expect(_page.Locator("[data-testid=unsaved]")).ToHaveCountAsync(0);

        var field = _page.Locator("input#avgDataInMiBps");
        await field.FillAsync("");
        await field.PressSequentiallyAsync("77");

        await Assertions.Expect(_page.Locator("[data-testid=unsaved]")).ToHaveTextAsync("Unsaved changes");
        await Assertions.Expect(pdf).ToHaveTextAsync("PDF of unsaved changes");
        // The label changes at the first keystroke; the link follows each one (and is gone while the field is empty).
        await Assertions.Expect(pdf).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("avgDataInMiBps=77(&|$)"));
        var href = await pdf.GetAttributeAsync("href");
        using (var http = new HttpClient { BaseAddress = fixture.App.Address })
        {
            using var document = UglyToad.PdfPig.PdfDocument.Open(await http.GetByteArrayAsync(href));
            Assert.Equal("Edited in browser, unsaved changes to revision 1", document.Information.Title);
            Assert.Contains("77", document.GetPage(1).Text, StringComparison.Ordinal);
        }

        await _page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Assertions.Expect(_page.Locator("input#rename-name")).ToBeFocusedAsync();
        await _page.Locator("input#rename-name").FillAsync("Edited and renamed");
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page.Locator("[data-testid=plan-name]")).ToHaveTextAsync("Edited and renamed");
        await Assertions.Expect(field).ToHaveValueAsync("77");
        await Assertions.Expect(_page.Locator("[data-testid=unsaved]")).ToBeVisibleAsync();

        await _page.GetByRole(AriaRole.Link, new() { Name = "Saved plans" }).ClickAsync();
        var ask = _page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(ask).ToContainTextAsync("Discard unsaved changes?");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Keep editing" }).ClickAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(new Regex($"/plans/{id}$"));
        await Assertions.Expect(field).ToHaveValueAsync("77");

        var prompt = new TaskCompletionSource<string>();
        var closed = new TaskCompletionSource();
        _page.Close += (_, _) => closed.TrySetResult();
        _page.Dialog += async (_, dialog) =>
        {
            prompt.TrySetResult(dialog.Type);
            await dialog.AcceptAsync();
        };
        await _page.CloseAsync(new() { RunBeforeUnload = true });
        Assert.Equal("beforeunload", await prompt.Task.WaitAsync(TimeSpan.FromSeconds(20)));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Dialogs_focus_their_first_field_save_on_enter_close_on_escape_and_ask_before_destroying()
    {
        await _context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await _page.GotoAsync("/?avgDataInMiBps=10&partitions=100");
        await InteractiveAsync(_page);

        await _page.GetByRole(AriaRole.Button, new() { Name = "Start again" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Start again?");
        await Assertions.Expect(_page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await _page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(_page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Assertions.Expect(_page.Locator("input#avgDataInMiBps")).ToHaveValueAsync("10");

        await _page.Locator("[data-testid=save-as-plan]").ClickAsync();
        await Assertions.Expect(_page.Locator("input#plan-name")).ToBeFocusedAsync();
        await _page.Keyboard.TypeAsync("Keyboard plan");
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page).ToHaveURLAsync(PlanAddress());
        await InteractiveAsync(_page);

        await _page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var ask = _page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(ask).ToContainTextAsync("\"Keyboard plan\" and its 1 revision disappear");
        await Assertions.Expect(ask.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToHaveClassAsync(new Regex("mud-button-filled-error"));
        await Assertions.Expect(ask.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await _page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(ask).ToHaveCountAsync(0);
        await Assertions.Expect(_page).ToHaveURLAsync(PlanAddress());

        await _page.GetByRole(AriaRole.Tab, new() { Name = "Share" }).ClickAsync();
        await _page.Locator("[data-testid=share-latest]").ClickAsync();
        var url = await _page.Locator("input#share-url").InputValueAsync();
        await _page.Locator("[data-testid=copy-share-url]").ClickAsync();
        await Assertions.Expect(_page.GetByText("Link copied.")).ToBeVisibleAsync();
        Assert.Equal(url, await _page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        await _page.GetByRole(AriaRole.Button, new() { Name = "Revoke link" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("stops working at once");
        await _page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(_page.Locator("[data-testid=share-links]")).ToContainTextAsync("active");
        await Assertions.Expect(_page.Locator("[data-testid=share-links]")).Not.ToContainTextAsync("revoked");
    }

    [Fact]
    public async Task A_plans_actions_are_in_view_when_its_page_opens()
    {
        var id = await CreatePlanAsync("Actions first", 25, 72);
        await _page.SetViewportSizeAsync(1280, 800);
        await _page.GotoAsync($"/plans/{id}");
        await InteractiveAsync(_page);

        await Assertions.Expect(_page.Locator("[data-testid=save-revision]")).ToBeInViewportAsync();
        await Assertions.Expect(_page.Locator("[data-testid=download-pdf]")).ToBeInViewportAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Tab, new() { Name = "History (1)" })).ToBeInViewportAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Tab, new() { Name = "Share" })).ToBeInViewportAsync();
    }

    [Fact]
    public async Task The_undo_message_after_a_delete_covers_no_button()
    {
        await CreatePlanAsync("Keep me", 10, 24);
        var doomed = await CreatePlanAsync("Delete me", 10, 24);
        await _page.SetViewportSizeAsync(1280, 800);
        await _page.GotoAsync("/plans?search=me");
        await InteractiveAsync(_page);

        await _page.Locator($"tr:has(a[data-plan='{doomed}'])").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await _page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var undo = _page.GetByRole(AriaRole.Button, new() { Name = "Undo" });
        await Assertions.Expect(undo).ToBeVisibleAsync();

        var covered = await _page.EvaluateAsync<string[]>("""
            () => {
                const bar = document.querySelector('.mud-snackbar').getBoundingClientRect();
                return [...document.querySelectorAll('button, a, [role=button], input')]
                    .filter(e => !e.closest('.mud-snackbar') && e.offsetParent !== null)
                    .filter(e => { const r = e.getBoundingClientRect();
                        return r.width > 0 && r.left < bar.right && r.right > bar.left && r.top < bar.bottom && r.bottom > bar.top; })
                    .map(e => e.outerHTML.slice(0, 120));
            }
            """);
        Assert.Empty(covered);
    }

    [Fact]
    public async Task A_comparison_of_three_plans_shows_the_figures_the_api_computes()
    {
        var ids = new[] { await CreatePlanAsync("Day", 40, 24), await CreatePlanAsync("Three days", 40, 72), await CreatePlanAsync("Week", 40, 168) };

        await _page.GotoAsync($"/compare?items={string.Join(',', ids)}");
        using var http = new HttpClient { BaseAddress = fixture.App.Address };
        using var response = await http.PostAsJsonAsync("/api/v1/compare", new { items = ids.Select(id => new { planId = id }) });
        var api = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["columns"]!.AsArray();

        var monthly = _page.Locator("tr[data-row=monthly] td");
        var brokers = _page.Locator("tr[data-row=brokers] td");
        var storage = _page.Locator("tr[data-row=costStorage] td");
        for (var i = 0; i < 3; i++)
        {
            var headline = api[i]!["headline"]!;
            await Assertions.Expect(monthly.Nth(i + 1)).ToHaveTextAsync(Usd(headline["monthlyCost"]!["total"]!.GetValue<decimal>()));
            await Assertions.Expect(storage.Nth(i + 1)).ToHaveTextAsync(Usd(headline["monthlyCost"]!["storage"]!.GetValue<decimal>()));
            await Assertions.Expect(brokers.Nth(i + 1)).ToHaveTextAsync(headline["brokers"]!.GetValue<int>().ToString("N0", CultureInfo.InvariantCulture));
        }

        var difference = api[2]!["differenceFromFirst"]!.GetValue<decimal>();
        await Assertions.Expect(_page.Locator("tr[data-row=difference] td").Nth(3)).ToContainTextAsync(Usd(Math.Abs(difference)));
        await Assertions.Expect(_page.Locator("tr[data-row=retentionHours]")).ToHaveClassAsync(new Regex("differs"));

        // The inputs every plan shares, unfolded, on a phone.
        await _page.SetViewportSizeAsync(390, 844);
        await InteractiveAsync(_page);
        await _page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("inputs equal in every plan: show") }).ClickAsync();
        await Assertions.Expect(_page.Locator("tr[data-row=leaderPartitions]")).ToBeAttachedAsync();
        var findings = await PageChecks.FindingsAsync(_page, "/compare, equal inputs shown", 390);
        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    private async Task<int> CreatePlanAsync(string name, double avgIn, double retention)
    {
        using var http = new HttpClient { BaseAddress = fixture.App.Address };
        using var response = await http.PostAsJsonAsync("/api/v1/plans", new { name, inputs = new { avgDataInMiBps = avgIn, partitions = 900, retentionHours = retention } });
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
    }

    private static string Usd(decimal amount) => amount.ToString("$#,0.00", CultureInfo.InvariantCulture);

    private static async Task InteractiveAsync(IPage page) =>
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

    [GeneratedRegex("avgDataInMiBps=35")]
    private static partial Regex AvgIn35();

    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanAddress();
}
