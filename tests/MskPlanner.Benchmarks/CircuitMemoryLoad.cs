using System.Globalization;
using System.Text.RegularExpressions;

using Microsoft.Playwright;

using MskPlanner.EndToEnd.Tests;

namespace MskPlanner.Benchmarks;

/// <summary>
/// Memory per live Blazor circuit: the real app in its own process, so many planner pages open in Chromium, and
/// the process's resident memory read from /proc before, while open, and after closing (the runtime may keep
/// freed heap, so the last figure shows what the process holds, not what the circuits do).
/// </summary>
public static partial class CircuitMemoryLoad
{
    public static async Task RunAsync(int circuits)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mskplanner-circuits", Guid.NewGuid().ToString("N"));
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string>
        {
            ["Persistence__DatabasePath"] = Path.Combine(folder, "plans.db"),
            ["Circuits__MaxPerClient"] = (circuits + 10).ToString(CultureInfo.InvariantCulture),
            ["Circuits__DisconnectedRetention"] = "00:00:05",
        });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });

        // One page first, so what is measured is circuits, not the app's first-use warm-up.
        var warm = await OpenAsync(context);
        await warm.CloseAsync();
        await Task.Delay(TimeSpan.FromSeconds(7));
        var before = ResidentMiB(app.ProcessId);

        var pages = new List<IPage>();
        for (var i = 0; i < circuits; i++)
        {
            pages.Add(await OpenAsync(context));
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        var open = ResidentMiB(app.ProcessId);
        foreach (var page in pages)
        {
            await page.CloseAsync();
        }

        // Past the disconnected-circuit retention (5 s here), the circuits are gone.
        await Task.Delay(TimeSpan.FromSeconds(12));
        var closed = ResidentMiB(app.ProcessId);

        Console.WriteLine($"{circuits} live circuits: resident memory {before:0} MiB before, {open:0} MiB open, {closed:0} MiB after closing; " +
            $"{(open - before) / circuits:0.00} MiB per circuit");
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?avgDataInMiBps=40&partitions=1200");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        return page;
    }

    private static double ResidentMiB(int processId)
    {
        var status = File.ReadAllText($"/proc/{processId}/status");
        return double.Parse(VmRss().Match(status).Groups[1].Value, CultureInfo.InvariantCulture) / 1024;
    }

    [GeneratedRegex(@"VmRSS:\s+(\d+) kB")]
    private static partial Regex VmRss();
}
