namespace MskPlanner.Sizing;

/// <summary>A constant a figure uses, with where it comes from.</summary>
public sealed record ExplainedConstant(string Name, string Value, string Source);

/// <summary>How one figure of a result was worked out: the formula, this plan's values in it, and the constants behind them.</summary>
/// <param name="Figure">What the figure is, in words.</param>
/// <param name="Value">The figure as the results show it.</param>
/// <param name="Working">The formula with this plan's values substituted.</param>
public sealed record Explanation(string Figure, string Value, string Formula, string Working, IReadOnlyList<ExplainedConstant> Constants);

/// <summary>
/// Explains every figure of a sizing: each limit's demand, capacity and brokers, the broker count, storage, network
/// and each cost component. Keys are the API's paths to the figure (<c>storage.ebsGiB</c>,
/// <c>options.kafka.m5.large.limits.ingress</c>, <c>options.serverless.monthlyCost.cluster</c>).
/// </summary>
public static class Explain
{
    public const string ReferenceMethod = "AWS's MSK sizing reference (msk_sizing.py, the workbook's method)";
    public const string BrokerTable = "AWS's MSK sizing reference broker table, which agrees with the MSK developer guide";
    public const string Derived = "the reference method's factors, derived for any AZ count and RF (docs/sizing.md)";
    public const string OurAssumption = "our stated assumption (docs/sizing.md)";
    public const string Quota = "MSK developer guide, quotas";
    public const string CrossAzSource = "bundled us-east-1 rate, $0.01 per GB each way; secondary sources, unverified";
    public const string ServerlessQuotas = "MSK developer guide's Serverless quota table, from a copy; unverified";

    private const string Hours = "730 hours a month";
    private const string Units = "3,600 s an hour; 1,024 MiB a GiB";

    public static IReadOnlyDictionary<string, Explanation> All(SizingResult result)
    {
        var all = new Dictionary<string, Explanation>(StringComparer.Ordinal);
        foreach (var (key, explanation) in Storage(result).Concat(Network(result)))
        {
            all[key] = explanation;
        }

        foreach (var option in result.Options)
        {
            foreach (var (key, explanation) in ForOption(result, option))
            {
                all[key] = explanation;
            }
        }

        if (result.Serverless is { } serverless)
        {
            foreach (var (key, explanation) in ForServerless(result, serverless))
            {
                all[key] = explanation;
            }
        }

        return all;
    }

    /// <summary>The broker count, each limit and each cost component of one broker type.</summary>
    public static IEnumerable<(string Key, Explanation Explanation)> ForOption(SizingResult result, BrokerOption option)
    {
        var prefix = $"options.{option.Type.Name}";
        yield return ($"{prefix}.brokers", Brokers(result, option));
        foreach (var limit in option.Limits)
        {
            yield return ($"{prefix}.limits.{Names.Of(limit.Kind).Key}", Limit(result, option, limit));
        }

        foreach (var (key, explanation) in Costs(result, option))
        {
            yield return ($"{prefix}.monthlyCost.{key}", explanation);
        }
    }

    public static Explanation Brokers(SizingResult result, BrokerOption option)
    {
        var needs = string.Join(", ", option.Limits.Select(l => $"{Names.Of(l.Kind).Label.ToLowerInvariant()} {l.BrokersNeeded}"));
        var split = result.Recommended.FirstOrDefault(r => r.Option == option)?.Split;
        return new(
            $"{option.Type.Name}: brokers",
            Figures.Count(option.Brokers, "broker"),
            "brokers = the most any limit needs (each limit's count is already a multiple of the AZs)" + (split is null ? "" : "; with a split, clusters × brokers per cluster"),
            $"max({needs}) = {option.Limits.Max(l => l.BrokersNeeded)}" + (split is { } s ? $"; split: {s.Clusters} × {s.BrokersPerCluster} = {option.Brokers}" : ""),
            [
                new("binding limit", Names.Of(option.BindingLimit).Label, "the limit that needs the most brokers; the first in the order ingress, egress, partitions, storage, provisioned throughput on a tie"),
                .. option.WithoutProvisionedThroughput is { } plain
                    ? [new ExplainedConstant("without provisioned throughput", $"{Figures.Count(plain.Brokers, "broker")}{(plain.MonthlyCost is { } c ? $", {Figures.Usd(c.Total)} / month" : "")}",
                        $"on MSK's default {N(SizingEngine.VolumeThroughputMiBps)} MiB/s volumes (MSK guide, \"Manage storage throughput\"); this count relies on {N(option.VolumeThroughputMiBps)} MiB/s a volume, so it provisions that")]
                    : Array.Empty<ExplainedConstant>(),
                .. option.BrokersAtSustainedIngress is { } aws && aws != option.Brokers
                    ? [AwsExpressFigure(result.Input, aws)]
                    : Array.Empty<ExplainedConstant>(),
            ]);
    }

