using MskPlanner.Sizing;

namespace MskPlanner.Deployment;

public enum ReviewStatus
{
    Pass,
    Warn,
    Fail,
}

/// <summary>One practice of the MSK guide: whether the plan follows it, why it matters, and what to change.</summary>
public sealed record ReviewItem(string Code, string Practice, ReviewStatus Status, string Finding);

/// <summary>The plan's deployment checked against the MSK developer guide's best practices.</summary>
public static class PlanReview
{
    /// <summary>The advice codes the review covers, so the results' advice list does not say them twice.</summary>
    public static IReadOnlySet<string> CoveredAdvice { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "three-azs", "replication-factor", "min-isr", "partitions-per-broker", "t3-development", "broker-quota", "tls", "security", "logging",
        "cost-tags", "nearest-replica", "disk-alarm", "cpu", "account-quota",
    };

    public static IReadOnlyList<ReviewItem> For(ClusterBlueprint plan)
    {
        var input = plan.Input;
        var items = new List<ReviewItem>
        {
            plan.Zones >= 3
                ? Pass("three-azs", "Three availability zones", "Brokers spread over 3 AZs survive the loss of one.")
                : Warn("three-azs", "Three availability zones", "2 AZs: losing one takes half the brokers. Choose 3 AZs for production."),
            plan.ReplicationFactor >= 3
                ? Pass("replication", "Replication factor 3, min ISR 2", $"RF {plan.ReplicationFactor} with min.insync.replicas={plan.MinInSyncReplicas}: one broker can fail without stopping acks=all writes.")
                : Warn("replication", "Replication factor 3, min ISR 2", $"RF {plan.ReplicationFactor} (min ISR {plan.MinInSyncReplicas}): one failure leaves a single copy. Use RF 3."),
        };

        var partitions = plan.Option.Limits.First(l => l.Kind == LimitKind.Partitions);
        // A broker holds whole partitions: the busiest holds the average rounded up.
        var perBroker = Math.Ceiling((partitions.Demand / plan.Option.Brokers) - 1e-9);
        items.Add(input.UseMaxPartitions && perBroker > plan.Type.RecommendedPartitions
            ? Warn("partitions", "Partitions per broker", $"{Number(perBroker)} per broker is above the {Number(plan.Type.RecommendedPartitions)} recommended for {plan.Type.Name}: expect higher CPU and slower recovery.")
            : Pass("partitions", "Partitions per broker", $"{Number(perBroker)} per broker, within the {Number(partitions.CapacityPerBroker)} {plan.Type.Name} takes."));
        items.Add(plan.Type.IsBurstable
            ? Warn("t3", "T3 only for development", "kafka.t3.small runs on CPU credits: use it for development and tests, M5, M7g or Express for production.")
            : Pass("t3", "T3 only for development", $"{plan.Type.Name} is a production broker type."));

        var version = ClusterChoices.Versions.FirstOrDefault(v => v.Name == plan.KafkaVersion);
        items.Add(ClusterChoices.VersionProblem(plan.Type, plan.KafkaVersion) is { } versionProblem
            ? Fail("version", "A Kafka version MSK creates for this type", versionProblem)
            : version is { KRaft: true } || plan.IsExpress
                ? Pass("version", "A Kafka version MSK creates for this type", $"MSK creates {plan.Type.Name} clusters on {plan.KafkaVersion}.")
                : Warn("version", "A Kafka version MSK creates for this type",
                    $"{plan.KafkaVersion} keeps metadata in ZooKeeper; new clusters should use KRaft (3.9.x.kraft or later) where the broker type allows."));
        var modeQuota = ClusterChoices.BrokersPerCluster(ClusterChoices.VersionFor(plan.Type, plan.KafkaVersion));
        var mode = modeQuota == ClusterChoices.KRaftBrokersPerCluster ? "KRaft" : "ZooKeeper-mode";
        items.Add(plan.BrokersPerCluster > Math.Min(modeQuota, input.BrokerQuotaFor(plan.Type))
            ? Fail("quota", "Within the broker quota", $"{plan.BrokersPerCluster} brokers in one cluster exceed MSK's {modeQuota} per {mode} cluster.")
            : plan.Clusters > 1
                ? Warn("quota", "Within the broker quota", $"The plan needs {plan.Clusters} clusters of {plan.BrokersPerCluster}: apply the files once per cluster, or ask AWS for a higher quota.")
                : Pass("quota", "Within the broker quota", $"{plan.BrokersPerCluster} brokers fit the quota of {input.BrokerQuotaFor(plan.Type)} per {mode} cluster."));
        items.Add(plan.Clusters * plan.BrokersPerCluster > ClusterChoices.AccountBrokerQuota
            ? Warn("account-quota", "Within the account's broker quota",
                $"{plan.Clusters * plan.BrokersPerCluster:N0} brokers exceed MSK's default of {ClusterChoices.AccountBrokerQuota} per account and Region: request an increase first.")
            : Pass("account-quota", "Within the account's broker quota", $"{plan.Clusters * plan.BrokersPerCluster:N0} brokers, within MSK's default of {ClusterChoices.AccountBrokerQuota} per account and Region."));

        items.Add(VolumeThroughput(plan));
        items.Add(Retention(plan));

        items.Add(input.ClientBrokerEncryption switch
        {
            ClientTraffic.Plaintext => Fail("encryption", "Encryption in transit and at rest", "Clients send data in plaintext. Choose TLS only; data at rest is always encrypted."),
            ClientTraffic.TlsPlaintext => Warn("encryption", "Encryption in transit and at rest", "Clients may still connect in plaintext. Move them to TLS, then choose TLS only."),
            ClientTraffic.Tls when !input.InClusterEncryption => Warn("encryption", "Encryption in transit and at rest", "Traffic between brokers is not encrypted. Turn in-cluster encryption on."),
            ClientTraffic.Tls => Pass("encryption", "Encryption in transit and at rest", "TLS from clients and between brokers; volumes encrypted with KMS (your key, or aws/msk)."),
        });
        items.Add(input.ClientAuthentication == Authentication.Unauthenticated
            ? Fail("authentication", "Client authentication", "Anyone who reaches the brokers can read and write. Choose IAM, SASL/SCRAM or mutual TLS.")
            : Pass("authentication", "Client authentication", $"{ClusterChoices.AuthenticationName(input.ClientAuthentication)} authentication on every client connection."));
        items.Add(input.BrokerLogs == LogDestination.None
            ? Warn("logs", "Broker logs", "Broker logs go nowhere: send them to CloudWatch Logs, S3 or Firehose to diagnose problems.")
            : Pass("logs", "Broker logs", $"Broker logs go to {InputCatalog.BrokerLogs.TextOf(ClusterChoices.NameOf(input.BrokerLogs))}."));
        items.Add(plan.Tags.Count == 0
            ? Warn("tags", "Cost tags", "No tags: add team or cost-centre tags so the bill can be split.")
            : Pass("tags", "Cost tags", $"{plan.Tags.Count} {(plan.Tags.Count == 1 ? "tag" : "tags")} on every resource."));
        items.Add(!input.NearestReplicaFetching && plan.Zones > 1 && !plan.IsExpress
            ? Warn("nearest-replica", "Nearest replica fetching", "Consumers read from leaders in other AZs and pay for cross-AZ traffic. Turn on nearest replica fetching and set client.rack.")
            : Pass("nearest-replica", "Nearest replica fetching", plan.IsExpress ? "Express manages replica placement." : "Consumers read from a replica in their own AZ (rack-aware selector)."));
        items.Add(plan.IsExpress
            ? Pass("disk", "Disk target below the 85% alarm line", "Express storage is managed and grows with the data.")
            : input.DiskUtilizationTarget >= 0.85
                ? Fail("disk", "Disk target below the 85% alarm line", $"Volumes are sized to be {Number(input.DiskUtilizationTarget * 100)}% full: the disk alarm fires as soon as the data arrives. Aim for 50 to 70%.")
                : input.DiskUtilizationTarget > 0.7
                    ? Warn("disk", "Disk target below the 85% alarm line", $"Volumes sized to be {Number(input.DiskUtilizationTarget * 100)}% full leave little room before the 85% alarm.")
                    : Pass("disk", "Disk target below the 85% alarm line", $"Volumes sized to be {Number(input.DiskUtilizationTarget * 100)}% full, well below the 85% alarm."));
        var utilization = plan.IsExpress ? input.ExpressPeakUtilization : input.PeakUtilization;
        items.Add(!plan.IsExpress && utilization > 0.6
            ? Warn("cpu", "CPU headroom", $"Brokers run at {Number(utilization * 100)}% of capacity at peak; MSK advises keeping CPU under 60%. Lower the utilization at peak.")
            : Pass("cpu", "CPU headroom", $"Brokers run at {Number(utilization * 100)}% of their capacity at peak, leaving room for a failed broker's share."));
        return items;
    }

