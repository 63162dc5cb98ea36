using System.Diagnostics;
using System.Globalization;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using MskPlanner.Import;
using MskPlanner.Testing;

namespace MskPlanner.Benchmarks;

/// <summary>
/// Imports a week of <c>topics</c> topics from a real Prometheus, as the planner's import does, and reports the time
/// of each import, the bytes it allocated, the peak managed heap while it ran and Prometheus's own peak memory.
/// The history is the JMX exporter's names on two brokers, scraped every 2 minutes. Target: under 3 s for 500 topics.
/// </summary>
public static class ImportLoad
{
    private static readonly TimeSpan Scrape = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(int topics, int days)
    {
        // promtool takes minutes over a week of 500 topics, so the blocks are kept and served again on the next run,
        // which then imports as of the moment the history ends.
        var folder = Path.Combine(Path.GetTempPath(), $"mskplanner-import-load-{topics}-{days}");
        var endFile = Path.Combine(folder, "end.txt");
        var watch = Stopwatch.StartNew();
        if (!File.Exists(endFile))
        {
            var history = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60);
            await PrometheusServer.BackfillAsync(folder, writer => Write(writer, topics, history, TimeSpan.FromDays(days) + TimeSpan.FromHours(1)));
            await File.WriteAllTextAsync(endFile, history.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Backfilled {topics} topics × {days} days in {watch.Elapsed.TotalSeconds:0.0} s into {folder}"));
        }

        var end = DateTimeOffset.FromUnixTimeSeconds(long.Parse(await File.ReadAllTextAsync(endFile), CultureInfo.InvariantCulture));
        await using var prometheus = await PrometheusServer.ServeExistingAsync(folder);

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(new FixedClock(end));
        builder.Configuration["Import:Prometheus:Timeout"] = "00:02:00";
        builder.AddImport();
        using var host = builder.Build();
        var importer = host.Services.GetRequiredService<PrometheusImporter>();
        var request = new PrometheusImportRequest { Url = prometheus.Address.ToString(), Days = days, Naming = "jmx" };
        var (target, _) = PrometheusTarget.Resolve(request, [], typedUrlAllowed: true);
        var window = request.ResolveWindow().GetValueOrThrow();

        for (var run = 1; run <= 3; run++)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var heap = HeapPeak.Start();
            watch.Restart();
            var result = await importer.ImportAsync(target!, window, CancellationToken.None);
            watch.Stop();
            await heap.DisposeAsync();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Run {run}: {result.Summary.Topics} topics into {result.Request.Streams!.Count} streams in {watch.Elapsed.TotalSeconds:0.00} s; " +
                $"allocated {allocated / 1048576.0:0.0} MiB, peak managed heap {heap.Bytes / 1048576.0:0.0} MiB; Prometheus peak resident {PeakResidentMiB(prometheus.ProcessId):0} MiB"));
        }
    }

    /// <summary>Each topic's three counters on two brokers, a day's wave on each, and its partitions over the last hour.</summary>
    private static void Write(TextWriter writer, int topics, DateTimeOffset end, TimeSpan length)
    {
        var start = end - length;
        string[] brokers = ["b-1", "b-2"];
        foreach (var (family, bytesPerMessage) in new[] { ("kafka_server_brokertopicmetrics_messagesin", 1.0), ("kafka_server_brokertopicmetrics_bytesin", 500.0), ("kafka_server_brokertopicmetrics_bytesout", 1000.0) })
        {
            writer.Write($"# TYPE {family} counter\n");
            for (var topic = 0; topic < topics; topic++)
            {
                var rate = 10.0 + topic;
                foreach (var broker in brokers)
                {
                    var total = 0.0;
                    for (var at = start; at <= end; at += Scrape)
                    {
                        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{family}_total{{instance=\"{broker}\",topic=\"topic-{topic:D4}\"}} {Math.Round(total)} {at.ToUnixTimeSeconds()}\n"));
                        var wave = 1 + 0.5 * Math.Sin(2 * Math.PI * (at - start).TotalDays);
                        total += rate * wave * bytesPerMessage / brokers.Length * Scrape.TotalSeconds;
                    }
                }
            }
        }

        writer.Write("# TYPE kafka_cluster_partition_replicascount gauge\n");
        for (var topic = 0; topic < topics; topic++)
        {
            for (var partition = 0; partition < 6; partition++)
            {
                for (var at = end - TimeSpan.FromHours(1); at <= end; at += Scrape)
                {
                    writer.Write(string.Create(CultureInfo.InvariantCulture,
                        $"kafka_cluster_partition_replicascount{{instance=\"{brokers[partition % 2]}\",partition=\"{partition}\",topic=\"topic-{topic:D4}\"}} 3 {at.ToUnixTimeSeconds()}\n"));
                }
            }
        }

        writer.Write("# EOF\n");
    }

    /// <summary>The moment the kept history ends, for every import of the run.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static double PeakResidentMiB(int processId) =>
        File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) is { } line
            ? double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024
            : double.NaN;
}
