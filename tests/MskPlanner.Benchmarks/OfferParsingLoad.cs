using System.Diagnostics;
using System.Globalization;
using System.Text;

using MskPlanner.Pricing;

namespace MskPlanner.Benchmarks;

/// <summary>
/// Streams a generated offer file of the given size through <see cref="OfferFileReader"/> and reports the time
/// and the peak managed heap, sampled while it runs. Target: peak under 100 MB whatever the file size.
/// The file has AWS's structure: products keyed by SKU, then OnDemand and Reserved terms for each.
/// </summary>
public static class OfferParsingLoad
{
    public static async Task RunAsync(int megabytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mskplanner-offer-{Guid.NewGuid():N}.json");
        try
        {
            var products = Generate(path, megabytes * 1024L * 1024);
            Console.WriteLine($"Generated {new FileInfo(path).Length / 1048576.0:0} MiB offer file with {products:N0} products");

            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var heap = HeapPeak.Start();
            var watch = Stopwatch.StartNew();
            OfferPrices prices;
            await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
            {
                prices = await OfferFileReader.ReadAsync(stream, LivePriceSheet.IsWantedMskProduct);
            }

            watch.Stop();
            await heap.DisposeAsync();
            var peak = heap.Bytes;

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Parsed in {watch.Elapsed.TotalSeconds:0.00} s ({new FileInfo(path).Length / 1048576.0 / watch.Elapsed.TotalSeconds:0} MiB/s); kept {prices.Products.Count} products, {prices.OnDemandUsd.Count} prices; " +
                $"peak managed heap {peak / 1048576.0:0.0} MiB (baseline {baseline / 1048576.0:0.0} MiB)"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static readonly string ProductTemplate =
        "'SKU@ID':{'sku':'SKU@ID','productFamily':'Managed Streaming for Apache Kafka (MSK)','attributes':{'servicecode':'AmazonMSK','location':'US East (N. Virginia)','locationType':'AWS Region','usagetype':'@USAGE','operation':'RunBroker','regionCode':'us-east-1'}}".Replace('\'', '"');

    private static readonly string OnDemandTemplate =
        "'SKU@ID':{'SKU@ID.JRTCKXETXF':{'offerTermCode':'JRTCKXETXF','sku':'SKU@ID','effectiveDate':'2026-11-01T00:00:00Z','priceDimensions':{'SKU@ID.JRTCKXETXF.6YS6EN2CT7':{'rateCode':'x','description':'d','beginRange':'0','endRange':'Inf','unit':'Hrs','pricePerUnit':{'USD':'0.2100000000'},'appliesTo':[]}},'termAttributes':{}}}".Replace('\'', '"');

    private static readonly string ReservedTemplate =
        "'SKU@ID':{'SKU@ID.4NA7Y494T4':{'priceDimensions':{'a':{'pricePerUnit':{'USD':'0.1300000000'}},'b':{'pricePerUnit':{'USD':'1000'}}}}}".Replace('\'', '"');

    /// <summary>Writes a file of about <paramref name="bytes"/>: a few real MSK products among many unwanted ones, then a large Reserved section.</summary>
    private static int Generate(string path, long bytes)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("""{"formatVersion":"v1.0","disclaimer":"generated","offerCode":"AmazonMSK","version":"20261125000000","publicationDate":"2026-11-25T00:00:00Z","products":{""");
        var count = 0;
        while (writer.BaseStream.Position < bytes / 3)
        {
            writer.Write(count > 0 ? "," : "");
            var usage = count % 5000 == 0 ? "USE1-Kafka.m5.large" : $"USE1-Other.Usage.{count}";
            writer.Write(ProductTemplate.Replace("@ID", Id(count), StringComparison.Ordinal).Replace("@USAGE", usage, StringComparison.Ordinal));
            count++;
        }

        writer.Write("""},"terms":{"OnDemand":{""");
        for (var i = 0; i < count; i++)
        {
            writer.Write(i > 0 ? "," : "");
            writer.Write(OnDemandTemplate.Replace("@ID", Id(i), StringComparison.Ordinal));
        }

        writer.Write("""},"Reserved":{""");
        for (var i = 0; writer.BaseStream.Position < bytes; i++)
        {
            writer.Write(i > 0 ? "," : "");
            writer.Write(ReservedTemplate.Replace("@ID", Id(i), StringComparison.Ordinal));
        }

        writer.Write("""}},"attributesList":{}}""");
        return count;
    }

    private static string Id(int i) => i.ToString("D9", CultureInfo.InvariantCulture);
}