    /// <summary>MSK's volumes give 250 MiB/s unless provisioned throughput is on, and take it only at 10 GiB or more.</summary>
    private static ReviewItem VolumeThroughput(ClusterBlueprint plan)
    {
        const string Practice = "Volume throughput the brokers rely on";
        if (plan.IsExpress)
        {
            return Pass("volume-throughput", Practice, "Express storage is managed: no volume throughput to provision.");
        }

        if (plan.ProvisionedThroughputMiBps is { } pst)
        {
            return plan.VolumeGiB < SizingEngine.MinVolumeGiBWithProvisionedThroughput
                ? Fail("volume-throughput", Practice, $"Provisioned throughput needs volumes of at least {Number(SizingEngine.MinVolumeGiBWithProvisionedThroughput)} GiB; these have {plan.VolumeGiB}.")
                : Pass("volume-throughput", Practice, plan.Option.WithoutProvisionedThroughput is { } plain
                    ? $"{pst} MiB/s provisioned on each volume, which {plan.BrokersPerCluster * plan.Clusters} brokers rely on; on MSK's default {Number(SizingEngine.VolumeThroughputMiBps)} MiB/s it would take {plain.Brokers}."
                    : $"{pst} MiB/s provisioned on each volume, as the plan asks.");
        }

        return Pass("volume-throughput", Practice, $"The count holds on MSK's default {Number(SizingEngine.VolumeThroughputMiBps)} MiB/s a volume: nothing to provision.");
    }

