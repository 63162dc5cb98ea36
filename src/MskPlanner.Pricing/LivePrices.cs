using MskPlanner.Sizing;

namespace MskPlanner.Pricing;

/// <summary>What a live price list gave for one region: MSK's products and, if found, EC2's.</summary>
public sealed record LivePrices(OfferPrices Msk, OfferPrices? Ec2);

/// <summary>One interface over AWS's price lists, whichever way they are read.</summary>
public interface IAwsPriceList
{
    /// <summary>The region codes AmazonMSK is sold in.</summary>
    Task<IReadOnlyList<string>> GetMskRegionsAsync(CancellationToken cancellationToken);

    Task<LivePrices> GetPricesAsync(string region, CancellationToken cancellationToken);
}

/// <summary>A dated price set for one region, as the cache keeps it.</summary>
public sealed record CachedPriceSet(string Region, DateTimeOffset FetchedAt, PriceSheet Sheet);

/// <summary>
/// Lets one of several app instances on one database refresh prices at a time; the others take its sets from
/// the cache. Held for a while and renewed as the work goes on, so an instance that dies holding it blocks the
/// others only until it lapses.
/// </summary>
public interface IPriceRefreshLease
{
    /// <summary>Takes or renews the lease for <paramref name="hold"/>; false while another instance holds it.</summary>
    Task<bool> TryAcquireAsync(TimeSpan hold, CancellationToken cancellationToken);

    Task ReleaseAsync(CancellationToken cancellationToken);
}

/// <summary>Where fetched price sets are kept between runs.</summary>
public interface IPriceCache
{
    Task<CachedPriceSet?> GetAsync(string region, CancellationToken cancellationToken);

    Task<IReadOnlyList<CachedPriceSet>> ListAsync(CancellationToken cancellationToken);

    Task SaveAsync(CachedPriceSet priceSet, CancellationToken cancellationToken);
}

/// <summary>Turns live price-list products into the planner's price sheet.</summary>
public static class LivePriceSheet
{
    public const string SourceName = "AWS price list";

    /// <summary>The EC2 sizes the self-managed comparison may ask for.</summary>
    public static ISet<string> Ec2InstanceTypes { get; } =
        new HashSet<string>(BrokerCatalog.All.Where(t => t.Class == BrokerClass.Standard).Select(t => t.Ec2InstanceType), StringComparer.Ordinal);

    public static bool IsWantedMskProduct(OfferProduct product) =>
        product.Attributes.TryGetValue("usagetype", out var usage) && MskPriceMapping.Classify(usage) is not null;

    public static bool IsWantedEc2Product(OfferProduct product) =>
        Ec2PriceMapping.IsWanted(product.Attributes, product.ProductFamily, Ec2InstanceTypes);

