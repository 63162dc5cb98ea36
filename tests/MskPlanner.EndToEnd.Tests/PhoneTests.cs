using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Microsoft.Playwright;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>The planner and the comparison at a phone's width, 390 px.</summary>
[Collection(SharedBrowser.Name)]
public sealed partial class PhoneTests(BrowserFixture fixture) : IAsyncLifetime
{
    private IBrowserContext _context = default!;
    private IPage _page = default!;

    public async Task InitializeAsync()
    {
        _context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.Address.ToString(),
            ViewportSize = new() { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            // axe is injected as a script tag, which the app's content security policy would refuse.
            BypassCSP = true,
        });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task The_headline_pick_stays_in_view_and_up_to_date_while_typing_far_down_the_form()
    {
        await _page.GotoAsync("/?avgDataInMiBps=10&partitions=100");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        var summary = _page.Locator("[data-testid=headline-summary]");

        var disk = _page.Locator("input#diskUtilizationTarget");
        await disk.ScrollIntoViewIfNeededAsync();
        await _page.Locator("input#avgDataInMiBps").FillAsync("120");
        await disk.FillAsync("0.6");
        await Assertions.Expect(_page).ToHaveURLAsync(new Regex("diskUtilizationTarget=0.6"));

        await Assertions.Expect(summary).ToBeInViewportAsync();
        using var http = new HttpClient { BaseAddress = fixture.App.Address };
        using var response = await http.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 120, partitions = 100, diskUtilizationTarget = 0.6 });
        var recommended = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["recommended"]!.AsObject();
        var shown = Summary().Match(await summary.InnerTextAsync());
        Assert.True(shown.Success, await summary.InnerTextAsync());
        var pick = recommended.Select(p => p.Value!).Single(p => p!["instanceType"]?.GetValue<string>() == shown.Groups["type"].Value);
        Assert.Equal(pick!["brokers"]!.GetValue<int>().ToString("N0", CultureInfo.InvariantCulture), shown.Groups["brokers"].Value);
        Assert.Equal(pick["monthlyTotal"]!.GetValue<decimal>().ToString("$#,0.00", CultureInfo.InvariantCulture), shown.Groups["monthly"].Value);

        await _page.GetByRole(AriaRole.Link, new() { Name = "All results" }).ClickAsync();
        await Assertions.Expect(_page.Locator("[data-testid=headline]")).ToBeInViewportAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(new Regex("diskUtilizationTarget=0.6"));
    }

    [Fact]
    public async Task The_app_bars_pages_and_theme_are_one_menu_that_fits_the_phone()
    {
        await _page.GotoAsync("/plans");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

        var bar = _page.Locator(".mud-appbar");
        await Assertions.Expect(bar.GetByRole(AriaRole.Button, new() { Name = "Dark mode" })).Not.ToBeVisibleAsync();
        var outside = await bar.EvaluateAsync<string[]>(
            "bar => [...bar.querySelectorAll('a, button')].filter(e => e.offsetParent !== null && e.getBoundingClientRect().right > window.innerWidth).map(e => e.textContent || e.ariaLabel)");
        Assert.Empty(outside);

        await bar.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Menuitem, new() { Name = "Workspaces" })).ToBeVisibleAsync();
        var findings = await PageChecks.FindingsAsync(_page, "/plans, menu open", 390);
        Assert.True(findings.Count == 0, string.Join('\n', findings));
        await _page.GetByRole(AriaRole.Menuitem, new() { Name = "Workspaces" }).ClickAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(new Regex("/workspaces$"));

        // The menu opens again once the new page is drawn and the menu has closed: a click while the page changed
        // under it, on a loaded machine, was lost.
        var menu = bar.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Workspaces", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await menu.ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await _page.GetByRole(AriaRole.Menuitem, new() { Name = "Dark mode" }).ClickAsync();
        await Assertions.Expect(_page.Locator("[data-theme=dark]")).ToBeAttachedAsync();
    }

    [Fact]
    public async Task Every_section_open_and_a_file_tab_chosen_fit_the_phone_and_pass_axe()
    {
        await _page.GotoAsync("/?avgDataInMiBps=10&partitions=300");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        foreach (var section in new[] { "streams-toggle", "cluster-import-toggle", "advanced", "growth-settings", "cluster-settings" })
        {
            await _page.Locator($"[data-testid={section}]").ClickAsync();
            await Assertions.Expect(_page.Locator($"[data-testid={section}]")).ToHaveAttributeAsync("aria-expanded", "true");
        }

        // The import's files, the other way in, at a phone's width too.
        await _page.Locator("input[type=radio][data-testid=import-from-files]").CheckAsync();
        await Assertions.Expect(_page.Locator("input#import-kafkaTopics")).ToBeVisibleAsync();

        await _page.GetByRole(AriaRole.Tab, new() { Name = "CloudFormation" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#deploy-tabpanel")).ToContainTextAsync("cloudformation/");

        var findings = await PageChecks.FindingsAsync(_page, "/, every section open, CloudFormation tab", 390);
        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public async Task An_explanation_on_a_phone_keeps_type_names_and_figures_whole()
    {
        await _page.GotoAsync("/?avgDataInMiBps=10&partitions=300");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await _page.Locator("tr[data-type='kafka.t3.small'] td[data-col=brokers] button").ClickAsync();
        await Assertions.Expect(_page.Locator("[data-testid=explanation]").First).ToBeVisibleAsync();

        // Each token of the working (a type name, a figure) is one line box; the dialog broke "kafka.t 3.small".
        var broken = await _page.Locator("[data-testid=explanation]").First.EvaluateAsync<string[]>(
            """
            section => {
                const split = [];
                const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    for (const match of node.textContent.matchAll(/\S+/g)) {
                        const range = document.createRange();
                        range.setStart(node, match.index);
                        range.setEnd(node, match.index + match[0].length);
                        if (new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size > 1) split.push(match[0]);
                    }
                }
                return split;
            }
            """);
        Assert.Empty(broken);
        var findings = await PageChecks.FindingsAsync(_page, "/, explanation", 390);
        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public async Task The_growth_tables_costs_keep_whole_on_a_phone()
    {
        await _page.GotoAsync("/?avgDataInMiBps=40&partitions=1200&monthlyGrowthPercent=12&horizonMonths=36");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

        // A cost is one line box: in a narrow fixed column "$103,535.45" was broken mid-number.
        var lines = await _page.Locator("[data-testid=growth-table] td.growth-total").EvaluateAllAsync<int[]>(
            "cells => cells.map(cell => { const text = document.createRange(); text.selectNodeContents(cell); return [...text.getClientRects()].filter(r => r.width > 0).length; })");
        Assert.NotEmpty(lines);
        Assert.All(lines, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task After_a_keyboard_users_navigation_the_focused_heading_draws_no_ring_over_the_subtitle()
    {
        await _page.GotoAsync("/plans");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

        // A key pressed last makes the browser draw rings for focus moved by script, as a keyboard user sees them.
        await _page.Keyboard.PressAsync("Shift");
        await _page.EvaluateAsync("() => Blazor.navigateTo('/workspaces')");

        var heading = _page.GetByRole(AriaRole.Heading, new() { Name = "Workspaces", Level = 1 });
        await Assertions.Expect(heading).ToBeFocusedAsync();
        await Assertions.Expect(heading).ToHaveCSSAsync("outline-style", "none");
    }

    [Fact]
    public async Task A_desktop_shows_the_results_beside_the_form_and_no_summary_line()
    {
        await _page.SetViewportSizeAsync(1280, 900);
        await _page.GotoAsync("/?avgDataInMiBps=10&partitions=100");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

        await Assertions.Expect(_page.Locator("[data-testid=headline-summary]")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_comparison_keeps_its_row_labels_in_view_when_scrolled_sideways()
    {
        using var http = new HttpClient { BaseAddress = fixture.App.Address };
        var ids = new List<int>();
        foreach (var retention in new[] { 24, 72, 168, 720 })
        {
            using var created = await http.PostAsJsonAsync("/api/v1/plans", new { name = $"Phone {retention} h", inputs = new { avgDataInMiBps = 20, partitions = 600, retentionHours = retention } });
            ids.Add(JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<int>());
        }

        await _page.GotoAsync($"/compare?items={string.Join(',', ids)}");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        var region = _page.GetByRole(AriaRole.Region, new() { Name = "Plans side by side" });
        await _page.Locator("tr[data-row=monthly]").EvaluateAsync("r => r.scrollIntoView({ block: 'center' })");
        await region.EvaluateAsync("r => r.scrollLeft = r.scrollWidth");
        await Assertions.Expect(_page.Locator("tr[data-row=monthly] td").Last).ToBeInViewportAsync();

        var label = _page.Locator("tr[data-row=monthly] td").First;
        var box = await label.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box!.X, 0, 390 - box.Width);
        await Assertions.Expect(label).ToHaveTextAsync("Monthly total");
    }

    [GeneratedRegex(@"^(?<brokers>[\d,]+) × (?<type>\S+), (?<monthly>\$[\d,]+\.\d\d) / month")]
    private static partial Regex Summary();
}
