namespace MskPlanner.Sizing;

/// <summary>
/// Sizes an MSK cluster for every broker type, following AWS's "MSK Sizing and Pricing" method
/// (docs/sizing.md). Pure: the same input and prices always give the same result.
/// </summary>
public static class SizingEngine
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

    private const double SecondsPerHour = 3600;
    private static readonly BrokerFamily[] Families = Enum.GetValues<BrokerFamily>();
    private const double MiBPerGiB = 1024;

    public static SizingResult Size(SizingInput input, PriceSheet prices)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(prices);

        var (options, recommended, storage, network) = SizeAll(input, prices);
        // With tiered storage, the same workload kept wholly on broker disks: the advice says what tiering saves.
        var allOnDisk = input.UsesTieredStorage ? SizeAll(input with { PrimaryRetentionHours = input.RetentionHours }, prices).Recommended : null;
        var advice = AdviceRules.For(input, options, recommended, network, prices, allOnDisk);
        return new SizingResult(input, options, recommended, storage, network, advice, prices.Origin)
        {
            Growth = GrowthEngine.Project(input, prices),
            Serverless = ServerlessEngine.Size(input, storage, prices),
            Rates = prices,
        };
    }

    private static (BrokerOption[] Options, Recommendation[] Recommended, StorageFigures Storage, NetworkFigures Network) SizeAll(SizingInput input, PriceSheet prices)
    {
        var factors = IoFactors.For(input);
        var storage = StorageFor(input);
        var network = NetworkFor(input);

        BrokerOption SizeAtLeast(BrokerType type, int minimumBrokers) => type.Class == BrokerClass.Express
            ? SizeExpress(type, input, storage, network, prices, minimumBrokers)
            : SizeStandard(type, input, factors, storage, network, prices, minimumBrokers);

        var options = new BrokerOption[BrokerCatalog.All.Count];
        for (var i = 0; i < options.Length; i++)
        {
            options[i] = SizeAtLeast(BrokerCatalog.All[i], 0);
        }

        return (options, Recommend(options, input, SizeAtLeast), storage, network);
    }

    /// <summary>Brokers for a demand: whole brokers, then up to a multiple of the AZ count so every AZ has as many.</summary>
    public static int BrokersFor(double demand, double capacityPerBroker, int zones)
    {
        // A hair of tolerance keeps 48.000000000001 (floating-point noise) from becoming 49.
        var raw = Math.Max(1, (int)Math.Ceiling((demand / capacityPerBroker) - 1e-9));
        return RoundUpToMultiple(raw, zones);
    }

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

    private static double GiBPerMonth(double mibps) => mibps * SecondsPerHour * HoursPerMonth / MiBPerGiB;

    private static double TlsShare(SizingInput input) => input.TlsInTransit ? 1 - (input.TlsDeratePercent / 100) : 1;

    /// <summary>
    /// A Standard type, sized as the method sizes it when its volumes can deliver what the method credits. The method
    /// credits each broker its instance's EBS maximum, but an MSK volume delivers <see cref="VolumeThroughputMiBps"/>
    /// unless provisioned throughput (PST) is on; so a type whose maximum is higher is sized on 250 MiB/s volumes, and
    /// when that takes more brokers than the method's count, the option keeps the method's count and carries the PST it
    /// relies on, with the count on plain volumes beside it.
    /// </summary>
    /// <param name="minimumBrokers">More brokers than the limits need, as a split over several clusters proposes; 0 for none.</param>
    private static BrokerOption SizeStandard(
        BrokerType type, SizingInput input, IoFactors factors, StorageFigures storage, NetworkFigures network, PriceSheet prices, int minimumBrokers)
    {
        BrokerOption SizeOn(double volumeThroughput, double? provisioned) =>
            SizeStandardOn(type, volumeThroughput, provisioned, input, factors, storage, network, prices, minimumBrokers);

        var onPlainVolumes = SizeOn(Math.Min(type.EbsThroughputMiBps, VolumeThroughputMiBps), null);
        if (!type.SupportsProvisionedThroughput)
        {
            return onPlainVolumes;
        }

        // MSK takes PST in whole MiB/s up to the type's maximum (593 on kafka.m5.4xlarge, where the method's table says 593.75).
        double Whole(double mibps) => Math.Min(Math.Ceiling(mibps - 1e-9), Math.Floor(type.EbsThroughputMiBps));
        BrokerOption WithPlainBeside(BrokerOption option) =>
            option.Brokers < onPlainVolumes.Brokers ? option with { WithoutProvisionedThroughput = onPlainVolumes } : option;

        var method = SizeOn(type.EbsThroughputMiBps, null);
        var asked = input.ProvisionedThroughputMiBps is { } requested ? SizeOn(Whole(requested), Whole(requested)) : onPlainVolumes;
        if (asked.Brokers <= method.Brokers)
        {
            return WithPlainBeside(asked);
        }

        // The method's count needs the volume throughput behind its per-broker ingress: that ingress before the TLS
        // share (which takes broker CPU, not volume throughput), times the storage factor.
        var relied = Whole(Math.Max(method.IngressPerBrokerMiBps / TlsShare(input) * factors.Storage, input.ProvisionedThroughputMiBps ?? 0));
        return WithPlainBeside(SizeOn(relied, relied));
    }

    private static BrokerOption SizeStandardOn(
        BrokerType type, double volumeThroughput, double? provisioned, SizingInput input, IoFactors factors, StorageFigures storage, NetworkFigures network,
        PriceSheet prices, int minimumBrokers)
    {
        var zones = input.AvailabilityZones;
        var ingressPerBroker = Math.Min(volumeThroughput / factors.Storage, type.NetworkThroughputMiBps / factors.Network) * TlsShare(input);
        var ingressCapacity = ingressPerBroker * input.PeakUtilization;
        var egressCapacity = network.FanOut * ingressCapacity;
        var partitionCapacity = PartitionCapacity(type, input);

        // The method's PST limit (average data out read back from disk) applies when the plan asks for PST itself.
        var count = provisioned is not null && input.ProvisionedThroughputMiBps is not null ? 5 : 4;
        Span<LimitKind> kinds = [LimitKind.Ingress, LimitKind.Egress, LimitKind.Partitions, LimitKind.Storage, LimitKind.ProvisionedThroughput];
        Span<double> demands = [input.PeakDataInMiBps, input.PeakDataOutMiBps, input.Partitions, storage.EbsGiB, input.AvgDataOutMiBps];
        Span<double> capacities = [ingressCapacity, egressCapacity, partitionCapacity, MaxVolumeGiBPerBroker, provisioned ?? 0];

        var (brokers, binding, checks) = Resolve(kinds[..count], demands[..count], capacities[..count], zones, input, minimumBrokers);
        var volume = Math.Max(Math.Ceiling(storage.EbsGiB / brokers), provisioned is null ? 1 : MinVolumeGiBWithProvisionedThroughput);
        var memory = MemoryFor(type, input.PeakDataInMiBps * input.ReplicationFactor / brokers, input);

        string? unavailable = null;
        MonthlyCost? cost = null;
        SelfManagedCost? selfManaged = null;
        if (!prices.BrokerHourly.TryGetValue(type.Name, out var hourly))
        {
            unavailable = $"Not offered in {prices.Origin.Region}: the price list has no {type.Name} brokers there.";
        }
        else
        {
            cost = new MonthlyCost(
                Money(brokers * hourly * HoursPerMonth),
                Money(BilledEbsGiB(storage, brokers, provisioned is not null) * prices.StoragePerGiBMonth),
                Money(storage.TieredGiB * prices.TieredStoragePerGiBMonth),
                Money(provisioned is { } t ? brokers * t * prices.ProvisionedThroughputPerMiBpsMonth : 0),
                0m,
                Money(network.CrossAzGiBPerMonth * prices.CrossAzPerGiB));
            selfManaged = SelfManagedFor(type, brokers, input, storage, network, prices);
        }

        if (type.IsBurstable && input.UsesTieredStorage)
        {
            unavailable = "MSK offers tiered storage on M5 and M7g brokers, not on kafka.t3.small (the console's tiered-storage steps).";
        }

        return new BrokerOption(type, brokers, binding, checks, ingressPerBroker, volume, memory, cost, selfManaged, unavailable)
        {
            VolumeThroughputMiBps = volumeThroughput,
            ProvisionedThroughputMiBps = provisioned,
        };
    }

    /// <summary>
    /// The EBS a Standard cluster pays for: what the retention needs, and with provisioned throughput at least
    /// <see cref="MinVolumeGiBWithProvisionedThroughput"/> on every broker.
    /// </summary>
    public static double BilledEbsGiB(StorageFigures storage, int brokers, bool provisionedThroughput) =>
        provisionedThroughput ? Math.Max(storage.EbsGiB, brokers * MinVolumeGiBWithProvisionedThroughput) : storage.EbsGiB;

    private static BrokerOption SizeExpress(
        BrokerType type, SizingInput input, StorageFigures storage, NetworkFigures network, PriceSheet prices, int minimumBrokers)
    {
        var tls = TlsShare(input);
        var ingressCapacity = type.ExpressIngressMiBps * input.ExpressPeakUtilization * tls;
        var egressCapacity = type.ExpressIngressMiBps * ExpressEgressPerIngress * tls;
        Span<LimitKind> kinds = [LimitKind.Ingress, LimitKind.Egress, LimitKind.Partitions];
        // Express always keeps 3 replicas of each leader partition, whatever the plan's replication factor.
        Span<double> demands = [input.PeakDataInMiBps, input.PeakDataOutMiBps, input.LeaderPartitions * (double)ExpressReplicationFactor];
        Span<double> capacities = [ingressCapacity, egressCapacity, PartitionCapacity(type, input)];

        var (brokers, binding, checks) = Resolve(kinds, demands, capacities, ExpressZones, input, minimumBrokers);
        var memory = MemoryFor(type, input.PeakDataInMiBps * ExpressReplicationFactor / brokers, input);

        // AWS's Express guide sizes at the sustained figure itself (45 MBps in on 3 x express.m7g.large); shown beside ours.
        capacities[0] = type.ExpressIngressMiBps * tls;
        var atSustained = Resolve(kinds, demands, capacities, ExpressZones, input, minimumBrokers).Brokers;

        string? unavailable = null;
        if (input.AvailabilityZones != ExpressZones)
        {
            unavailable = "Express brokers run in exactly 3 AZs; this plan uses 2.";
        }

        MonthlyCost? cost = null;
        if (!prices.BrokerHourly.TryGetValue(type.Name, out var hourly))
        {
            unavailable = $"Not offered in {prices.Origin.Region}: the price list has no {type.Name} brokers there.";
        }
        else
        {
            // Express clusters always span 3 AZs, so their client traffic crosses AZs as a 3-AZ cluster's does.
            var crossShare = (ExpressZones - 1) / (double)ExpressZones;
            var crossAzMiBps = (input.AvgDataInMiBps + (input.NearestReplicaFetching ? 0 : input.AvgDataOutMiBps)) * crossShare;
            cost = new MonthlyCost(
                Money(brokers * hourly * HoursPerMonth),
                Money(storage.ExpressGiB * prices.ExpressStoragePerGiBMonth),
                0m,
                0m,
                Money(network.DataInGiBPerMonth * prices.ExpressDataInPerGiB),
                Money(GiBPerMonth(crossAzMiBps) * prices.CrossAzPerGiB));
        }

        return new BrokerOption(type, brokers, binding, checks, type.ExpressIngressMiBps * tls, 0, memory, cost, null, unavailable)
        {
            BrokersAtSustainedIngress = atSustained,
        };
    }

    /// <summary>
    /// The brokers each limit needs, the largest of them (or <paramref name="minimumBrokers"/> when more), and
    /// each limit's use at that count. The binding limit stays the one that needs the most.
    /// </summary>
    private static (int Brokers, LimitKind Binding, LimitCheck[] Checks) Resolve(
        ReadOnlySpan<LimitKind> kinds, ReadOnlySpan<double> demands, ReadOnlySpan<double> capacities, int zones, SizingInput input, int minimumBrokers)
    {
        Span<int> needed = stackalloc int[kinds.Length];
        var brokers = 0;
        var binding = kinds[0];
        for (var i = 0; i < kinds.Length; i++)
        {
            needed[i] = BrokersFor(demands[i], capacities[i], zones);
            if (needed[i] > brokers)
            {
                brokers = needed[i];
                binding = kinds[i];
            }
        }

        brokers = Math.Max(brokers, minimumBrokers);
        var checks = new LimitCheck[kinds.Length];
        for (var i = 0; i < kinds.Length; i++)
        {
            checks[i] = new LimitCheck(kinds[i], needed[i], demands[i], capacities[i], UnitOf(kinds[i], input), demands[i] / (capacities[i] * brokers));
        }

        return (brokers, binding, checks);
    }

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

    private static Recommendation[] Recommend(BrokerOption[] options, SizingInput input, Func<BrokerType, int, BrokerOption> sizeAtLeast)
    {
        var families = Families;
        var picks = new Recommendation[families.Length];
        for (var f = 0; f < families.Length; f++)
        {
            var available = options.Where(o => o.Type.Family == families[f] && o.IsAvailable).ToList();
            // At equal cost, fewer and larger brokers: fewer to patch, replace and rebalance, and more headroom each.
            var withinQuota = available.Where(o => o.FitsQuota(input)).OrderBy(o => o.MonthlyCost!.Total).ThenBy(o => o.Brokers).ToList();
            if (withinQuota.FirstOrDefault() is { } cheapest)
            {
                var sameCost = withinQuota.Skip(1).FirstOrDefault(o => o.MonthlyCost!.Total == cheapest.MonthlyCost!.Total && o.Brokers > cheapest.Brokers);
                var tie = sameCost is null ? "" :
                    $" {sameCost.Brokers:N0} x {sameCost.Type.Name} cost the same; fewer, larger brokers are fewer to patch, replace and rebalance.";
                picks[f] = new Recommendation(families[f], cheapest, null,
                    $"Cheapest {families[f]} type within the quota of {input.BrokerQuotaFor(cheapest.Type)} brokers per cluster; bound by {Names.Of(cheapest.BindingLimit).Phrase}.{tie}");
            }
            else if (available.MinBy(o => (o.Brokers, o.MonthlyCost!.Total)) is not { } fewest)
            {
                var reason = options.FirstOrDefault(o => o.Type.Family == families[f])?.UnavailableReason;
                picks[f] = new Recommendation(families[f], null, null, $"No {families[f]} type is available for this plan{(reason is null ? "." : $": {reason}")}");
            }
            else if (fewest.Type.IsBurstable)
            {
                // A development broker spread over several clusters is no recommendation.
                picks[f] = new Recommendation(families[f], null, null,
                    $"kafka.t3.small is not suited: this workload needs {fewest.Brokers:N0} of them, over the quota of {input.BrokerQuotaFor(fewest.Type)} per cluster.");
            }
            else
            {
                picks[f] = SplitAcrossClusters(families[f], fewest, input, sizeAtLeast);
            }
        }

        return picks;
    }

    /// <summary>
    /// Clusters within the quota, each with a multiple of the AZs; the pick is then sized and priced for the brokers
    /// the split proposes (2 clusters of 36 are 72 brokers, not the 69 the limits need).
    /// </summary>
    private static Recommendation SplitAcrossClusters(BrokerFamily family, BrokerOption option, SizingInput input, Func<BrokerType, int, BrokerOption> sizeAtLeast)
    {
        var zones = option.Type.Class == BrokerClass.Express ? ExpressZones : input.AvailabilityZones;
        var quota = input.BrokerQuotaFor(option.Type);
        var clusters = (option.Brokers + quota - 1) / quota;
        var perCluster = RoundUpToMultiple((option.Brokers + clusters - 1) / clusters, zones);
        while (perCluster > quota && perCluster > zones)
        {
            clusters++;
            perCluster = RoundUpToMultiple((option.Brokers + clusters - 1) / clusters, zones);
        }

        var proposed = clusters * perCluster;
        var priced = proposed > option.Brokers ? sizeAtLeast(option.Type, proposed) : option;
        return new Recommendation(family, priced, new ClusterSplit(clusters, perCluster),
            $"Every {family} type needs more than {quota} brokers; {option.Type.Name} needs the fewest ({option.Brokers:N0}): " +
            $"split the workload over {clusters} clusters of {perCluster} brokers ({proposed:N0} in all, priced as proposed), or ask AWS for a higher quota.");
    }

    private static decimal Money(double usd) => Math.Round((decimal)usd, 2, MidpointRounding.ToEven);
}
