namespace MskPlanner.Sizing;

/// <summary>
/// Sizes an MSK cluster for every broker type, following AWS's "MSK Sizing and Pricing" method
/// (docs/sizing.md). Pure: the same input and prices always give the same result.
/// </summary>
public static partial class SizingEngine
{
    public const double HoursPerMonth = 730;
    public const double MaxVolumeGiBPerBroker = 16_384;

    /// <summary>The smallest volume MSK provisions storage throughput on (MSK guide, "Provision storage throughput").</summary>
    public const double MinVolumeGiBWithProvisionedThroughput = 10;

    /// <summary>What an MSK volume delivers without provisioned throughput (MSK guide, "Manage storage throughput": the default).</summary>
    public const double VolumeThroughputMiBps = 250;
    public const int ExpressZones = 3;
    public const int ExpressReplicationFactor = 3;

    /// <summary>Express brokers sustain twice their ingress as egress (MSK Express broker best practices).</summary>
    public const double ExpressEgressPerIngress = 2.0;

    /// <summary>
    /// Share of a broker's memory we assume free for page cache; the rest goes to the JVM heap and the OS.
    /// An assumption of ours, not an AWS figure.
    /// </summary>
    public const double PageCacheShareOfMemory = 0.5;

    /// <summary>KRaft controllers a self-managed cluster runs beside its brokers.</summary>
    public const int SelfManagedControllers = 3;

    internal const double SecondsPerHour = 3600;
    internal const double MiBPerGiB = 1024;
    private static readonly BrokerFamily[] Families = Enum.GetValues<BrokerFamily>();

    public static SizingResult Size(SizingInput input, PriceSheet prices)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(prices);