    /// <summary>The volumes are sized for the plan's retention, so the cluster must delete at it, not at MSK's default 7 days.</summary>
    private static ReviewItem Retention(ClusterBlueprint plan)
    {
        const string Practice = "Retention set to what the storage is sized for";
        var hours = plan.Input.RetentionHours;
        if (plan.TieredStorage && hours < ClusterChoices.MinTieredRetentionHours)
        {
            return Fail("retention", Practice, $"Tiered topics need a retention of at least {Number(ClusterChoices.MinTieredRetentionHours)} hours; the plan keeps {Number(hours)}.");
        }

        return Pass("retention", Practice, plan.TieredStorage
            ? $"log.retention.ms keeps {Number(hours)} hours; cli/tiered-topics.sh keeps {Number(plan.Input.PrimaryRetentionHours)} of them on broker disks."
            : $"log.retention.ms keeps {Number(hours)} hours, the retention the {(plan.IsExpress ? "billed storage" : "volumes")} are sized for.");
    }

    private static ReviewItem Pass(string code, string practice, string finding) => new(code, practice, ReviewStatus.Pass, finding);

    private static ReviewItem Warn(string code, string practice, string finding) => new(code, practice, ReviewStatus.Warn, finding);

    private static ReviewItem Fail(string code, string practice, string finding) => new(code, practice, ReviewStatus.Fail, finding);

    private static string Number(double value) => Figures.Number(value, "#,0.#");
}