    /// <summary>AWS's own Express count beside the method's, and why they differ.</summary>
    private static ExplainedConstant AwsExpressFigure(SizingInput input, int brokers) => new(
        "AWS's Express guide", Figures.Count(brokers, "broker"),
        $"at 100% of the sustained ingress, as AWS's Express best practices size (45 MBps in, 90 out on 3 × express.m7g.large); the reference method keeps ingress at " +
        $"min(1, 1.5 × {N(input.PeakUtilization)}) = {Figures.Percent(input.ExpressPeakUtilization)} of it, headroom for a broker restart or a burst, so its count is higher");

    public static Explanation Limit(SizingResult result, BrokerOption option, LimitCheck limit)
    {
        var input = result.Input;
        var type = option.Type;
        var zones = type.Class == BrokerClass.Express ? SizingEngine.ExpressZones : input.AvailabilityZones;
        var brokers = $"brokers = ceil({N(limit.Demand)} ÷ {N(limit.CapacityPerBroker)}) = {(int)Math.Ceiling((limit.Demand / limit.CapacityPerBroker) - 1e-9)}, up to a multiple of {zones} AZs = {limit.BrokersNeeded}; " +
            $"use at {option.Brokers:N0} brokers = {N(limit.Demand)} ÷ ({N(limit.CapacityPerBroker)} × {option.Brokers:N0}) = {Figures.Percent(limit.Utilization)}";
        var label = $"{type.Name}: {Names.Of(limit.Kind).Label.ToLowerInvariant()} limit";
        var value = $"{N(limit.Demand)} {limit.Unit} over {N(limit.CapacityPerBroker)} per broker: {Figures.Count(limit.BrokersNeeded, "broker")}";
        var tls = input.TlsInTransit ? 1 - (input.TlsDeratePercent / 100) : 1;

        if (type.Class == BrokerClass.Express)
        {
            List<ExplainedConstant> express =
            [
                new($"{type.Name} sustained ingress", $"{N(type.ExpressIngressMiBps)} MiB/s", BrokerTable),
                new("Express utilization", $"min(1, 1.5 × {N(input.PeakUtilization)}) = {N(input.ExpressPeakUtilization)}", ReferenceMethod),
                new("TLS share", N(tls), "1 − your measured TLS loss"),
            ];
            return limit.Kind switch
            {
                LimitKind.Ingress => new(label, value, "capacity = sustained ingress × Express utilization × TLS share; " + BrokersRule,
                    $"{N(type.ExpressIngressMiBps)} × {N(input.ExpressPeakUtilization)} × {N(tls)} = {N(limit.CapacityPerBroker)} MiB/s; {brokers}", express),
                LimitKind.Egress => new(label, value, "capacity = 2 × sustained ingress × TLS share; " + BrokersRule,
                    $"2 × {N(type.ExpressIngressMiBps)} × {N(tls)} = {N(limit.CapacityPerBroker)} MiB/s; {brokers}",
                    [.. express, new("egress per ingress", "2", "MSK Express broker best practices")]),
                _ => Partitions(label, value, type, input, limit, brokers),
            };
        }

        var factors = IoFactors.For(input);
        var fanOut = result.Network.FanOut;
        var tiered = input.UsesTieredStorage ? $" + tiered {N(factors.AzDownShare)}" : "";
        List<ExplainedConstant> standard =
        [
            VolumeThroughput(option),
            new($"{type.Name} network throughput", $"{N(type.NetworkThroughputMiBps)} MiB/s", BrokerTable),
            new("storage factor", $"RF {input.ReplicationFactor} + lagging {N(input.LaggingConsumerFactor)} + rebalancing {N(IoFactors.Rebalancing)}{tiered} = {N(factors.Storage)}", Derived),
            new("network factor", $"fan-out {N(fanOut)} × AZ-down share {N(factors.AzDownShare)} + {N(IoFactors.ReplicationOverhead)} × (RF − 1) + lagging {N(input.LaggingConsumerFactor)} + rebalancing {N(IoFactors.Rebalancing)}{tiered} = {N(factors.Network)}", Derived),
            new("rebalancing", N(IoFactors.Rebalancing), ReferenceMethod),
            new("replication per follower copy", N(IoFactors.ReplicationOverhead), "our reading of the reference's 2.2 for two copies (docs/sizing.md)"),
            new("utilization at peak", N(input.PeakUtilization), "your input (default 0.5, the reference method's)"),
            new("TLS share", N(tls), "1 − your measured TLS loss"),
        ];
        var ingress = $"min({N(option.VolumeThroughputMiBps)} ÷ {N(factors.Storage)}, {N(type.NetworkThroughputMiBps)} ÷ {N(factors.Network)}) × {N(tls)} × {N(input.PeakUtilization)}";
        return limit.Kind switch
        {
            LimitKind.Ingress => new(label, value,
                "capacity = min(volume throughput ÷ storage factor, network throughput ÷ network factor) × TLS share × utilization at peak; " + BrokersRule,
                $"{ingress} = {N(limit.CapacityPerBroker)} MiB/s; {brokers}", standard),
            LimitKind.Egress => new(label, value, "capacity = fan-out × ingress capacity per broker; " + BrokersRule,
                $"{N(fanOut)} × {ingress} = {N(limit.CapacityPerBroker)} MiB/s; {brokers}",
                [new("fan-out", $"peak out {N(input.PeakDataOutMiBps)} ÷ peak in {N(input.PeakDataInMiBps)} = {N(fanOut)}", ReferenceMethod), .. standard]),
            LimitKind.Partitions => Partitions(label, value, type, input, limit, brokers),
            LimitKind.Storage => new(label, value, "capacity = the largest EBS volume a broker may have; demand = EBS to provision; " + BrokersRule,
                $"{N(limit.Demand)} GiB ÷ {N(SizingEngine.MaxVolumeGiBPerBroker)} GiB; {brokers}",
                [new("largest volume per broker", "16,384 GiB", Quota)]),
            _ => new(label, value, "capacity = the provisioned throughput this option carries; demand = average data out read back from disk; " + BrokersRule,
                $"{N(limit.CapacityPerBroker)} MiB/s; {brokers}",
                [VolumeThroughput(option), new("provisioned throughput asked for", $"{N(input.ProvisionedThroughputMiBps ?? 0)} MiB/s", "your input")]),
        };
    }

