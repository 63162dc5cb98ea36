using System.Globalization;

namespace MskPlanner.Sizing;

/// <summary>
/// The MSK best-practice guide's advice, applied to one plan. Every item carries the guide's reason.
/// </summary>
internal static class AdviceRules
{
    public static Advice T3Development { get; } = new(AdviceSeverity.Info, "t3-development",
        "kafka.t3.small is for development and test only; use M5 or M7g brokers for production.",
        "T3 brokers rely on CPU and network credits to burst; MskPlanner sizes them at their baseline.");

    /// <param name="allOnDisk">With tiered storage: the picks for the same workload kept wholly on broker disks.</param>
    public static IReadOnlyList<Advice> For(
        SizingInput input, BrokerOption[] options, Recommendation[] recommended, NetworkFigures network, PriceSheet prices, Recommendation[]? allOnDisk = null)
    {
        var advice = new List<Advice>();

        if (input.AvailabilityZones != 3)
        {
            advice.Add(new(AdviceSeverity.Warning, "three-azs",
                "Deploy across three Availability Zones.",
                "With two AZs, losing one AZ halves the cluster and doubles the load on the survivors; Express brokers are not available."));
        }

        if (input.ReplicationFactor < 3)
        {
            advice.Add(new(AdviceSeverity.Warning, "replication-factor",
                "Use a replication factor of 3.",
                "RF 3 (at least 2) keeps partitions online through a rolling update or a broker failure."));
        }

        advice.Add(new(AdviceSeverity.Info, "min-isr",
            $"Set min.insync.replicas to {input.ReplicationFactor - 1} (RF - 1).",
            "A minISR equal to the RF stops producers during rolling updates; RF - 1 keeps topics writable with one replica offline."));

        foreach (var pick in recommended)
        {
            if (pick.Split is { } split)
            {
                advice.Add(new(AdviceSeverity.Warning, "broker-quota",
                    $"{pick.Family}: {pick.Option!.Brokers:N0} brokers exceed the quota of {input.BrokerQuotaFor(pick.Option.Type)} per cluster; plan {split.Clusters} clusters of {split.BrokersPerCluster} brokers.",
                    "MSK allows 30 brokers in a ZooKeeper-mode cluster and 60 in a KRaft one by default; more clusters also contain a cluster-level fault. The quota is soft and can be raised on request."));
            }

            if (pick.Option is { } option && option.Brokers > ClusterChoices.AccountBrokerQuota)
            {
                advice.Add(new(AdviceSeverity.Warning, "account-quota",
                    $"{pick.Family}: {option.Brokers:N0} brokers{(pick.Split is null ? "" : " in all")} exceed the default account quota of {ClusterChoices.AccountBrokerQuota} brokers per Region.",
                    "Request an account-level quota increase before you create the clusters."));
            }
        }

        foreach (var pick in recommended)
        {
            var onDisk = allOnDisk?.Single(r => r.Family == pick.Family).Option;
            if (pick.Option is { } tiered && onDisk is not null && onDisk.Brokers != tiered.Brokers)
            {
                advice.Add(new(AdviceSeverity.Info, "tiered-storage-brokers",
                    $"{pick.Family}: keeping {input.PrimaryRetentionHours:#,0.##} h on broker disks and the rest in tiered storage needs {tiered.Brokers:N0} brokers; all on broker disks would need {onDisk.Brokers:N0}.",
                    "Tiered storage moves older data off broker volumes, so storage stops setting the broker count; reads of old data then come from the tier, more slowly."));
            }
        }

        AddPartitionLoad(advice, input, recommended);

        if (input.UseMaxPartitions)
        {
            advice.Add(new(AdviceSeverity.Warning, "partitions-per-broker",
                "Brokers are sized to the maximum, not the recommended, partitions per broker.",
                "Above the recommended count, CPU rises, metrics are delayed and the cluster can become unavailable; delete unused topics or use a larger type."));
        }

        // Only where T3 tempts: when it is the cheapest pick of all (a plan that chooses T3 gets it from PlanAdvice).
        var cheapest = recommended.Where(r => r.Option?.MonthlyCost is not null).MinBy(r => r.Option!.MonthlyCost!.Total);
        if (cheapest?.Family == BrokerFamily.T3)
        {
            advice.Add(T3Development);
        }

        if (!input.NearestReplicaFetching && network.CrossAzConsumerMiBps > 0)
        {
            var saving = network.CrossAzConsumerMiBps * 3600 * SizingEngine.HoursPerMonth / 1024 * prices.CrossAzPerGiB;
            advice.Add(new(AdviceSeverity.Warning, "nearest-replica",
                $"Turn on nearest replica fetching to save about {Usd(saving)} a month of cross-AZ transfer.",
                "Consumers with client.rack set read from a replica in their own AZ (Apache Kafka 2.4.1 and later), cutting latency and cross-AZ charges."));
        }

        if (input.TlsInTransit)
        {
            advice.Add(new(AdviceSeverity.Info, "tls-cpu",
                input.TlsDeratePercent > 0
                    ? $"Broker throughput is lowered by the measured TLS cost of {input.TlsDeratePercent.ToString("0.#", CultureInfo.InvariantCulture)}%."
                    : "Encryption in transit costs broker CPU; the method does not resize for it, so load-test and watch CPU.",
                "TLS encryption between clients and brokers consumes additional CPU."));
        }
        else
        {
            advice.Add(new(AdviceSeverity.Warning, "tls",
                "Turn on encryption in transit.",
                "AWS recommends TLS between clients and brokers; pair it with IAM, mTLS or SASL/SCRAM with ACLs."));
        }

        var pageCacheShort = options.Where(o => o.IsAvailable && !o.Memory.Fits).Select(o => o.Type.Name).ToList();
        if (input.PageCacheSeconds > 0 && pageCacheShort.Count > 0)
        {
            advice.Add(new(AdviceSeverity.Warning, "page-cache",
                $"{input.PageCacheSeconds:0} s of writes do not fit in page cache on: {string.Join(", ", pageCacheShort)}.",
                $"Consumers that fall further behind read from disk; MskPlanner assumes {SizingEngine.PageCacheShareOfMemory:P0} of broker memory serves as page cache."));
        }

        if (input.ProvisionedThroughputMiBps is not null)
        {
            advice.Add(new(AdviceSeverity.Info, "pst-fetchers",
                "Provisioned storage throughput applies to kafka.m5.4xlarge and larger and kafka.m7g.2xlarge and larger only; raise num.replica.fetchers with it.",
                "Replication needs more fetcher threads to use the extra throughput."));
        }

        advice.Add(new(AdviceSeverity.Info, "cpu",
            "Keep CPU (user + system) below 60% on every broker.",
            "Headroom for operational events: broker replacement, rolling updates, rebalancing."));
        advice.Add(new(AdviceSeverity.Info, "disk-alarm",
            "Alarm when KafkaDataLogsDiskUsed reaches 85%.",
            "Disks that fill stop the broker; expand storage, shorten retention or delete unused topics before then."));
        advice.Add(new(AdviceSeverity.Info, "security",
            "Authenticate clients with IAM (or mTLS or SASL/SCRAM with ACLs) and restrict ports with security groups.",
            "The guide's security practice for MSK."));
        advice.Add(new(AdviceSeverity.Info, "logging",
            "Send broker logs to CloudWatch Logs, S3 or Firehose.",
            "Logs make client problems and broker faults traceable; CloudTrail records the API calls."));
        advice.Add(new(AdviceSeverity.Info, "cost-tags",
            "Tag the cluster for cost allocation.",
            "Tags let you track the cluster's cost against this plan."));

        return advice;
    }

