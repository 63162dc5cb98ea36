using Microsoft.Playwright;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>
/// A page left unused gives its circuit back to the server (circuit-pause.js) and comes back as it was left. Each
/// test starts the app with short pause delays; the server's own circuit gauge says whether it still holds one.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class CircuitPauseTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<string> _consoleErrors = [];
    private RunningApp _app = default!;
    private HttpClient _http = default!;
    private IBrowserContext _context = default!;
    private IPage _page = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The app, pausing pages hidden for <paramref name="hiddenAfter"/> or untouched for <paramref name="idleAfter"/>.</summary>
    private async Task StartAsync(string hiddenAfter = "00:00:01", string idleAfter = "00:15:00")
    {
        _app = await RunningApp.StartAsync(new Dictionary<string, string>
        {
            ["Circuits__PauseHiddenAfter"] = hiddenAfter,
            ["Circuits__PauseIdleAfter"] = idleAfter,
            ["Telemetry__Prometheus"] = "true",
        });
        _http = new HttpClient { BaseAddress = _app.Address };
        _context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.Address.ToString(), BypassCSP = true });
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _context.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_hidden_planner_frees_its_circuit_and_comes_back_as_it_was_left()
    {
        await StartAsync();
        await _page.GotoAsync("/?avgDataInMiBps=40&partitions=1200");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await _page.Locator("input#avgDataInMiBps").FillAsync("55");
        await Assertions.Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("avgDataInMiBps=55"));
        var brokers = await Brokers().TextContentAsync();
        Assert.Equal(1, await ActiveCircuitsAsync());

        await SetVisibilityAsync("hidden");
        await WaitForActiveCircuitsAsync(0);

        await SetVisibilityAsync("visible");
        await WaitForActiveCircuitsAsync(1);
        await Assertions.Expect(_page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("input#avgDataInMiBps")).ToHaveValueAsync("55");
        await Assertions.Expect(Brokers()).ToHaveTextAsync(brokers!);

        // The resumed page is live: a keystroke sizes again, and a select's menu (a MudBlazor popover, whose
        // script the new circuit sets up again) opens and picks.
        await _page.Locator("input#avgDataInMiBps").FillAsync("400");
        await Assertions.Expect(Brokers()).Not.ToHaveTextAsync(brokers!);
        await _page.Locator(".mud-select:has(#replicationFactor) .mud-input-control").ClickAsync();
        await _page.GetByRole(AriaRole.Option, new() { Name = "2", Exact = true }).ClickAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("replicationFactor=2"));

        // MudBlazor's popover script reports, as an error, that it set itself up again for the new circuit.
        Assert.DoesNotContain(_consoleErrors, e => !e.StartsWith("Popover Service already initialized", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plan_with_unsaved_changes_keeps_its_circuit_while_hidden()
    {
        await StartAsync();
        var created = await _http.PostAsJsonAsync("api/v1/plans", new { name = "Kept live", inputs = new { avgDataInMiBps = 40, partitions = 100 } });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<int>();
        await _page.GotoAsync($"/plans/{id}");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await _page.Locator("input#avgDataInMiBps").FillAsync("41");
        await Assertions.Expect(_page.GetByTestId("unsaved")).ToBeVisibleAsync();

        await StaysLiveWhileHiddenAsync();

        await Assertions.Expect(_page.Locator("input#avgDataInMiBps")).ToHaveValueAsync("41");
        await Assertions.Expect(_page.GetByTestId("unsaved")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_planner_with_an_open_section_keeps_its_circuit_and_the_section_open_while_hidden()
    {
        await StartAsync();
        await _page.GotoAsync("/?avgDataInMiBps=40&partitions=1200");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await _page.GetByTestId("advanced").ClickAsync();
        await Assertions.Expect(_page.GetByTestId("advanced")).ToHaveAttributeAsync("aria-expanded", "true");

        await StaysLiveWhileHiddenAsync();

        await Assertions.Expect(_page.GetByTestId("advanced")).ToHaveAttributeAsync("aria-expanded", "true");
    }

    [Fact]
    public async Task An_untouched_page_pauses_in_view_says_so_and_resumes_at_a_key()
    {
        await StartAsync(hiddenAfter: "00:00:00", idleAfter: "00:00:02");
        await _page.GotoAsync("/?avgDataInMiBps=40&partitions=1200");
        await Assertions.Expect(_page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

        await WaitForActiveCircuitsAsync(0);
        var dialog = _page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Paused while the page was not in use");
        await _page.SetViewportSizeAsync(390, 800);
        Assert.Empty(await PageChecks.FindingsAsync(_page, "/ (paused)", 390));

        await _page.Keyboard.PressAsync("Escape");

        await WaitForActiveCircuitsAsync(1);
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync();
        await _page.Locator("input#avgDataInMiBps").FillAsync("400");
        await Assertions.Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("avgDataInMiBps=400"));
    }

    /// <summary>Hides the page until its script has considered pausing it and declined, then shows it.</summary>
    private async Task StaysLiveWhileHiddenAsync()
    {
        var declined = await _page.EvaluateAsync<int>("() => Number(document.documentElement.dataset.pausesDeclined ?? 0)");
        await SetVisibilityAsync("hidden");
        await Assertions.Expect(_page.Locator($"html[data-pauses-declined='{declined + 1}']")).ToBeAttachedAsync();
        Assert.Equal(1, await ActiveCircuitsAsync());
        await SetVisibilityAsync("visible");
    }

    private ILocator Brokers() => _page.Locator("tr[data-type='kafka.m5.large'] td[data-col=brokers]");

    private Task SetVisibilityAsync(string state) => PausedPages.SetVisibilityAsync(_page, state);

    private async Task WaitForActiveCircuitsAsync(int expected) =>
        Assert.Equal(expected, await PausedPages.WaitForActiveCircuitsAsync(_http, expected, TimeSpan.FromSeconds(20)));

    private Task<int> ActiveCircuitsAsync() => PausedPages.ActiveCircuitsAsync(_http);
}
