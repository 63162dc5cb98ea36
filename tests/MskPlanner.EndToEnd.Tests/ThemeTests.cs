using Microsoft.Playwright;

namespace MskPlanner.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class ThemeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_theme_follows_the_systems_dark_preference_until_the_user_picks_one()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.Address.ToString(), ColorScheme = ColorScheme.Dark });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/plans");

        await Assertions.Expect(page.Locator("[data-theme=dark]")).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dark mode" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", "rgb(255, 255, 255)");
    }

    [Fact]
    public async Task A_picked_theme_is_kept_across_visits()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.Address.ToString(), ColorScheme = ColorScheme.Light });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-theme=light]")).ToBeAttachedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Dark mode" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-theme=dark]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", "rgb(255, 255, 255)");

        var later = await context.NewPageAsync();
        await later.GotoAsync("/plans");
        await Assertions.Expect(later.Locator("[data-theme=dark]")).ToBeAttachedAsync();
        await Assertions.Expect(later.GetByRole(AriaRole.Button, new() { Name = "Dark mode" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(later.Locator("body")).Not.ToHaveCSSAsync("background-color", "rgb(255, 255, 255)");
    }
}