    /// <summary>What each volume is credited with, and why: MSK's default, or the provisioned throughput the option carries.</summary>
    private static ExplainedConstant VolumeThroughput(BrokerOption option) => new(
        "volume throughput", $"{N(option.VolumeThroughputMiBps)} MiB/s",
        option.ProvisionedThroughputMiBps is null
            ? $"MSK's default for a volume without provisioned throughput (MSK guide, \"Manage storage throughput\"), at most {option.Type.Name}'s EBS maximum of {N(option.Type.EbsThroughputMiBps)} ({BrokerTable})"
            : $"provisioned throughput in whole MiB/s, at most {option.Type.Name}'s maximum of {N(option.Type.EbsThroughputMiBps)} ({BrokerTable}): what you asked for, or what the reference method's count relies on when more");

    private const string BrokersRule = "brokers = ceil(demand ÷ capacity), rounded up to a multiple of the AZs";

    private static Explanation Partitions(string label, string value, BrokerType type, SizingInput input, LimitCheck limit, string brokers) => new(
        label, value, "capacity = partitions per broker (recommended, or the maximum when chosen); demand = partitions, counting every replica; " + BrokersRule,
        $"{N(limit.Demand)} ÷ {N(limit.CapacityPerBroker)}; {brokers}",
        [new($"{type.Name} partitions per broker", $"{type.RecommendedPartitions:N0} recommended, {type.MaxPartitions:N0} at most{(input.UseMaxPartitions ? " (sized to the maximum)" : "")}", BrokerTable)]);

