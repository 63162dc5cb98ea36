using System.Globalization;
using System.Text.RegularExpressions;

using Microsoft.Playwright;

using MskPlanner.EndToEnd.Tests;

namespace MskPlanner.Benchmarks;

/// <summary>
/// Server memory per planner page, idle and live: the real app in its own process and many planner pages open in
/// Chromium. First every page is opened and hidden at once, as a tab left in the background, so the app pauses
/// its circuit (circuit-pause.js, after a second here); then every page is shown again and resumes its circuit.
/// At each step the app collects its garbage (asked over the diagnostics port, as dotnet-gcdump does) and reports
/// its managed heap, and the part of it that is live objects: the heap less the free space the collection left
/// between them, which the runtime reuses before it grows. Its resident memory is read from /proc too, though the
/// runtime keeps freed heap, so that figure errs high. Blazor's own gauge says how many circuits the server holds.
/// Given earlier builds of the app, it measures each of them, then this checkout's, in the same run.
/// </summary>
public static partial class CircuitMemoryLoad
{
    public static async Task RunAsync(int pages, IReadOnlyList<string> earlierBuilds)
    {
        var builds = earlierBuilds.Select(b => (Name: b, Dll: (string?)Path.GetFullPath(Path.Combine(b, "src", "MskPlanner.Web", "bin", "Release", "net10.0", "MskPlanner.Web.dll"))))
            .Append((Name: "this checkout", Dll: (string?)null)).ToList();
        var rows = new List<string>();
        foreach (var (name, dll) in builds)
        {
            rows.AddRange(await MeasureAsync(pages, name, dll));
        }

        Console.WriteLine($"{pages} planner pages, MiB per page (after a full collection) | heap | live objects | resident");
        rows.ForEach(Console.WriteLine);
    }

    private static async Task<IEnumerable<string>> MeasureAsync(int pages, string build, string? dll)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mskplanner-circuits", Guid.NewGuid().ToString("N"));
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string>
        {
            ["Persistence__DatabasePath"] = Path.Combine(folder, "plans.db"),
            ["Circuits__MaxPerClient"] = (pages + 10).ToString(CultureInfo.InvariantCulture),
            ["Circuits__PauseHiddenAfter"] = "00:00:01",
            ["Telemetry__Prometheus"] = "true",
        }, app: dll);
        using var http = new HttpClient { BaseAddress = app.Address };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });

        // One page first, so what is measured is pages, not the app's first-use warm-up.
        var warm = await OpenAsync(context);
        await warm.CloseAsync();
        await WaitForCircuitsAsync(http, 0);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = await MemoryAsync(app.ProcessId, http);

        var open = new List<IPage>();
        for (var i = 0; i < pages; i++)
        {
            var page = await OpenAsync(context);
            await PausedPages.SetVisibilityAsync(page, "hidden");
            open.Add(page);
        }

        await WaitForCircuitsAsync(http, 0);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var idle = await MemoryAsync(app.ProcessId, http);

        foreach (var page in open)
        {
            await PausedPages.SetVisibilityAsync(page, "visible");
        }

        await WaitForCircuitsAsync(http, pages);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var live = await MemoryAsync(app.ProcessId, http);

        string Row(string state, Memory at) =>
            $"{build}, {state,-14} | {(at.Heap - before.Heap) / pages,5:0.000} | {(at.Live - before.Live) / pages,5:0.000} | {(at.Resident - before.Resident) / pages,5:0.00}";
        return [$"{build}, none open: {before.Heap:0.0} MiB heap, {before.Live:0.0} live, {before.Resident:0} resident", Row("idle (paused)", idle), Row("live", live)];
    }

    private readonly record struct Memory(double Heap, double Live, double Resident);

    /// <summary>The app's managed heap right after a full collection it is asked for, its live part, and its resident memory, in MiB.</summary>
    private static async Task<Memory> MemoryAsync(int processId, HttpClient http)
    {
        // A session with the GC-heap-collect keyword makes the runtime run a full, blocking collection.
        var client = new Microsoft.Diagnostics.NETCore.Client.DiagnosticsClient(processId);
        using (var session = client.StartEventPipeSession(
            new Microsoft.Diagnostics.NETCore.Client.EventPipeProvider("Microsoft-Windows-DotNETRuntime", System.Diagnostics.Tracing.EventLevel.Informational, GcHeapCollectKeyword),
            requestRundown: false))
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            session.Stop();
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var metrics = (await http.GetStringAsync(new Uri("metrics", UriKind.Relative))).Split('\n');
        double MiB(string metric) => metrics.Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)) / 1024 / 1024;
        var heap = MiB("dotnet_gc_last_collection_heap_size_bytes");
        return new(heap, heap - MiB("dotnet_gc_last_collection_heap_fragmentation_size_bytes"), ResidentMiB(processId));
    }

    private const long GcHeapCollectKeyword = 0x800000;

    private static async Task<IPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?avgDataInMiBps=40&partitions=1200");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        return page;
    }

    /// <summary>Waits until Blazor's gauge of the circuits the server holds reads <paramref name="expected"/>.</summary>
    private static async Task WaitForCircuitsAsync(HttpClient http, int expected)
    {
        if (await PausedPages.WaitForActiveCircuitsAsync(http, expected, TimeSpan.FromMinutes(2)) != expected)
        {
            throw new TimeoutException($"The server did not reach {expected} circuits.");
        }
    }

    private static double ResidentMiB(int processId)
    {
        var status = File.ReadAllText($"/proc/{processId}/status");
        return double.Parse(VmRss().Match(status).Groups[1].Value, CultureInfo.InvariantCulture) / 1024;
    }

    [GeneratedRegex(@"VmRSS:\s+(\d+) kB")]
    private static partial Regex VmRss();
}
