using Microsoft.Playwright;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>"What can this cluster take?" in a real browser, reached from the planner and answered as the user types.</summary>
[Collection(SharedBrowser.Name)]
public sealed class CapacityInBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_planner_links_to_the_capacity_page_which_answers_as_the_user_types()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?avgDataInMiBps=10&partitions=100");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

        await page.Locator("[data-testid=capacity-link]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/capacity$"));
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-testid=max-partitions]")).ToHaveTextAsync("12,000");

        await page.Locator("input#brokers").FillAsync("12");
        await Assertions.Expect(page.Locator("[data-testid=max-partitions]")).ToHaveTextAsync("24,000");
        await page.Locator("input#avgDataInMiBps").FillAsync("40");

        // By hand: 12 x 2,000 GiB x 0.5 x 1,024 MiB / (40 MiB/s x 3,600 s x RF 3) = 28.44 hours, short of the week kept.
        await Assertions.Expect(page.Locator("[data-testid=retention-at-ingress]")).ToHaveTextAsync("28.44 hours");
        await Assertions.Expect(page.Locator("[data-testid=binding]")).ToHaveTextAsync("Storage");
    }
}