    /// <summary>Each cost component of one broker type, keyed as the API names it.</summary>
    public static IEnumerable<(string Key, Explanation Explanation)> Costs(SizingResult result, BrokerOption option)
    {
        if (option.MonthlyCost is not { } cost || result.Rates is not { } rates || !rates.BrokerHourly.TryGetValue(option.Type.Name, out var hourly))
        {
            yield break;
        }

        var input = result.Input;
        var storage = result.Storage;
        var name = option.Type.Name;
        var priced = PriceSource(rates);
        var express = option.Type.Class == BrokerClass.Express;
        var usage = express ? $"<P>-Express.{name["express.".Length..]}" : $"<P>-Kafka.{name["kafka.".Length..]}";
        yield return ("brokers", new($"{name}: brokers / month", Figures.Usd(cost.Brokers), "brokers × hourly price × 730 hours",
            $"{option.Brokers:N0} × {Rate(hourly)} × 730 = {Figures.Usd(cost.Brokers)}",
            [new($"{name} per broker-hour", $"{Rate(hourly)}", $"{priced}; usagetype {usage}"), new("hours", Hours, ReferenceMethod)]));

        if (express)
        {
            yield return ("storage", new($"{name}: storage / month", Figures.Usd(cost.Storage), "GiB stored (one copy of the whole retention) × price per GiB-month",
                $"{N(storage.ExpressGiB)} GiB × {Rate(rates.ExpressStoragePerGiBMonth)} = {Figures.Usd(cost.Storage)}",
                [new("Express storage per GiB-month", $"{Rate(rates.ExpressStoragePerGiBMonth)}", $"{priced}; usagetype <P>-Express.Storage")]));
            yield return ("dataIn", new($"{name}: data in / month", Figures.Usd(cost.DataIn), "average data in × seconds in a month ÷ 1,024 × price per GiB written",
                $"{N(result.Network.DataInGiBPerMonth)} GiB × {Rate(rates.ExpressDataInPerGiB)} = {Figures.Usd(cost.DataIn)}",
                [new("Express data in per GiB", $"{Rate(rates.ExpressDataInPerGiB)}", $"{priced}; Express data-in usagetype (unconfirmed)"), new("units", $"{Hours}; {Units}", ReferenceMethod)]));
            var crossShare = (SizingEngine.ExpressZones - 1) / (double)SizingEngine.ExpressZones;
            yield return ("crossAz", new($"{name}: cross-AZ transfer / month", Figures.Usd(cost.CrossAz),
                "(average data in + average data out unless nearest replica fetching) × 2/3 crossing AZs (Express always spans 3) × seconds in a month ÷ 1,024 × price per GiB",
                $"({N(input.AvgDataInMiBps)} + {N(input.NearestReplicaFetching ? 0 : input.AvgDataOutMiBps)}) × {N(crossShare)} → × {Rate(rates.CrossAzPerGiB)} = {Figures.Usd(cost.CrossAz)}",
                [new("cross-AZ per GiB", $"{Rate(rates.CrossAzPerGiB)}", CrossAzSource)]));
            yield break;
        }

        var provisioned = option.ProvisionedThroughputMiBps is not null;
        var billed = SizingEngine.BilledEbsGiB(storage, option.Brokers, provisioned);
        yield return ("storage", new($"{name}: storage / month", Figures.Usd(cost.Storage),
            provisioned
                ? $"max(EBS to provision, brokers × {N(SizingEngine.MinVolumeGiBWithProvisionedThroughput)} GiB) × price per GiB-month: provisioned throughput needs volumes of at least {N(SizingEngine.MinVolumeGiBWithProvisionedThroughput)} GiB"
                : "EBS to provision × price per GiB-month",
            $"{N(billed)} GiB × {Rate(rates.StoragePerGiBMonth)} = {Figures.Usd(cost.Storage)}",
            [
                new("storage per GiB-month", $"{Rate(rates.StoragePerGiBMonth)}", $"{priced}; usagetype <P>-Kafka.Storage.GP2"),
                .. provisioned ? [new ExplainedConstant("smallest volume with provisioned throughput", $"{N(SizingEngine.MinVolumeGiBWithProvisionedThroughput)} GiB", "MSK guide, \"Provision storage throughput\"")] : Array.Empty<ExplainedConstant>(),
            ]));
        yield return ("tieredStorage", new($"{name}: tiered storage / month", Figures.Usd(cost.TieredStorage), "tiered GiB × price per GiB-month",
            $"{N(storage.TieredGiB)} GiB × {Rate(rates.TieredStoragePerGiBMonth)} = {Figures.Usd(cost.TieredStorage)}",
            [new("tiered storage per GiB-month", $"{Rate(rates.TieredStoragePerGiBMonth)}", $"{priced}; usagetype <P>-Kafka.Storage.Tiered")]));
        yield return ("provisionedThroughput", new($"{name}: provisioned throughput / month", Figures.Usd(cost.ProvisionedThroughput),
            "brokers × provisioned MiB/s × price per MiB/s-month (the whole provisioned figure, not only what passes the default 250: unverified, the higher reading)",
            $"{option.Brokers:N0} × {N(option.ProvisionedThroughputMiBps ?? 0)} × {Rate(rates.ProvisionedThroughputPerMiBpsMonth)} = {Figures.Usd(cost.ProvisionedThroughput)}",
            [VolumeThroughput(option), new("provisioned throughput per MiB/s-month", $"{Rate(rates.ProvisionedThroughputPerMiBpsMonth)}", $"{priced}; provisioned-throughput usagetype (unconfirmed)")]));
        yield return ("crossAz", new($"{name}: cross-AZ transfer / month", Figures.Usd(cost.CrossAz), "cross-AZ client traffic per month × price per GiB (replication between brokers is free on MSK)",
            $"{N(result.Network.CrossAzGiBPerMonth)} GiB × {Rate(rates.CrossAzPerGiB)} = {Figures.Usd(cost.CrossAz)}",
            [new("cross-AZ per GiB", $"{Rate(rates.CrossAzPerGiB)}", CrossAzSource)]));
    }

