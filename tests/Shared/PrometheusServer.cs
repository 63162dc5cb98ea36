using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MskPlanner.Testing;

/// <summary>
/// A real Prometheus (Debian's prometheus package) serving history the test wrote: the OpenMetrics text is backfilled
/// with promtool into a fresh folder, and the server started on a free loopback port. Disposing stops it and deletes the folder.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private bool _ownsFolder;

    private PrometheusServer(Process process, string folder, Uri address, bool ownsFolder)
    {
        _process = process;
        _folder = folder;
        Address = address;
        _ownsFolder = ownsFolder;
    }

    /// <summary>The base address, ending in '/'.</summary>
    public Uri Address { get; }

    /// <summary>The Prometheus process, whose peak memory a load driver reports.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts a server on the history <paramref name="writeHistory"/> writes as OpenMetrics text; it is streamed to a file, never held whole.</summary>
    public static async Task<PrometheusServer> StartAsync(Action<TextWriter> writeHistory)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mskplanner-prometheus-" + Guid.NewGuid().ToString("N"));
        await BackfillAsync(folder, writeHistory);
        return await ServeAsync(folder, Path.Combine(folder, "data"), ownsFolder: true);
    }

    /// <summary>
    /// Serves blocks backfilled before, in <paramref name="folder"/>'s <c>data</c>, and leaves them there: a load
    /// driver backfills a large history once and measures against it many times.
    /// </summary>
    public static Task<PrometheusServer> ServeExistingAsync(string folder) => ServeAsync(folder, Path.Combine(folder, "data"), ownsFolder: false);

    /// <summary>Backfills into <paramref name="folder"/> and leaves the blocks there for <see cref="ServeExistingAsync"/>.</summary>
    public static async Task BackfillAsync(string folder, Action<TextWriter> writeHistory)
    {
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(data);
        var history = Path.Combine(folder, "history.om");
        using (var writer = new StreamWriter(history, append: false, new UTF8Encoding(false), 1 << 16))
        {
            writeHistory(writer);
        }

        await RunAsync("promtool", ["tsdb", "create-blocks-from", "openmetrics", history, data]);
        File.Delete(history);
    }

    /// <summary>
    /// Stops this server, backfills more history into its blocks and serves them again at the same address: a running
    /// cluster's traffic changing under a plan. This instance hands its folder to the one returned.
    /// </summary>
    public async Task<PrometheusServer> BackfillMoreAsync(Action<TextWriter> writeHistory)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await BackfillAsync(_folder, writeHistory);
        var next = await ServeAsync(_folder, Path.Combine(_folder, "data"), _ownsFolder, Address.Port);
        _ownsFolder = false;
        return next;
    }

    private static async Task<PrometheusServer> ServeAsync(string folder, string data, bool ownsFolder, int? port = null)
    {
        var config = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(config, "global:\n  scrape_interval: 1m\n");

        port ??= LoopbackPort.Free();
        var start = new ProcessStartInfo("prometheus") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            $"--config.file={config}", $"--storage.tsdb.path={data}", $"--web.listen-address=127.0.0.1:{port}",
            // The backfilled history is older than the default 15 days would keep only when a test writes long windows.
            "--storage.tsdb.retention.time=3650d",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start: apt-get install prometheus (.ci/run does).");
        var log = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new PrometheusServer(process, folder, new Uri($"http://127.0.0.1:{port}/"), ownsFolder);

        // Ready once it has loaded the blocks; polled, since Prometheus has no other signal.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                if ((await http.GetAsync(new Uri(server.Address, "-/ready"))).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        lock (log)
        {
            throw new InvalidOperationException("prometheus did not become ready: " + log);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_ownsFolder)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}

/// <summary>
/// History as OpenMetrics text with timestamps, for promtool to backfill: counters that grow at a rate the test
/// chooses at each moment (steady, daily waves, bursts), and gauges, sampled once a minute up to <see cref="End"/>.
/// </summary>
public sealed class OpenMetricsHistory(DateTimeOffset end, TimeSpan length)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, (string Type, List<string> Lines)> _families = new(StringComparer.Ordinal);

    public DateTimeOffset End { get; } = end;

    /// <summary>A counter (<c>family_total</c>) whose value grows by <paramref name="ratePerSecond"/> at each moment (seconds since the start).</summary>
    /// <param name="lastOnly">Set for a series that began this long before the end (a topic created within the window).</param>
    public OpenMetricsHistory Counter(string family, string labels, Func<double, double> ratePerSecond, TimeSpan? lastOnly = null) =>
        Growing(family, family + "_total", "counter", labels, ratePerSecond, lastOnly);

    /// <summary>
    /// A series that only grows, written under its exporter's own name and type: MSK's <c>_Count</c> attributes
    /// (unknown) and kafka_exporter's newest offsets (a gauge).
    /// </summary>
    public OpenMetricsHistory Growing(string name, string type, string labels, Func<double, double> ratePerSecond) =>
        Growing(name, name, type, labels, ratePerSecond, lastOnly: null);

    /// <summary>A gauge holding <paramref name="value"/> over the last hour: long enough for an instant query at the end.</summary>
    public OpenMetricsHistory Gauge(string family, string labels, double value)
    {
        var lines = Family(family, "gauge");
        for (var at = End - TimeSpan.FromHours(1); at <= End; at += Interval)
        {
            lines.Add(Line(family, labels, value, at));
        }

        return this;
    }

    public void WriteTo(TextWriter text)
    {
        foreach (var (name, (type, lines)) in _families)
        {
            text.Write($"# TYPE {name} {type}\n");
            foreach (var line in lines)
            {
                text.Write(line);
                text.Write('\n');
            }
        }

        text.Write("# EOF\n");
    }

    private OpenMetricsHistory Growing(string family, string sample, string type, string labels, Func<double, double> ratePerSecond, TimeSpan? lastOnly)
    {
        var lines = Family(family, type);
        var start = End - (lastOnly ?? length);
        var total = 0.0;
        for (var at = start; at <= End; at += Interval)
        {
            lines.Add(Line(sample, labels, Math.Round(total), at));
            total += ratePerSecond((at - start).TotalSeconds) * Interval.TotalSeconds;
        }

        return this;
    }

    private List<string> Family(string name, string type)
    {
        if (!_families.TryGetValue(name, out var family))
        {
            family = (type, []);
            _families[name] = family;
        }

        return family.Lines;
    }

    private static string Line(string sample, string labels, double value, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{sample}{{{labels}}} {value:R} {at.ToUnixTimeSeconds()}");
}