    /// <summary>
    /// What one partition carries is capped whatever the brokers: on Express, and a broker with no leader takes no
    /// writes. Leaders are spread evenly here, the best case; a hot partition reaches the cap sooner.
    /// </summary>
    private static void AddPartitionLoad(List<Advice> advice, SizingInput input, Recommendation[] recommended)
    {
        var leaders = input.LeaderPartitions;
        var express = recommended.FirstOrDefault(r => r.Family == BrokerFamily.Express)?.Option;
        if (express is not null)
        {
            var overloaded = input.Workload?.Streams.Where(s => s.PeakDataInMiBps / s.LeaderPartitions > ClusterChoices.ExpressPartitionIngressMiBps)
                .Select(s => $"{s.Name} ({Figures.Number(s.PeakDataInMiBps / s.LeaderPartitions)} MiB/s)").ToList() ?? [];
            var perLeader = input.PeakDataInMiBps / leaders;
            if (overloaded.Count > 0 || perLeader > ClusterChoices.ExpressPartitionIngressMiBps)
            {
                advice.Add(new(AdviceSeverity.Warning, "express-partition-throughput",
                    overloaded.Count > 0
                        ? $"Express: more data in per leader partition than the {Figures.Number(ClusterChoices.ExpressPartitionIngressMiBps)} MiB/s (15 MB/s) one partition takes, on {string.Join(", ", overloaded)}: add partitions."
                        : $"Express: {Figures.Number(perLeader)} MiB/s of data in per leader partition is over the {Figures.Number(ClusterChoices.ExpressPartitionIngressMiBps)} MiB/s (15 MB/s) one partition takes: add partitions.",
                    "AWS's Express broker guidance caps a partition's write throughput at 15 MB/s; more brokers do not lift it."));
            }
        }

        var mostBrokers = recommended.Where(r => r.Option is not null).MaxBy(r => r.Option!.Brokers);
        if (mostBrokers?.Option is { } widest && widest.Brokers > leaders)
        {
            advice.Add(new(AdviceSeverity.Warning, "brokers-over-leaders",
                $"{mostBrokers.Family}: {widest.Brokers:N0} brokers for {leaders:N0} leader partitions: {widest.Brokers - leaders:N0} brokers would lead no partition and take no writes.",
                "Kafka writes only to a partition's leader; with fewer leaders than brokers, add partitions so that every broker leads some."));
        }
    }

    private static string Usd(double amount) => amount.ToString("$#,0", CultureInfo.InvariantCulture);
}
