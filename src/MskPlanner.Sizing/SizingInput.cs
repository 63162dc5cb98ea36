namespace MskPlanner.Sizing;

/// <summary>
/// A workload to size, with every default already applied. Build one from a <see cref="SizingRequest"/>
/// with <see cref="SizingRequest.Resolve"/>, which validates it. The settings an input decides alone start at
/// its catalog default, which <see cref="SizingRequest.Resolve"/> replaces with the checked value.
/// </summary>
public sealed record SizingInput
{
    public required double AvgDataInMiBps { get; init; }
    public required double PeakDataInMiBps { get; init; }
    public required double AvgDataOutMiBps { get; init; }
    public required double PeakDataOutMiBps { get; init; }
    public required double RetentionHours { get; init; }
    public required double PrimaryRetentionHours { get; init; }

    /// <summary>Partition replicas, leaders plus followers, as the AWS workbook counts them.</summary>
    public required int Partitions { get; init; }

    public required int ReplicationFactor { get; init; }

    /// <summary>Leader partitions: the replicas the plan counts over its replication factor, at least one.</summary>
    public int LeaderPartitions => Math.Max(1, (int)Math.Ceiling(Partitions / (double)ReplicationFactor));
    public int AvailabilityZones { get; init; } = InputCatalog.AvailabilityZones.Default;
    public bool NearestReplicaFetching { get; init; } = InputCatalog.NearestReplicaFetching.Default;
    public double DiskUtilizationTarget { get; init; } = InputCatalog.DiskUtilizationTarget.Default!.Value;

    /// <summary>Share of a Standard broker's capacity used at peak; Express uses 1.5 times this, capped at 1.</summary>
    public double PeakUtilization { get; init; } = InputCatalog.PeakUtilization.Default!.Value;

    /// <summary>Consumers reading from disk, as a multiple of ingress.</summary>
    public double LaggingConsumerFactor { get; init; } = InputCatalog.LaggingConsumers.Default!.Value;

    /// <summary>Provisioned storage throughput per broker, MiB/s; null when not provisioned.</summary>
    public double? ProvisionedThroughputMiBps { get; init; }

    public bool UseMaxPartitions { get; init; } = InputCatalog.UseMaxPartitions.Default;
    public bool TlsInTransit { get; init; } = InputCatalog.TlsInTransit.Default;

    /// <summary>A measured loss of broker throughput to TLS, in percent; 0 keeps the reference method's capacity.</summary>
    public double TlsDeratePercent { get; init; } = InputCatalog.TlsDerate.Default!.Value;

    public double PageCacheSeconds { get; init; } = InputCatalog.PageCache.Default!.Value;
    /// <summary>The plan's quota of brokers per cluster; see <see cref="BrokerQuotaFor"/> for ZooKeeper-mode clusters.</summary>
    public int BrokerQuota { get; init; } = InputCatalog.BrokerQuota.Default!.Value;

    /// <summary>Client connections to the whole cluster, when known; only MSK Serverless's quota reads it.</summary>
    public int? ClientConnections { get; init; }

    public string Region { get; init; } = InputCatalog.Region.Default;

    /// <summary>Monthly growth of data in (and of data out, unless <see cref="MonthlyGrowthPercentOut"/>), percent; null projects nothing.</summary>
    public double? MonthlyGrowthPercent { get; init; }

    public double? MonthlyGrowthPercentOut { get; init; }

    public int HorizonMonths { get; init; } = InputCatalog.Horizon.Default!.Value;

    // The cluster's settings for the deploy files: the sizing does not read them, so they may be left out when a
    // workload is built in code.
    public string? ClusterName { get; init; }

    /// <summary>The type to deploy; null deploys the plan's pick.</summary>
    public string? BrokerType { get; init; }

    /// <summary>The Kafka version; null takes <see cref="ClusterChoices.RecommendedVersion"/> for the type.</summary>
    public string? KafkaVersion { get; init; }

    public Authentication ClientAuthentication { get; init; } = ClusterChoices.Parse<Authentication>(InputCatalog.ClientAuthentication.Default!);
    public ClientTraffic ClientBrokerEncryption { get; init; } = ClientTraffic.Tls;
    public bool InClusterEncryption { get; init; } = InputCatalog.InClusterEncryption.Default;
    public LogDestination BrokerLogs { get; init; } = ClusterChoices.Parse<LogDestination>(InputCatalog.BrokerLogs.Default!);
    public MonitoringLevel EnhancedMonitoring { get; init; } = ClusterChoices.Parse<MonitoringLevel>(InputCatalog.EnhancedMonitoring.Default!);

    /// <summary>Tags as <c>key=value, key=value</c>; see <see cref="ClusterChoices.ParseTags"/>.</summary>
    public string Tags { get; init; } = "";

    /// <summary>The streams the aggregates were added up from, when the plan describes its workload as streams.</summary>
    public WorkloadTotals? Workload { get; init; }

    /// <summary>The move onto the plan's cluster, when the plan has a "Migrating from" section.</summary>
    public MigrationInput? Migration { get; init; }

    /// <summary>
    /// The brokers one cluster of this type may have: the plan's quota, and never more than MSK's 30 when the
    /// cluster keeps its metadata in ZooKeeper (T3 always does; others on a ZooKeeper version). A raised ZooKeeper
    /// quota is not modelled: the conservative reading.
    /// </summary>
    public int BrokerQuotaFor(BrokerType type) =>
        ClusterChoices.VersionFor(type, KafkaVersion).KRaft ? BrokerQuota : Math.Min(BrokerQuota, ClusterChoices.ZooKeeperBrokersPerCluster);

    public bool UsesTieredStorage => RetentionHours > PrimaryRetentionHours;

    /// <summary>Express brokers run at 1.5 times the Standard utilization, never above 100%.</summary>
    public double ExpressPeakUtilization => Math.Min(1.0, PeakUtilization * 1.5);
}