    /// <summary>
    /// The sheet for <paramref name="region"/>. A broker type without a price stays out (so it shows as not
    /// offered); a rate the MSK price list does not carry (cross-AZ transfer, and any of the unconfirmed
    /// usage types it lacks) comes from the snapshot, and the sheet's note names it.
    /// </summary>
    public static PriceSheet Build(string region, LivePrices live, PriceSheet snapshot)
    {
        var brokers = new Dictionary<string, double>(StringComparer.Ordinal);
        var rates = new Dictionary<MskPriceKind, double>();
        foreach (var (sku, product) in live.Msk.Products)
        {
            if (!live.Msk.OnDemandUsd.TryGetValue(sku, out var price) || MskPriceMapping.Classify(product.Attributes["usagetype"]) is not { } item)
            {
                continue;
            }

            if (item.Kind == MskPriceKind.Broker)
            {
                brokers.TryAdd(item.InstanceType!, (double)price);
            }
            else
            {
                rates.TryAdd(item.Kind, (double)price);
            }
        }

        if (brokers.Count == 0)
        {
            throw new MalformedOfferException($"The AmazonMSK price list for {region} has no broker prices.");
        }

        var borrowed = new List<string>();
        double Rate(MskPriceKind kind, double fallback, string name)
        {
            if (rates.TryGetValue(kind, out var rate))
            {
                return rate;
            }

            borrowed.Add(name);
            return fallback;
        }

        var ec2 = new Dictionary<string, double>(StringComparer.Ordinal);
        double? gp3 = null;
        var ec2Offer = live.Ec2 ?? new OfferPrices(null, new Dictionary<string, OfferProduct>(), new Dictionary<string, decimal>());
        foreach (var (sku, product) in ec2Offer.Products)
        {
            if (!ec2Offer.OnDemandUsd.TryGetValue(sku, out var price))
            {
                continue;
            }

            if (product.Attributes.TryGetValue("instanceType", out var type))
            {
                ec2.TryAdd(type, (double)price);
            }
            else
            {
                gp3 ??= (double)price;
            }
        }

        if (ec2.Count == 0)
        {
            // No live EC2 prices (not fetched, or none for the region): the self-managed comparison uses the
            // bundled ones, and the note says so.
            ec2 = new Dictionary<string, double>(snapshot.Ec2Hourly, StringComparer.Ordinal);
            gp3 = snapshot.Ec2Gp3PerGiBMonth;
            borrowed.Add("EC2 for the self-managed comparison");
        }

        ServerlessRates? serverless = null;
        if (rates.TryGetValue(MskPriceKind.ServerlessClusterHours, out var clusterHour) && rates.TryGetValue(MskPriceKind.ServerlessPartitionHours, out var partitionHour)
            && rates.TryGetValue(MskPriceKind.ServerlessStorage, out var serverlessStorage) && rates.TryGetValue(MskPriceKind.ServerlessDataIn, out var serverlessIn)
            && rates.TryGetValue(MskPriceKind.ServerlessDataOut, out var serverlessOut))
        {
            serverless = new ServerlessRates(clusterHour, partitionHour, serverlessStorage, serverlessIn, serverlessOut, $"{SourceName}, {region}");
        }
        else if (snapshot.Serverless is not null)
        {
            // All five or none: a Serverless cost half from this region and half from another would read as either.
            serverless = snapshot.Serverless;
            borrowed.Add("MSK Serverless");
        }

        MigrationRates? migration = snapshot.Migration;
        if (migration is not null && rates.TryGetValue(MskPriceKind.ConnectMcuHours, out var mcuHour) && rates.TryGetValue(MskPriceKind.ReplicatorHours, out var replicatorHour)
            && rates.TryGetValue(MskPriceKind.ReplicatorData, out var replicatorData))
        {
            // Transfer between regions is not an MSK product: it stays at the bundled rate whatever the offer holds.
            migration = new MigrationRates(mcuHour, replicatorHour, replicatorData, migration.InterRegionPerGiB, $"{SourceName}, {region}; inter-region transfer: {migration.Source}");
        }
        else if (migration is not null)
        {
            borrowed.Add("MSK Connect and MSK Replicator");
        }

        var sheet = new PriceSheet
        {
            Origin = new PriceOrigin(SourceName, region, PublishedOn(live.Msk.PublicationDate)),
            BrokerHourly = brokers,
            StoragePerGiBMonth = Rate(MskPriceKind.Storage, snapshot.StoragePerGiBMonth, "storage"),
            TieredStoragePerGiBMonth = Rate(MskPriceKind.TieredStorage, snapshot.TieredStoragePerGiBMonth, "tiered storage"),
            ProvisionedThroughputPerMiBpsMonth = Rate(MskPriceKind.ProvisionedThroughput, snapshot.ProvisionedThroughputPerMiBpsMonth, "provisioned throughput"),
            ExpressStoragePerGiBMonth = Rate(MskPriceKind.ExpressStorage, snapshot.ExpressStoragePerGiBMonth, "Express storage"),
            ExpressDataInPerGiB = Rate(MskPriceKind.ExpressDataIn, snapshot.ExpressDataInPerGiB, "Express data in"),
            CrossAzPerGiB = snapshot.CrossAzPerGiB,
            Ec2Hourly = ec2,
            Ec2Gp3PerGiBMonth = gp3,
            Serverless = serverless,
            Migration = migration,
        };
        borrowed.Add("cross-AZ and inter-region transfer");
        return sheet with
        {
            Origin = sheet.Origin with { Note = $"Not in the MSK price list, so at bundled us-east-1 rates: {string.Join(", ", borrowed)}." },
        };
    }

    private static DateOnly PublishedOn(string? publicationDate) =>
        DateTimeOffset.TryParse(publicationDate, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : throw new MalformedOfferException($"The offer file's publicationDate \"{publicationDate}\" is not a date.");
}
