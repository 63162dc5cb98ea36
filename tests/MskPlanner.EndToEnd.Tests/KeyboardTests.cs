using System.Text.RegularExpressions;

using Microsoft.Playwright;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>The main journey with the keyboard alone: Tab to reach, Enter or Space to act, no mouse.</summary>
[Collection(SharedBrowser.Name)]
public sealed partial class KeyboardTests(BrowserFixture fixture) : IAsyncLifetime
{
    /// <summary>A whole page and then some: every figure of the results is a button of its own.</summary>
    private const int MaxTabs = 250;

    private IBrowserContext _context = default!;
    private IPage _page = default!;

    public async Task InitializeAsync()
    {
        _context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.Address.ToString() });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task The_first_tab_reaches_a_skip_link_that_moves_focus_to_the_content_without_leaving_the_page()
    {
        await _page.GotoAsync("/plans?search=x");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

        await _page.Keyboard.PressAsync("Tab");
        var skip = _page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await _page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(_page.Locator("#main")).ToBeFocusedAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(new Regex(@"/plans\?search=x$"));
    }

    [Fact]
    public async Task A_focused_control_shows_a_focus_ring()
    {
        await _page.GotoAsync("/?avgDataInMiBps=10&partitions=100");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        var save = _page.Locator("[data-testid=save-as-plan]");

        await TabToAsync(save);

        Assert.Equal("solid", await save.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        Assert.Equal("3px", await save.EvaluateAsync<string>("e => getComputedStyle(e).outlineWidth"));
    }

    [Fact]
    public async Task The_deploy_tabs_are_one_stop_and_the_arrow_keys_open_the_tab_they_land_on()
    {
        await _page.GotoAsync("/?avgDataInMiBps=10&partitions=100");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

        await TabToAsync(_page.GetByRole(AriaRole.Tab, new() { Name = "Review" }));
        await _page.Keyboard.PressAsync("ArrowRight");

        var terraform = _page.GetByRole(AriaRole.Tab, new() { Name = "Terraform" });
        await Assertions.Expect(terraform).ToBeFocusedAsync();
        await Assertions.Expect(terraform).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(_page.Locator("#deploy-tabpanel")).ToContainTextAsync("terraform/main.tf");
        await _page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(_page.Locator("#deploy-tabpanel")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_workload_is_sized_saved_shared_and_compared_by_keyboard_alone()
    {
        // 72 h: the tiered storage turned on below needs a retention of at least 3 days.
        await _page.GotoAsync("/?avgDataInMiBps=10&partitions=100&retentionHours=72");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

        var averageIn = _page.Locator("input#avgDataInMiBps");
        await TabToAsync(averageIn);
        await _page.Keyboard.PressAsync("Control+A");
        await _page.Keyboard.TypeAsync("60");
        await Assertions.Expect(_page).ToHaveURLAsync(new Regex("avgDataInMiBps=60"));

        await TabToAsync(_page.GetByRole(AriaRole.Switch, new() { Name = "Tiered storage" }));
        await _page.Keyboard.PressAsync("Space");
        // The field appears once the server has drawn it, as a user sees it appear before tabbing on.
        await Assertions.Expect(_page.Locator("input#primaryRetentionHours")).ToBeVisibleAsync();
        await TabToAsync(_page.Locator("input#primaryRetentionHours"));
        await _page.Keyboard.PressAsync("Control+A");
        await _page.Keyboard.TypeAsync("12");
        await Assertions.Expect(_page).ToHaveURLAsync(new Regex("primaryRetentionHours=12"));

        await TabToAsync(_page.GetByRole(AriaRole.Button, new() { Name = "Advanced" }));
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page.Locator("input#peakUtilization")).ToBeVisibleAsync();
        await TabToAsync(_page.Locator("input#peakUtilization"));
        await _page.Keyboard.PressAsync("Control+A");
        await _page.Keyboard.TypeAsync("0.6");
        await Assertions.Expect(_page).ToHaveURLAsync(new Regex("peakUtilization=0.6"));

        await TabToAsync(_page.Locator("[data-testid=save-as-plan]"));
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page.Locator("input#plan-name")).ToBeFocusedAsync();
        await _page.Keyboard.TypeAsync("Keyboard journey");
        await _page.Keyboard.PressAsync("Enter");
        await SavedPlanPage.DrawnAsync(_page);
        await Assertions.Expect(_page.Locator("input#avgDataInMiBps")).ToHaveValueAsync("60");

        // Tabs are one stop: Tab reaches the selected tab, the arrow keys move between tabs.
        await TabToAsync(_page.GetByRole(AriaRole.Tab, new() { Name = "Sizing" }));
        await ArrowToAsync(_page.GetByRole(AriaRole.Tab, new() { Name = "Share" }), "ArrowRight");
        await _page.Keyboard.PressAsync("Enter");
        await TabToAsync(_page.Locator("[data-testid=share-latest]"));
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page.Locator("input#share-url")).ToHaveValueAsync(new Regex("/shared/"));

        await TabToAsync(_page.GetByRole(AriaRole.Button, new() { Name = "Compare variants" }));
        await _page.Keyboard.PressAsync("Enter");
        // The menu opens on the server's reply and then moves focus to its first item; arrows pressed before that are lost.
        await Assertions.Expect(_page.GetByRole(AriaRole.Menuitem).First).ToBeFocusedAsync();
        await ArrowToAsync(_page.GetByRole(AriaRole.Menuitem, new() { Name = "2 vs 3 AZs" }), "ArrowDown");
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page).ToHaveURLAsync(new Regex("variants=zones"));
        await Assertions.Expect(_page.Locator("tr[data-row=monthly]")).ToBeVisibleAsync();
    }

    /// <summary>Presses Tab until the control has focus, as a keyboard user would; fails if it is never reached.</summary>
    private async Task TabToAsync(ILocator target)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await _page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"))
            {
                return;
            }
        }

        Assert.Fail($"{target} was not reached in {MaxTabs} presses of Tab.");
    }

    /// <summary>
    /// Presses the arrow key until the control has focus. Each press waits for focus to move before the next, since
    /// the menu moves it on the server's reply: pressing ahead of it would be checked against a stale focus.
    /// </summary>
    private async Task ArrowToAsync(ILocator target, string key)
    {
        for (var i = 0; i < 10; i++)
        {
            var before = await _page.EvaluateHandleAsync("() => document.activeElement");
            await _page.Keyboard.PressAsync(key);
            await _page.WaitForFunctionAsync("before => document.activeElement !== before", before);
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"))
            {
                return;
            }
        }

        Assert.Fail($"{target} was not reached with the arrow keys.");
    }
}