        var (options, recommended, storage, network) = SizeAll(input, prices);
        // With tiered storage, the same workload kept wholly on broker disks: the advice says what tiering saves.
        var allOnDisk = input.UsesTieredStorage ? SizeAll(input with { PrimaryRetentionHours = input.RetentionHours }, prices).Recommended : null;
        var advice = AdviceRules.For(input, options, recommended, network, prices, allOnDisk);
        var result = new SizingResult(input, options, recommended, storage, network, advice, prices.Origin)
        {
            Growth = GrowthEngine.Project(input, prices),
            Serverless = ServerlessEngine.Size(input, storage, prices),
            Rates = prices,
        };
        return input.Migration is null ? result : result with { Migration = MigrationEngine.For(result, family: null) };
    }

    private static (BrokerOption[] Options, Recommendation[] Recommended, StorageFigures Storage, NetworkFigures Network) SizeAll(SizingInput input, PriceSheet prices)
    {
        var pass = new SizingPass(input, new BrokerRates(prices));
        var fits = new Fit[BrokerCatalog.All.Count];
        var picks = new Pick[Families.Length];
        pass.FitAll(fits);
        pass.PickAll(fits, picks);

        var options = new BrokerOption[fits.Length];
        for (var i = 0; i < fits.Length; i++)
        {
            options[i] = pass.OptionOf(fits[i]);
        }

        var recommended = new Recommendation[picks.Length];
        for (var f = 0; f < picks.Length; f++)
        {
            recommended[f] = pass.RecommendationOf(picks[f], fits, options);
        }

        return (options, recommended, pass.Storage, pass.Network);
    }

    /// <summary>Brokers for a demand: whole brokers, then up to a multiple of the AZ count so every AZ has as many.</summary>
    public static int BrokersFor(double demand, double capacityPerBroker, int zones) =>
        RoundUpToMultiple(WholeBrokersFor(demand, capacityPerBroker), zones);

    /// <summary>Whole brokers for a demand, at least one, before rounding up to the AZs.</summary>
    private static int WholeBrokersFor(double demand, double capacityPerBroker) =>
        // A hair of tolerance keeps 48.000000000001 (floating-point noise) from becoming 49.
        Math.Max(1, (int)Math.Ceiling((demand / capacityPerBroker) - 1e-9));

    private static int RoundUpToMultiple(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    private static StorageFigures StorageFor(SizingInput input)
    {
        var dataGiB = input.AvgDataInMiBps * input.PrimaryRetentionHours * SecondsPerHour * input.ReplicationFactor / MiBPerGiB;
        var tieredGiB = input.UsesTieredStorage
            ? input.AvgDataInMiBps * (input.RetentionHours - input.PrimaryRetentionHours) * SecondsPerHour / MiBPerGiB
            : 0;
        var expressGiB = input.AvgDataInMiBps * input.RetentionHours * SecondsPerHour / MiBPerGiB;
        return new StorageFigures(dataGiB, dataGiB / input.DiskUtilizationTarget, tieredGiB, expressGiB, input.PeakDataInMiBps * input.ReplicationFactor);
    }

    private static NetworkFigures NetworkFor(SizingInput input)
    {
        var crossShare = (input.AvailabilityZones - 1) / (double)input.AvailabilityZones;
        var producers = input.AvgDataInMiBps * crossShare;
        var consumers = input.NearestReplicaFetching ? 0 : input.AvgDataOutMiBps * crossShare;
        return new NetworkFigures(
            input.PeakDataInMiBps,
            input.PeakDataOutMiBps,
            input.PeakDataOutMiBps / input.PeakDataInMiBps,
            input.AvgDataInMiBps * (input.ReplicationFactor - 1),
            producers,
            consumers,
            GiBPerMonth(producers + consumers),
            GiBPerMonth(input.AvgDataInMiBps));
    }

    internal static double GiBPerMonth(double mibps) => mibps * SecondsPerHour * HoursPerMonth / MiBPerGiB;

    private static double TlsShare(SizingInput input) => input.TlsInTransit ? 1 - (input.TlsDeratePercent / 100) : 1;

    /// <summary>
    /// The EBS a Standard cluster pays for: what the retention needs, and with provisioned throughput at least
    /// <see cref="MinVolumeGiBWithProvisionedThroughput"/> on every broker.
    /// </summary>
    public static double BilledEbsGiB(StorageFigures storage, int brokers, bool provisionedThroughput) =>
        provisionedThroughput ? Math.Max(storage.EbsGiB, brokers * MinVolumeGiBWithProvisionedThroughput) : storage.EbsGiB;

    private static string UnitOf(LimitKind kind, SizingInput input) => kind switch
    {
        LimitKind.Ingress => "MiB/s peak data in",
        LimitKind.Egress => "MiB/s peak data out",
        LimitKind.Partitions => input.UseMaxPartitions ? "partitions (maximum per broker)" : "partitions (recommended per broker)",
        LimitKind.Storage => "GiB EBS",
        _ => "MiB/s average data out",
    };

    private static double PartitionCapacity(BrokerType type, SizingInput input) =>
        input.UseMaxPartitions ? type.MaxPartitions : type.RecommendedPartitions;

    private static MemoryCheck MemoryFor(BrokerType type, double writeMiBpsPerBroker, SizingInput input) =>
        new(input.PageCacheSeconds * writeMiBpsPerBroker / MiBPerGiB, type.MemoryGiB * PageCacheShareOfMemory);

    /// <summary>
    /// The same brokers on EC2, gp3 for the same GiB, three controllers of the family's smallest size, and the
    /// replication that crosses AZs (billed on EC2, free on MSK): every follower copy placed in another AZ while
    /// AZs last, so min(RF - 1, AZs - 1) copies cross.
    /// </summary>
    private static SelfManagedCost? SelfManagedFor(
        BrokerType type, int brokers, SizingInput input, StorageFigures storage, NetworkFigures network, PriceSheet prices)
    {
        var controllerType = type.Family == BrokerFamily.T3 ? "t3.small" : type.Family == BrokerFamily.M5 ? "m5.large" : "m7g.large";
        if (!prices.Ec2Hourly.TryGetValue(type.Ec2InstanceType, out var hourly) ||
            !prices.Ec2Hourly.TryGetValue(controllerType, out var controllerHourly) ||
            prices.Ec2Gp3PerGiBMonth is not { } gp3)
        {
            return null;
        }

        var crossingCopies = Math.Min(input.ReplicationFactor - 1, input.AvailabilityZones - 1);
        var replicationCrossAz = GiBPerMonth(input.AvgDataInMiBps * crossingCopies);
        return new SelfManagedCost(
            Money(brokers * hourly * HoursPerMonth),
            Money(SelfManagedControllers * controllerHourly * HoursPerMonth),
            Money(storage.EbsGiB * gp3),
            Money((network.CrossAzGiBPerMonth + replicationCrossAz) * prices.CrossAzPerGiB));
    }

    internal static decimal Money(double usd) => Math.Round((decimal)usd, 2, MidpointRounding.ToEven);
}