    public static IEnumerable<(string Key, Explanation Explanation)> Storage(SizingResult result)
    {
        var input = result.Input;
        var s = result.Storage;
        yield return ("storage.dataGiB", new("Retained data with replicas", $"{N(s.DataGiB)} GiB", "average data in × primary retention × 3,600 × RF ÷ 1,024",
            $"{N(input.AvgDataInMiBps)} × {N(input.PrimaryRetentionHours)} × 3,600 × {input.ReplicationFactor} ÷ 1,024 = {N(s.DataGiB)} GiB",
            [new("units", Units, ReferenceMethod)]));
        yield return ("storage.ebsGiB", new("EBS to provision (Standard brokers)", $"{N(s.EbsGiB)} GiB", "retained data ÷ disk utilization target",
            $"{N(s.DataGiB)} ÷ {N(input.DiskUtilizationTarget)} = {N(s.EbsGiB)} GiB",
            [new("disk utilization target", N(input.DiskUtilizationTarget), "your input (default 0.5, the reference method's)")]));
        yield return ("storage.tieredGiB", new("Tiered storage", $"{N(s.TieredGiB)} GiB", "average data in × (retention − primary retention) × 3,600 ÷ 1,024 (one copy)",
            $"{N(input.AvgDataInMiBps)} × ({N(input.RetentionHours)} − {N(input.PrimaryRetentionHours)}) × 3,600 ÷ 1,024 = {N(s.TieredGiB)} GiB",
            [new("units", Units, ReferenceMethod)]));
        yield return ("storage.expressGiB", new("Express storage (one copy)", $"{N(s.ExpressGiB)} GiB", "average data in × retention × 3,600 ÷ 1,024",
            $"{N(input.AvgDataInMiBps)} × {N(input.RetentionHours)} × 3,600 ÷ 1,024 = {N(s.ExpressGiB)} GiB",
            [new("one copy", "Express bills the data once, not per replica", ReferenceMethod)]));
    }

