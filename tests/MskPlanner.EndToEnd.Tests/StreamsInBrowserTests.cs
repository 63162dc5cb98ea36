using Microsoft.Playwright;

using MskPlanner.Testing;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>The workload builder and MSK Serverless in a real browser, driven from the keyboard where it matters.</summary>
[Collection(SharedBrowser.Name)]
public sealed class StreamsInBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_user_describes_two_topics_and_the_plan_sizes_by_their_sums_with_Serverless_beside_it()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?avgDataInMiBps=10&partitions=100");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-testid=serverless-total]")).ToContainTextAsync("/ month");

        await page.Locator("[data-testid=streams-toggle]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=streams-toggle]")).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Locator("[data-testid=add-stream]").ClickAsync();
        await page.Locator("input[id='streams[0].name']").FillAsync("orders");
        await page.Locator("input[id='streams[0].messagesPerSecond']").FillAsync("1000");
        await page.Locator("input[id='streams[0].messageBytes']").FillAsync("1024");
        await page.Locator("input[id='streams[0].consumerGroups']").FillAsync("2");
        await page.Locator("[data-testid=add-stream]").ClickAsync();
        await page.Locator("input[id='streams[1].messagesPerSecond']").FillAsync("2000");
        await page.Locator("input[id='streams[1].messageBytes']").FillAsync("512");

        // By hand: 1,000 x 1,024 B + 2,000 x 512 B = 2,048,000 B/s = 1.953 MiB/s; out 2 x 0.977 + 0.977 = 2.93 MiB/s.
        await Assertions.Expect(page.Locator("input#avgDataInMiBps")).ToHaveValueAsync("1.953");
        await Assertions.Expect(page.Locator("input#avgDataInMiBps")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("input#avgDataOutMiBps")).ToHaveValueAsync("2.93");
        await Assertions.Expect(page.Locator("[data-testid=streams-table]")).ToContainTextAsync("orders");
        await Assertions.Expect(page.Locator("[data-testid=serverless]")).ToContainTextAsync("2 leader partitions");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("streams="));

        // The address reproduces the streams.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("fieldset.stream > legend").First).ToHaveTextAsync("Stream 1: orders");
        await Assertions.Expect(page.Locator("input#avgDataInMiBps")).ToHaveValueAsync("1.953");
    }

    [Fact]
    public async Task A_workload_over_a_Serverless_quota_says_which_one()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?avgDataInMiBps=250&partitions=3000");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

        await Assertions.Expect(page.Locator("[data-testid=serverless-ruled-out]")).ToContainTextAsync("Over MSK Serverless's ingress of 200 MBps (190.7 MiB/s) per cluster");
    }

    [Fact]
    public async Task Any_figure_opens_how_it_was_worked_out_and_Escape_closes_it()
    {
        // The test injects axe into the open dialog, which the app's content security policy would rightly refuse.
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.Address.ToString(), BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?avgDataInMiBps=50&partitions=3000");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

        await page.Locator("tr[data-type='kafka.m5.2xlarge'] td[data-col=brokers] button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // By hand: min(250 / 6.5, 320 / 7.2) x 1 x 0.5 = 19.231 MiB/s per broker.
        await Assertions.Expect(page.Locator("[data-testid=working]").Nth(1)).ToContainTextAsync("min(250 ÷ 6.5, 320 ÷ 7.2) × 1 × 0.5 = 19.231 MiB/s");
        await Assertions.Expect(page.Locator("[data-testid=close-explanation]")).ToBeFocusedAsync();
        await page.AddScriptTagAsync(new() { Path = Path.Combine(Repository.Root, "tests", "MskPlanner.EndToEnd.Tests", "node_modules", "axe-core", "axe.min.js") });
        var violations = await page.EvaluateAsync<string[]>(
            "async () => (await axe.run()).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)");
        Assert.Empty(violations);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=explanation]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Hostile_text_in_the_prometheus_address_is_refused_at_the_field_shown_as_typed_and_never_run()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.Address.ToString() });
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };
        await page.GotoAsync("/?avgDataInMiBps=10&partitions=100");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await page.Locator("[data-testid=streams-toggle]").ClickAsync();
        await page.Locator("[data-testid=cluster-import-toggle]").ClickAsync();

        // At the field's limit of 2,000 characters; the browser keeps no more.
        var hostile = Probe.Hostile.Text + new string('x', 2_000 - Probe.Hostile.Text.Length);
        await page.Locator("input#import-url").FillAsync(hostile);
        // The address's own credentials, hostile too: password fields that keep what was typed and show it to no one.
        foreach (var field in new[] { "import-token", "import-username", "import-password" })
        {
            await page.Locator($"input#{field}").FillAsync(Probe.Hostile.Text);
        }

        await page.Locator("[data-testid=cluster-import]").ClickAsync();

        await Assertions.Expect(page.Locator("#cluster-import-fields")).ToContainTextAsync("URL must be an http or https address");
        await Assertions.Expect(page.Locator("input#import-url")).ToHaveValueAsync(hostile);
        await Assertions.Expect(page.Locator("input#import-token")).ToHaveValueAsync(Probe.Hostile.Text);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('svg[onload], [onload], script:not([src])').length"));
        Assert.Equal(0, dialogs);
        Assert.Empty(await page.Locator("input[id='streams[0].messagesPerSecond']").AllAsync());
    }
}
