using System.Text.RegularExpressions;

using Microsoft.Playwright;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>The app bar's "API" opens a reference page over the OpenAPI document, under the app's own policy.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ApiReferenceTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_api_link_opens_the_reference_with_every_script_allowed_and_nothing_fetched_from_elsewhere()
    {
        // No BypassCSP: the page must run under the policy the app sends.
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.Address.ToString() });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(fixture.App.Address.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                problems.Add($"fetched from elsewhere: {request.Url}");
            }
        };

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await page.Locator(".mud-appbar").GetByRole(AriaRole.Link, new() { Name = "API", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/api-reference/$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "MskPlanner API" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("/api/v1/plans/{id}/revisions").First).ToBeAttachedAsync();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData(390, false)]
    [InlineData(1280, false)]
    [InlineData(390, true)]
    [InlineData(1280, true)]
    public async Task The_reference_has_no_serious_accessibility_violation_and_fits_the_width(int width, bool dark)
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.Address.ToString(),
            BypassCSP = true,
            ViewportSize = new() { Width = width, Height = 900 },
            ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/api-reference/");
        await Assertions.Expect(page.Locator($"body.{(dark ? "dark" : "light")}-mode")).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByText("/api/v1/plans/{id}/revisions").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        var findings = await PageChecks.FindingsAsync(page, "/api-reference/", width, dark ? ", dark" : "");
        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }
}