    public static IEnumerable<(string Key, Explanation Explanation)> Network(SizingResult result)
    {
        var input = result.Input;
        var n = result.Network;
        var share = (input.AvailabilityZones - 1) / (double)input.AvailabilityZones;
        var shareConstant = new ExplainedConstant("share crossing AZs", $"({input.AvailabilityZones} − 1) ÷ {input.AvailabilityZones} = {N(share)}", $"{ReferenceMethod}: clients and leaders spread evenly over the AZs");
        yield return ("network.fanOut", new("Fan-out", $"{N(n.FanOut)} ×", "peak data out ÷ peak data in", $"{N(input.PeakDataOutMiBps)} ÷ {N(input.PeakDataInMiBps)} = {N(n.FanOut)}", []));
        yield return ("network.replicationMiBps", new("Replication between brokers", $"{N(n.ReplicationMiBps)} MiB/s", "average data in × (RF − 1); not billed by MSK",
            $"{N(input.AvgDataInMiBps)} × ({input.ReplicationFactor} − 1) = {N(n.ReplicationMiBps)} MiB/s", []));
        yield return ("network.crossAzProducerMiBps", new("Cross-AZ producer traffic", $"{N(n.CrossAzProducerMiBps)} MiB/s", "average data in × share crossing AZs",
            $"{N(input.AvgDataInMiBps)} × {N(share)} = {N(n.CrossAzProducerMiBps)} MiB/s", [shareConstant]));
        yield return ("network.crossAzConsumerMiBps", new("Cross-AZ consumer traffic", $"{N(n.CrossAzConsumerMiBps)} MiB/s",
            "average data out × share crossing AZs; 0 with nearest replica fetching (consumers read in their own AZ)",
            input.NearestReplicaFetching ? "nearest replica fetching is on: 0 MiB/s" : $"{N(input.AvgDataOutMiBps)} × {N(share)} = {N(n.CrossAzConsumerMiBps)} MiB/s", [shareConstant]));
        yield return ("network.crossAzGiBPerMonth", new("Cross-AZ transfer", $"{N(n.CrossAzGiBPerMonth)} GiB / month", "(producer + consumer cross-AZ MiB/s) × 3,600 × 730 ÷ 1,024",
            $"({N(n.CrossAzProducerMiBps)} + {N(n.CrossAzConsumerMiBps)}) × 3,600 × 730 ÷ 1,024 = {N(n.CrossAzGiBPerMonth)} GiB",
            [new("units", $"{Hours}; {Units}", ReferenceMethod)]));
    }

