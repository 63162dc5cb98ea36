using System.Text.Json.Nodes;

using Microsoft.Playwright;

namespace MskPlanner.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class PlannerInBrowserTests(BrowserFixture fixture) : IAsyncLifetime
{
    private IBrowserContext _context = default!;
    private IPage _page = default!;
    private readonly List<string> _consoleErrors = [];

    public async Task InitializeAsync()
    {
        _context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.Address.ToString() });
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Typing_a_new_workload_updates_the_sizing_and_the_address()
    {
        await _page.GotoAsync("/?avgDataInMiBps=10&partitions=100&retentionHours=24");
        await WaitForInteractiveAsync();
        await Assertions.Expect(Brokers("kafka.m5.large")).ToHaveTextAsync("3");

        await _page.Locator("input#avgDataInMiBps").FillAsync("200");

        await Assertions.Expect(Brokers("kafka.m5.large")).ToHaveTextAsync("33");
        await Assertions.Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("avgDataInMiBps=200"));
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Scientific_notation_is_read_as_typed_and_never_turned_into_another_number()
    {
        await _page.GotoAsync("/?avgDataInMiBps=10&partitions=100");
        await WaitForInteractiveAsync();
        var field = _page.Locator("input#avgDataInMiBps");

        await field.FillAsync("");
        await field.PressSequentiallyAsync("1e9");

        await Assertions.Expect(field).ToHaveValueAsync("1e9");
        await Assertions.Expect(_page.Locator("#avgDataInMiBps-error")).ToContainTextAsync("at most 100,000");
        await Assertions.Expect(_page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("avgDataInMiBps=19(&|$)"));

        await field.FillAsync("");
        await field.PressSequentiallyAsync("2.5e1");
        await Assertions.Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("avgDataInMiBps=25(&|$)"));
    }

    [Fact]
    public async Task A_copied_address_opens_the_same_inputs_and_figures_in_another_browser()
    {
        await _page.GotoAsync("/?avgDataInMiBps=80&avgDataOutMiBps=160&leaderPartitions=700&retentionHours=720&primaryRetentionHours=24");
        await WaitForInteractiveAsync();
        await _page.Locator("input#leaderPartitions").FillAsync("2400");
        await Assertions.Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("leaderPartitions=2400"));
        var shared = _page.Url;
        var figures = await Brokers("kafka.m7g.large").TextContentAsync();

        await using var colleague = await fixture.Browser.NewContextAsync();
        var other = await colleague.NewPageAsync();
        await other.GotoAsync(shared);

        await Assertions.Expect(other.Locator("input#leaderPartitions")).ToHaveValueAsync("2400");
        await Assertions.Expect(other.Locator("tr[data-type='kafka.m7g.large'] td[data-col=brokers]")).ToHaveTextAsync(figures!);
    }

    [Fact]
    public async Task The_page_shows_the_figures_the_api_computes()
    {
        await _page.GotoAsync("/?avgDataInMiBps=100&avgDataOutMiBps=500&partitions=1000&retentionHours=24");
        await WaitForInteractiveAsync();

        using var http = new HttpClient { BaseAddress = fixture.App.Address };
        using var response = await http.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 100, avgDataOutMiBps = 500, partitions = 1000, retentionHours = 24 });
        var api = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        foreach (var option in api["options"]!.AsArray().Where(o => o!["brokerClass"]!.GetValue<string>() != "serverless"))
        {
            var type = option!["instanceType"]!.GetValue<string>();
            await Assertions.Expect(Brokers(type)).ToHaveTextAsync(option["brokers"]!.GetValue<int>().ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            var total = option["monthlyCost"]!["total"]!.GetValue<decimal>();
            await Assertions.Expect(_page.Locator($"tr[data-type='{type}'] td[data-col=monthly]")).ToContainTextAsync(total.ToString("$#,0.00", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task An_invalid_value_is_explained_at_its_field()
    {
        await _page.GotoAsync("/?avgDataInMiBps=10&partitions=100");
        await WaitForInteractiveAsync();

        await _page.Locator("input#leaderPartitions").FillAsync("0");

        await Assertions.Expect(_page.Locator("#leaderPartitions-error")).ToHaveTextAsync("Partitions must be at least 1 and at most 10,000,000 leader partitions.");
        await Assertions.Expect(_page.Locator("[data-testid=stale]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_invalid_field_looks_and_announces_invalid_until_it_is_fixed()
    {
        await _page.GotoAsync("/?avgDataInMiBps=10&partitions=100");
        await WaitForInteractiveAsync();
        var field = _page.Locator("input#avgDataInMiBps");

        await field.FillAsync("-5");

        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-describedby", "avgDataInMiBps-error");
        await Assertions.Expect(_page.Locator("#avgDataInMiBps-error")).ToContainTextAsync("Average data in");
        await Assertions.Expect(_page.Locator(".field[data-field=avgDataInMiBps] .mud-input-control")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-input-error"));

        await field.FillAsync("12");
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "false");
        await Assertions.Expect(_page.Locator("#avgDataInMiBps-error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_advanced_panel_stays_open_and_focus_stays_put_when_a_field_in_it_becomes_valid()
    {
        await _page.GotoAsync("/?avgDataInMiBps=10&partitions=100&retentionHours=24");
        await WaitForInteractiveAsync();
        var advanced = _page.GetByRole(AriaRole.Button, new() { Name = "Advanced" });
        await advanced.ClickAsync();
        await Assertions.Expect(advanced).ToHaveAttributeAsync("aria-expanded", "true");
        var throughput = _page.Locator("input#provisionedThroughputMiBps");
        await Assertions.Expect(throughput).ToBeVisibleAsync();

        await throughput.FillAsync("100");
        await Assertions.Expect(_page.Locator("#provisionedThroughputMiBps-error")).ToBeVisibleAsync();
        await throughput.FillAsync("300");

        await Assertions.Expect(_page.Locator("#provisionedThroughputMiBps-error")).ToHaveCountAsync(0);
        await Assertions.Expect(throughput).ToBeVisibleAsync();
        await Assertions.Expect(throughput).ToBeFocusedAsync();
        await Assertions.Expect(advanced).ToHaveAttributeAsync("aria-expanded", "true");
    }

    [Fact]
    public async Task Inputs_cannot_be_typed_into_before_the_page_is_live()
    {
        using var http = new HttpClient { BaseAddress = fixture.App.Address };
        var prerendered = await http.GetStringAsync("/?avgDataInMiBps=10&partitions=100");

        Assert.Matches("<input(?=[^>]*id=\"avgDataInMiBps\")[^>]*disabled", prerendered);
        await _page.GotoAsync("/?avgDataInMiBps=10&partitions=100");
        await WaitForInteractiveAsync();
        await Assertions.Expect(_page.Locator("input#avgDataInMiBps")).ToBeEditableAsync();
    }

    [Fact]
    public async Task Tiered_storage_is_a_visible_choice_that_says_what_it_saves()
    {
        await _page.GotoAsync("/?avgDataInMiBps=40&partitions=1200&retentionHours=720");
        await WaitForInteractiveAsync();
        var local = _page.Locator("input#primaryRetentionHours");
        await Assertions.Expect(local).ToHaveCountAsync(0);

        await _page.GetByRole(AriaRole.Switch, new() { Name = "Tiered storage" }).ClickAsync();

        await Assertions.Expect(local).ToHaveValueAsync("24");
        await Assertions.Expect(_page.Locator(".field[data-field=primaryRetentionHours]")).ToContainTextAsync("The other 696 hours of the retention go to tiered storage");
        await Assertions.Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("primaryRetentionHours=24"));
        await Assertions.Expect(_page.Locator("[data-testid=advice]")).ToContainTextAsync("keeping 24 h on broker disks and the rest in tiered storage needs");

        await _page.GetByRole(AriaRole.Switch, new() { Name = "Tiered storage" }).ClickAsync();
        await Assertions.Expect(local).ToHaveCountAsync(0);
        await Assertions.Expect(_page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("primaryRetentionHours="));
    }

    private ILocator Brokers(string type) => _page.Locator($"tr[data-type='{type}'] td[data-col=brokers]");

    /// <summary>The first paint is prerendered; typing only counts once the circuit is up.</summary>
    private async Task WaitForInteractiveAsync() =>
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
}
