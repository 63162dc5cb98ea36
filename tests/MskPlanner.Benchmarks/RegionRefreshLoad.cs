using System.Diagnostics;
using System.Globalization;
using System.Text;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using MskPlanner.Persistence;
using MskPlanner.Pricing;

namespace MskPlanner.Benchmarks;

/// <summary>
/// Refreshes every region through the app's real pricing wiring (typed HttpClient with the standard resilience
/// handler, streaming reader, SQLite cache) against a loopback stand-in for AWS's bulk files: 30 regions, each
/// an AmazonMSK file of the given size, and no EC2 files. Prints the time and the peak managed heap.
/// No request leaves the machine.
/// </summary>
public static class RegionRefreshLoad
{
    public static async Task RunAsync(int regionCount, int kibibytesPerFile)
    {
        var regions = Enumerable.Range(1, regionCount).Select(i => $"xx-region-{i}").ToList();
        var file = MskFile(kibibytesPerFile * 1024);
        await using var aws = await ServeAsync(regions, file);
        var folder = Path.Combine(Path.GetTempPath(), "mskplanner-refresh", Guid.NewGuid().ToString("N"));
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Pricing:Source"] = "Bulk",
                ["Pricing:BulkEndpoint"] = aws.Urls.First(),
                ["Persistence:DatabasePath"] = Path.Combine(folder, "plans.db"),
            });
            builder.AddPricing();
            builder.AddPersistence();
            using var host = builder.Build();
            await host.Services.GetRequiredService<DatabaseMigrator>().StartAsync(CancellationToken.None);
            var prices = host.Services.GetRequiredService<LivePriceSource>();

            var heap = HeapPeak.Start();
            var watch = Stopwatch.StartNew();
            await prices.RefreshRegionsAsync(CancellationToken.None);
            var failed = 0;
            foreach (var region in regions)
            {
                failed += (await prices.RefreshAsync(region)).Set is null ? 1 : 0;
            }

            watch.Stop();
            await heap.DisposeAsync();
            var peak = heap.Bytes;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Refreshed {regionCount - failed} of {regionCount} regions ({file.Length / 1024} KiB MSK file each) in {watch.Elapsed.TotalSeconds:0.00} s " +
                $"({watch.Elapsed.TotalMilliseconds / regionCount:0} ms a region); peak managed heap {peak / 1048576.0:0.0} MiB"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<WebApplication> ServeAsync(List<string> regions, byte[] file)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/offers/v1.0/aws/AmazonMSK/current/region_index.json", () => Results.Json(new
        {
            regions = regions.ToDictionary(r => r, r => new { regionCode = r, currentVersionUrl = $"/offers/v1.0/aws/AmazonMSK/1/{r}/index.json" }),
        }));
        app.MapGet("/offers/v1.0/aws/AmazonMSK/1/{region}/index.json", () => Results.Bytes(file, "application/json"));
        await app.StartAsync();
        return app;
    }

    /// <summary>An AmazonMSK-shaped offer file with every catalogued broker type, padded with unrelated products.</summary>
    private static byte[] MskFile(int bytes)
    {
        var json = new StringBuilder("{\"formatVersion\":\"v1.0\",\"offerCode\":\"AmazonMSK\",\"publicationDate\":\"2026-11-25T00:00:00Z\",\"products\":{");
        var terms = new StringBuilder("},\"terms\":{\"OnDemand\":{");
        var usages = MskPlanner.Sizing.BrokerCatalog.All.Select(t => t.Name.Replace("kafka.", "XX-Kafka.", StringComparison.Ordinal).Replace("express.", "XX-Express.", StringComparison.Ordinal))
            .Concat(["XX-Kafka.Storage.GP2", "XX-Kafka.Storage.Tiered", "XX-Express.Storage"]).ToList();
        for (var i = 0; json.Length + terms.Length < bytes || i < usages.Count; i++)
        {
            var usage = i < usages.Count ? usages[i] : $"XX-Kafka.Other{i}";
            json.Append(i > 0 ? "," : "").Append(CultureInfo.InvariantCulture, $"\"S{i}\":{{\"sku\":\"S{i}\",\"productFamily\":\"Managed Streaming for Apache Kafka (MSK)\",\"attributes\":{{\"usagetype\":\"{usage}\",\"operation\":\"RunBroker\"}}}}");
            terms.Append(i > 0 ? "," : "").Append(CultureInfo.InvariantCulture, $"\"S{i}\":{{\"S{i}.T\":{{\"priceDimensions\":{{\"S{i}.T.D\":{{\"beginRange\":\"0\",\"unit\":\"Hrs\",\"pricePerUnit\":{{\"USD\":\"0.{i + 1:D4}\"}}}}}}}}}}");
        }

        return Encoding.UTF8.GetBytes(json.Append(terms).Append("}}}").ToString());
    }
}
