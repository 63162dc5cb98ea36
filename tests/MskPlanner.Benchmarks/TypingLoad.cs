using System.Globalization;

using Microsoft.Playwright;

using MskPlanner.EndToEnd.Tests;

namespace MskPlanner.Benchmarks;

/// <summary>
/// Keystroke to updated results, measured in a real browser while other circuits type too: one measured page
/// types a value once a second and times, in the page, from the input event to the first change of the results;
/// the other users (<see cref="LightCircuit"/>s: the server's whole work, no browser's) each type once a second as
/// well. Prints p50 and p95 for the browser, and for the light circuits from their input event to the render batch.
/// </summary>
public static class TypingLoad
{
    private const int MeasuredKeystrokes = 100;
    private const string Page = "/?avgDataInMiBps=40&partitions=1200";

    /// <summary>
    /// Runs in the measured page: types <c>value</c> into the field as a keystroke would (an input event), then
    /// resolves with the milliseconds until the results change, or -1 if they do not within 10 s.
    /// </summary>
    private const string TypeAndTime = """
        async (value) => {
            const input = document.querySelector('input#avgDataInMiBps');
            const results = document.querySelector('#results');
            return await new Promise(resolve => {
                const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now() - start); });
                observer.observe(results, { subtree: true, childList: true, characterData: true, attributes: true });
                const start = performance.now();
                input.value = value;
                input.dispatchEvent(new Event('input', { bubbles: true }));
                setTimeout(() => { observer.disconnect(); resolve(-1); }, 10000);
            });
        }
        """;

    public static async Task RunAsync(IReadOnlyList<int> circuitCounts)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mskplanner-typing", Guid.NewGuid().ToString("N"));
        var most = circuitCounts.Max();
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string>
        {
            ["Persistence__DatabasePath"] = Path.Combine(folder, "plans.db"),
            ["Circuits__MaxPerClient"] = (most + 10).ToString(CultureInfo.InvariantCulture),
        });
        using var playwright = await Playwright.CreateAsync();
        var options = new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        };

        await using var browser = await playwright.Chromium.LaunchAsync(options);
        await WarmUpAsync(app.Address);

        Console.WriteLine("circuits | keystrokes | p50 ms | p95 ms | max ms | server CPU, % of one core | light circuits: keystrokes, p50 / p95 ms to the batch");
        foreach (var circuits in circuitCounts)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });
            var measured = await OpenAsync(context);
            var background = new List<LightCircuit>();
            for (var i = 1; i < circuits; i++)
            {
                background.Add(await LightCircuit.OpenAsync(app.Address, Page, "avgDataInMiBps"));
            }

            using var stop = new CancellationTokenSource();
            var bytesBefore = background.ToDictionary(c => c, c => c.BatchBytes);
            var backgroundLatencies = new System.Collections.Concurrent.ConcurrentBag<double>();
            var typists = background.Select((circuit, i) => TypeEverySecondAsync(circuit, TimeSpan.FromMilliseconds(1000.0 * i / background.Count), backgroundLatencies, stop.Token)).ToList();

            // A few keystrokes first, so what is measured is steady state, not the first render's warm-up.
            var latencies = new List<double>();
            var cpuBefore = ServerCpuMs(app.ProcessId);
            var startedAt = System.Diagnostics.Stopwatch.StartNew();
            for (var k = 0; k < MeasuredKeystrokes + 5; k++)
            {
                var elapsed = await measured.EvaluateAsync<double>(TypeAndTime, (20 + (k % 2 == 0 ? k : -k) + 60).ToString(CultureInfo.InvariantCulture));
                if (k >= 5)
                {
                    latencies.Add(elapsed < 0 ? double.PositiveInfinity : elapsed);
                }

                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            var cpu = ServerCpuMs(app.ProcessId) - cpuBefore;
            var seconds = startedAt.Elapsed.TotalSeconds;
            await stop.CancelAsync();
            await Task.WhenAll(typists);
            await context.CloseAsync();
            foreach (var circuit in background)
            {
                await circuit.DisposeAsync();
            }

            latencies.Sort();
            var light = backgroundLatencies.Order().ToList();
            var kibPerKeystroke = background.Sum(c => c.BatchBytes - bytesBefore[c]) / 1024.0 / Math.Max(1, light.Count);
            var lightFigures = light.Count == 0 ? "-" : $"{light.Count}, {Percentile(light, 0.50):0.0} / {Percentile(light, 0.95):0.0}, {kibPerKeystroke:0.0} KiB of batches each";
            Console.WriteLine($"{circuits,8} | {latencies.Count,10} | {Percentile(latencies, 0.50),6:0} | {Percentile(latencies, 0.95),6:0} | {latencies[^1],6:0} | {cpu / seconds / 10,8:0.0} | {lightFigures}");
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        // A light client that answered the server wrongly would show here, as circuits failing.
        foreach (var failure in app.Failures)
        {
            Console.WriteLine($"Server failure: {failure}");
        }
    }

    /// <summary>
    /// A minute's typing before anything is measured: the runtime compiles hot code again, optimised, during its
    /// first minutes, and the first row would otherwise measure that rather than the app (it read 61 ms p95 with one
    /// circuit where ten read 40).
    /// </summary>
    private static async Task WarmUpAsync(Uri app)
    {
        var circuits = new List<LightCircuit>();
        for (var i = 0; i < 5; i++)
        {
            circuits.Add(await LightCircuit.OpenAsync(app, Page, "avgDataInMiBps"));
        }

        var random = new Random(7);
        for (var until = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < until;)
        {
            await Task.WhenAll(circuits.Select(c => c.TypeAsync(random.Next(10, 200).ToString(CultureInfo.InvariantCulture))));
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        foreach (var circuit in circuits)
        {
            await circuit.DisposeAsync();
        }
    }

    private static async Task TypeEverySecondAsync(LightCircuit circuit, TimeSpan offset, System.Collections.Concurrent.ConcurrentBag<double> latencies, CancellationToken stop)
    {
        var random = new Random(circuit.GetHashCode());
        try
        {
            await Task.Delay(offset, stop);
            while (!stop.IsCancellationRequested)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await circuit.TypeAsync(random.Next(10, 200).ToString(CultureInfo.InvariantCulture), stop);
                latencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(Page);
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("input#avgDataInMiBps")).ToBeEditableAsync(new() { Timeout = 30_000 });
        return page;
    }

    /// <summary>User plus system CPU time of the app's process so far, from /proc (clock ticks of 10 ms).</summary>
    private static double ServerCpuMs(int processId)
    {
        var fields = File.ReadAllText($"/proc/{processId}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    private static double Percentile(List<double> sorted, double share) => sorted[(int)Math.Ceiling(share * sorted.Count) - 1];
}