    /// <summary>Each Serverless cost component and quota.</summary>
    public static IEnumerable<(string Key, Explanation Explanation)> ForServerless(SizingResult result, ServerlessOption serverless)
    {
        var input = result.Input;
        foreach (var check in serverless.Checks)
        {
            yield return ($"options.serverless.limits.{check.Limit.Key}", new($"MSK Serverless: {check.Limit.Label.ToLowerInvariant()}",
                $"{N(check.Demand)} of {N(check.Limit.Cap)} {check.Limit.Unit}", $"the workload's {check.Limit.Unit} against Serverless's cap",
                $"{N(check.Demand)} {(check.Fits ? "≤" : ">")} {N(check.Limit.Cap)}: {(check.Fits ? "fits" : "rules Serverless out")}",
                [new(check.Limit.Phrase, N(check.Limit.Cap), ServerlessQuotas)]));
        }

        if (serverless.MonthlyCost is not { } cost || result.Rates?.Serverless is not { } rates)
        {
            yield break;
        }

        var source = rates.Source;
        var monthIn = input.AvgDataInMiBps * 3600 * SizingEngine.HoursPerMonth / 1024;
        var monthOut = input.AvgDataOutMiBps * 3600 * SizingEngine.HoursPerMonth / 1024;
        yield return ("options.serverless.monthlyCost.cluster", new("MSK Serverless: cluster / month", Figures.Usd(cost.Cluster), "cluster-hour price × 730 hours",
            $"{Rate(rates.ClusterHour)} × 730 = {Figures.Usd(cost.Cluster)}", [new("per cluster-hour", $"{Rate(rates.ClusterHour)}", $"{source}; usagetype <P>-KafkaServerless-ClusterHours")]));
        yield return ("options.serverless.monthlyCost.partitions", new("MSK Serverless: partitions / month", Figures.Usd(cost.Partitions),
            "leader partitions (partitions ÷ RF, rounded up) × partition-hour price × 730 hours",
            $"{serverless.LeaderPartitions:N0} × {Rate(rates.PartitionHour)} × 730 = {Figures.Usd(cost.Partitions)}",
            [new("per partition-hour", $"{Rate(rates.PartitionHour)}", $"{source}; partition-hour usagetype (unconfirmed)")]));
        yield return ("options.serverless.monthlyCost.storage", new("MSK Serverless: storage / month", Figures.Usd(cost.Storage),
            "one copy of the whole retention, GiB × price per GiB-month", $"{N(serverless.StorageGiB)} × {Rate(rates.StoragePerGiBMonth)} = {Figures.Usd(cost.Storage)}",
            [new("per GiB-month", $"{Rate(rates.StoragePerGiBMonth)}", $"{source}; storage usagetype (unconfirmed)"), new("one copy", "as Express stores", OurAssumption)]));
        yield return ("options.serverless.monthlyCost.dataIn", new("MSK Serverless: data in / month", Figures.Usd(cost.DataIn), "average data in × 3,600 × 730 ÷ 1,024 × price per GiB",
            $"{N(monthIn)} GiB × {Rate(rates.DataInPerGiB)} = {Figures.Usd(cost.DataIn)}", [new("per GiB in", $"{Rate(rates.DataInPerGiB)}", $"{source}; data-in usagetype (unconfirmed)")]));
        yield return ("options.serverless.monthlyCost.dataOut", new("MSK Serverless: data out / month", Figures.Usd(cost.DataOut), "average data out × 3,600 × 730 ÷ 1,024 × price per GiB",
            $"{N(monthOut)} GiB × {Rate(rates.DataOutPerGiB)} = {Figures.Usd(cost.DataOut)}", [new("per GiB out", $"{Rate(rates.DataOutPerGiB)}", $"{source}; data-out usagetype (unconfirmed)")]));
    }

    private static string PriceSource(PriceSheet rates) =>
        $"{Figures.Prices(rates.Origin)}{(rates.Origin.Note is { } note ? $" ({note})" : "")}";

    private static string N(double value) => Figures.Number(value, "#,0.###");

    /// <summary>A price as the list gives it, to its last significant digit.</summary>
    /// <summary>A unit price: cents always shown ("$0.10"), and as many further digits as the price list gives ("$0.0000102").</summary>
    private static string Rate(double usd) => "$" + usd.ToString("0.00########", System.Globalization.CultureInfo.InvariantCulture);
}
