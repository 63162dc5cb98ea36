namespace MskPlanner.Sizing;

/// <summary>
/// Every input of the workload, in the order the form shows them. Adding an input means a property on
/// <see cref="SizingRequest"/> and <see cref="SizingInput"/>, and its description here (with a <c>Set</c> when its
/// rules are its own); the form, the address, the checks and their messages, the comparison and the PDF follow.
/// docs/adding-an-input.md walks through it.
/// </summary>
public static class InputCatalog
{
    public static readonly NumberInput AvgDataIn = new("avgDataInMiBps", "Average data in", "MiB/s", InputSection.Basic)
    {
        FromStreams = true,
        Get = r => r.AvgDataInMiBps,
        With = (r, v) => r with { AvgDataInMiBps = v },
        Used = i => i.AvgDataInMiBps,
        Min = InputLimits.MinThroughputMiBps,
        Max = InputLimits.MaxThroughputMiBps,
        Required = true,
        Starter = 50,
        Help = "What producers write, all topics together",
    };

    public static readonly NumberInput PeakDataIn = new("peakDataInMiBps", "Peak data in", "MiB/s", InputSection.Basic)
    {
        FromStreams = true,
        Get = r => r.PeakDataInMiBps,
        With = (r, v) => r with { PeakDataInMiBps = v },
        Used = i => i.PeakDataInMiBps,
        Min = InputLimits.MinThroughputMiBps,
        Max = InputLimits.MaxThroughputMiBps,
        Placeholder = "same as average",
    };

    public static readonly NumberInput AvgDataOut = new("avgDataOutMiBps", "Average data out", "MiB/s", InputSection.Basic)
    {
        FromStreams = true,
        Get = r => r.AvgDataOutMiBps,
        With = (r, v) => r with { AvgDataOutMiBps = v },
        Used = i => i.AvgDataOutMiBps,
        Min = InputLimits.MinThroughputMiBps,
        Max = InputLimits.MaxThroughputMiBps,
        Starter = 100,
        Placeholder = "same as data in",
        Help = "What all consumer groups read together",
    };

    public static readonly NumberInput PeakDataOut = new("peakDataOutMiBps", "Peak data out", "MiB/s", InputSection.Basic)
    {
        FromStreams = true,
        Get = r => r.PeakDataOutMiBps,
        With = (r, v) => r with { PeakDataOutMiBps = v },
        Used = i => i.PeakDataOutMiBps,
        Min = InputLimits.MinThroughputMiBps,
        Max = InputLimits.MaxThroughputMiBps,
        Placeholder = "same as average out",
    };

    public static readonly NumberInput Retention = new("retentionHours", "Retention", "hours", InputSection.Basic)
    {
        FromStreams = true,
        Get = r => r.RetentionHours,
        With = (r, v) => r with { RetentionHours = v },
        Used = i => i.RetentionHours,
        Min = 0,
        MinExcluded = true,
        Max = InputLimits.MaxRetentionHours,
        Default = InputLimits.DefaultRetentionHours,
        Starter = InputLimits.DefaultRetentionHours,
        Placeholder = "168 (7 days)",
    };

    /// <summary>Hours kept on broker disks; less than the retention moves the rest to tiered storage.</summary>
    public static readonly NumberInput PrimaryRetention = new("primaryRetentionHours", "Primary retention on broker disks", "hours", InputSection.Basic)
    {
        Get = r => r.PrimaryRetentionHours,
        With = (r, v) => r with { PrimaryRetentionHours = v },
        Used = i => i.PrimaryRetentionHours,
        Min = 0,
        MinExcluded = true,
        Max = InputLimits.MaxRetentionHours,
        Placeholder = "the whole retention",
    };

    /// <summary>The topic partitions a Kafka team counts (kafka-topics lists them): leaders, one per partition.</summary>
    public static readonly WholeNumberInput LeaderPartitions = new("leaderPartitions", "Partitions", "leader partitions", InputSection.Basic)
    {
        FromStreams = true,
        Get = r => r.LeaderPartitions,
        With = (r, v) => r with { LeaderPartitions = v, Partitions = null },
        Used = i => i.LeaderPartitions,
        Min = 1,
        Max = InputLimits.MaxPartitions,
        Required = true,
        Starter = 1000,
        Help = "Every topic's partitions added up, as kafka-topics lists them",
    };

    /// <summary>
    /// Partition replicas: leader partitions × the replication factor, which the sizing method counts. API callers
    /// from before <see cref="LeaderPartitions"/> give this instead; exactly one of the two is allowed.
    /// </summary>
    public static readonly WholeNumberInput Partitions = new("partitions", "Partition replicas", "replicas", InputSection.Derived)
    {
        FromStreams = true,
        Get = r => r.Partitions,
        With = (r, v) => r with { Partitions = v },
        Used = i => i.Partitions,
        Min = 1,
        Max = InputLimits.MaxPartitions,
    };

    public static readonly ChoiceInput ReplicationFactor = new("replicationFactor", "Replication factor", InputSection.Basic)
    {
        Get = r => r.ReplicationFactor,
        With = (r, v) => r with { ReplicationFactor = v },
        Used = i => i.ReplicationFactor,
        Options = [(3, "3 (recommended)"), (2, "2")],
        Default = InputLimits.DefaultReplicationFactor,
        Note = "Express brokers always replicate 3 ways",
    };

    public static readonly NumberInput DiskUtilizationTarget = new("diskUtilizationTarget", "Disk utilization target", "fraction", InputSection.Basic)
    {
        Get = r => r.DiskUtilizationTarget,
        With = (r, v) => r with { DiskUtilizationTarget = v },
        Used = i => i.DiskUtilizationTarget,
        Set = (i, v) => i with { DiskUtilizationTarget = v!.Value },
        Min = InputLimits.MinDiskUtilizationTarget,
        Max = InputLimits.MaxDiskUtilizationTarget,
        Default = InputLimits.DefaultDiskUtilizationTarget,
        Starter = InputLimits.DefaultDiskUtilizationTarget,
        Placeholder = "0.5",
        RangeNote = "(a fraction: 0.5 means volumes sized to be half full)",
        Help = "0.5 sizes volumes to be half full; at most 0.85",
    };

    public static readonly SwitchInput TlsInTransit = new("tlsInTransit", "Encryption in transit (TLS)", InputSection.Basic)
    {
        Get = r => r.TlsInTransit,
        With = (r, v) => r with { TlsInTransit = v },
        Used = i => i.TlsInTransit,
        Set = (i, v) => i with { TlsInTransit = v },
        Default = true,
    };

    public static readonly RegionInput Region = new("region", "Region", InputSection.Advanced)
    {
        Get = r => r.Region,
        With = (r, v) => r with { Region = v },
        Set = (i, v) => i with { Region = v },
        Default = InputLimits.DefaultRegion,
    };

    public static readonly ChoiceInput AvailabilityZones = new("availabilityZones", "Availability zones", InputSection.Advanced)
    {
        Get = r => r.AvailabilityZones,
        With = (r, v) => r with { AvailabilityZones = v },
        Used = i => i.AvailabilityZones,
        Set = (i, v) => i with { AvailabilityZones = v },
        Options = [(3, "3 (recommended)"), (2, "2 (Standard brokers only)")],
        Default = InputLimits.DefaultAvailabilityZones,
    };

    public static readonly SwitchInput NearestReplicaFetching = new("nearestReplicaFetching", "Nearest replica fetching (consumers read in their own AZ)", InputSection.Advanced)
    {
        Get = r => r.NearestReplicaFetching,
        With = (r, v) => r with { NearestReplicaFetching = v },
        Used = i => i.NearestReplicaFetching,
        Set = (i, v) => i with { NearestReplicaFetching = v },
        Default = true,
    };

    public static readonly NumberInput LaggingConsumers = new("laggingConsumerFactor", "Lagging consumers", "× data in", InputSection.Advanced)
    {
        FromStreams = true,
        Get = r => r.LaggingConsumerFactor,
        With = (r, v) => r with { LaggingConsumerFactor = v },
        Used = i => i.LaggingConsumerFactor,
        Set = (i, v) => i with { LaggingConsumerFactor = v!.Value },
        Min = 0,
        Max = InputLimits.MaxLaggingConsumerFactor,
        Default = InputLimits.DefaultLaggingConsumerFactor,
        Starter = InputLimits.DefaultLaggingConsumerFactor,
        Placeholder = "0.5",
        RangeNote = "(times data in read from disk)",
        Help = "Reads served from disk, as a multiple of data in",
    };

    public static readonly NumberInput PeakUtilization = new("peakUtilization", "Utilization at peak", "fraction", InputSection.Advanced)
    {
        Get = r => r.PeakUtilization,
        With = (r, v) => r with { PeakUtilization = v },
        Used = i => i.PeakUtilization,
        Set = (i, v) => i with { PeakUtilization = v!.Value },
        Min = InputLimits.MinPeakUtilization,
        Max = 1,
        Default = InputLimits.DefaultPeakUtilization,
        Starter = InputLimits.DefaultPeakUtilization,
        Placeholder = "0.5",
        RangeNote = "(a fraction of a broker's capacity)",
        Help = "The safety factor: share of a Standard broker's capacity used at peak; Express uses 1.5× this",
    };

    public static readonly NumberInput ProvisionedThroughput = new("provisionedThroughputMiBps", "Provisioned storage throughput", "MiB/s per broker", InputSection.Advanced)
    {
        Get = r => r.ProvisionedThroughputMiBps,
        With = (r, v) => r with { ProvisionedThroughputMiBps = v },
        Used = i => i.ProvisionedThroughputMiBps,
        Set = (i, v) => i with { ProvisionedThroughputMiBps = v },
        Min = InputLimits.MinProvisionedThroughputMiBps,
        Max = InputLimits.MaxProvisionedThroughputMiBps,
        EmptyMeansNone = true,
        Placeholder = "none",
        Help = "250 to 1000; m5.4xlarge, m7g.2xlarge and larger",
    };

    public static readonly NumberInput PageCache = new("pageCacheSeconds", "Page cache", "seconds", InputSection.Advanced)
    {
        Get = r => r.PageCacheSeconds,
        With = (r, v) => r with { PageCacheSeconds = v },
        Used = i => i.PageCacheSeconds,
        Set = (i, v) => i with { PageCacheSeconds = v!.Value },
        Min = 0,
        Max = InputLimits.MaxPageCacheSeconds,
        Default = 0,
        Placeholder = "0",
        Help = "Seconds of data kept in memory; checked against broker memory",
    };

    public static readonly NumberInput TlsDerate = new("tlsDeratePercent", "TLS throughput loss", "%", InputSection.Advanced)
    {
        Get = r => r.TlsDeratePercent,
        With = (r, v) => r with { TlsDeratePercent = v },
        Used = i => i.TlsDeratePercent,
        Set = (i, v) => i with { TlsDeratePercent = v!.Value },
        Min = 0,
        Max = InputLimits.MaxTlsDeratePercent,
        Default = 0,
        Placeholder = "0",
        RangeNote = "percent",
        Help = "A measured loss; lowers broker capacity when TLS is on",
    };

    public static readonly WholeNumberInput BrokerQuota = new("brokerQuota", "Broker quota per cluster", "brokers", InputSection.Advanced)
    {
        Get = r => r.BrokerQuota,
        With = (r, v) => r with { BrokerQuota = v },
        Used = i => i.BrokerQuota,
        Set = (i, v) => i with { BrokerQuota = v!.Value },
        Min = 1,
        Max = InputLimits.MaxBrokerQuota,
        Default = InputLimits.DefaultBrokerQuota,
        Starter = InputLimits.DefaultBrokerQuota,
        Help = "60 for KRaft clusters, 30 with ZooKeeper",
    };

    public static readonly WholeNumberInput ClientConnections = new("clientConnections", "Client connections", "connections", InputSection.Advanced)
    {
        Get = r => r.ClientConnections,
        With = (r, v) => r with { ClientConnections = v },
        Used = i => i.ClientConnections,
        Set = (i, v) => i with { ClientConnections = v },
        Min = 1,
        Max = InputLimits.MaxClientConnections,
        EmptyMeansNone = true,
        Placeholder = "not known",
        Help = "Producers and consumers together; checked against MSK Serverless's cap",
    };

    public static readonly SwitchInput UseMaxPartitions = new("useMaxPartitions", "Size to the maximum partitions per broker (not recommended)", InputSection.Advanced)
    {
        Get = r => r.UseMaxPartitions,
        With = (r, v) => r with { UseMaxPartitions = v },
        Used = i => i.UseMaxPartitions,
        Set = (i, v) => i with { UseMaxPartitions = v },
        Default = false,
        Cautionary = true,
    };

    public static readonly NumberInput MonthlyGrowth = new("monthlyGrowthPercent", "Traffic growth per month", "%", InputSection.Growth)
    {
        Get = r => r.MonthlyGrowthPercent,
        With = (r, v) => r with { MonthlyGrowthPercent = v },
        Used = i => i.MonthlyGrowthPercent,
        Min = InputLimits.MinMonthlyGrowthPercent,
        Max = InputLimits.MaxMonthlyGrowthPercent,
        EmptyMeansNone = true,
        Placeholder = "none",
        RangeNote = "percent a month",
        Help = "Data in and out grow alike, averages and peaks; partitions stay as planned",
    };

    public static readonly NumberInput MonthlyGrowthOut = new("monthlyGrowthPercentOut", "Data out growth per month", "%", InputSection.Growth)
    {
        Get = r => r.MonthlyGrowthPercentOut,
        With = (r, v) => r with { MonthlyGrowthPercentOut = v },
        Used = i => i.MonthlyGrowthPercentOut,
        Min = InputLimits.MinMonthlyGrowthPercent,
        Max = InputLimits.MaxMonthlyGrowthPercent,
        Placeholder = "same as data in",
        RangeNote = "percent a month",
    };

    public static readonly WholeNumberInput Horizon = new("horizonMonths", "Horizon", "months", InputSection.Growth)
    {
        Get = r => r.HorizonMonths,
        With = (r, v) => r with { HorizonMonths = v },
        Used = i => i.HorizonMonths,
        Set = (i, v) => i with { HorizonMonths = v!.Value },
        Min = InputLimits.MinHorizonMonths,
        Max = InputLimits.MaxHorizonMonths,
        Default = InputLimits.DefaultHorizonMonths,
        Placeholder = "12",
    };

    public static readonly TextInput ClusterName = new("clusterName", "Cluster name", InputSection.Cluster)
    {
        Get = r => r.ClusterName,
        With = (r, v) => r with { ClusterName = v },
        Used = i => i.ClusterName,
        Set = (i, v) => i with { ClusterName = v },
        MaxLength = ClusterChoices.ClusterNameMaxLength,
        Normalize = ClusterChoices.NormalizeClusterName,
        Example = "orders-prod",
        EmptyText = "from the plan's name",
        Help = "Letters, digits and hyphens; empty takes the plan's name",
    };

    public static readonly OptionInput BrokerType = new("brokerType", "Broker type to deploy", InputSection.Cluster)
    {
        Get = r => r.BrokerType,
        With = (r, v) => r with { BrokerType = v },
        Used = i => i.BrokerType,
        Set = (i, v) => i with { BrokerType = v },
        Options = [.. BrokerCatalog.All.Select(t => (t.Name, t.Name))],
        EmptyText = "the plan's pick",
        Help = "Empty deploys the plan's pick",
    };

    public static readonly OptionInput KafkaVersion = new("kafkaVersion", "Kafka version", InputSection.Cluster)
    {
        Get = r => r.KafkaVersion,
        With = (r, v) => r with { KafkaVersion = v },
        Used = i => i.KafkaVersion,
        Set = (i, v) => i with { KafkaVersion = v },
        Options = [.. ClusterChoices.Versions.Select(v => (v.Name, v.Text))],
        Narrow = r => BrokerCatalog.Find(r.BrokerType ?? "") is { } type ? [.. ClusterChoices.VersionsFor(type).Select(v => (v.Name, v.Text))] : null,
        EmptyText = "the recommended one for the broker type",
        Help = "Empty: 3.9.x KRaft for M5 and M7g, 3.8.x for Express and T3",
    };

    public static readonly OptionInput ClientAuthentication = new("clientAuthentication", "Client authentication", InputSection.Cluster)
    {
        Get = r => r.ClientAuthentication,
        With = (r, v) => r with { ClientAuthentication = v },
        Used = i => ClusterChoices.NameOf(i.ClientAuthentication),
        Options =
        [
            ClusterChoices.Option(Authentication.Iam, "IAM (recommended)"), ClusterChoices.Option(Authentication.Scram, "SASL/SCRAM"),
            ClusterChoices.Option(Authentication.MutualTls, "Mutual TLS"), ClusterChoices.Option(Authentication.Unauthenticated, "None (not recommended)"),
        ],
        Default = ClusterChoices.NameOf(Authentication.Iam),
        Help = "None lets anyone who reaches the brokers read and write",
    };

    public static readonly OptionInput ClientBrokerEncryption = new("clientBrokerEncryption", "Client to broker traffic", InputSection.Cluster)
    {
        Get = r => r.ClientBrokerEncryption,
        With = (r, v) => r with { ClientBrokerEncryption = v },
        Used = i => ClusterChoices.NameOf(i.ClientBrokerEncryption),
        Options =
        [
            ClusterChoices.Option(ClientTraffic.Tls, "TLS only"), ClusterChoices.Option(ClientTraffic.TlsPlaintext, "TLS and plaintext"),
            ClusterChoices.Option(ClientTraffic.Plaintext, "Plaintext only"),
        ],
        EmptyText = "as the TLS switch says",
        Help = "Empty follows \"Encryption in transit (TLS)\"",
    };

    public static readonly SwitchInput InClusterEncryption = new("inClusterEncryption", "Encrypt traffic between brokers", InputSection.Cluster)
    {
        Get = r => r.InClusterEncryption,
        With = (r, v) => r with { InClusterEncryption = v },
        Used = i => i.InClusterEncryption,
        Set = (i, v) => i with { InClusterEncryption = v },
        Default = true,
    };

    public static readonly OptionInput BrokerLogs = new("brokerLogs", "Broker logs to", InputSection.Cluster)
    {
        Get = r => r.BrokerLogs,
        With = (r, v) => r with { BrokerLogs = v },
        Used = i => ClusterChoices.NameOf(i.BrokerLogs),
        Set = (i, v) => i with { BrokerLogs = ClusterChoices.Parse<LogDestination>(v!) },
        Options =
        [
            ClusterChoices.Option(LogDestination.CloudWatchLogs, "CloudWatch Logs"), ClusterChoices.Option(LogDestination.S3, "S3"),
            ClusterChoices.Option(LogDestination.Firehose, "Data Firehose"), ClusterChoices.Option(LogDestination.None, "Nowhere"),
        ],
        Default = ClusterChoices.NameOf(LogDestination.CloudWatchLogs),
    };

    public static readonly OptionInput EnhancedMonitoring = new("enhancedMonitoring", "Enhanced monitoring", InputSection.Cluster)
    {
        Get = r => r.EnhancedMonitoring,
        With = (r, v) => r with { EnhancedMonitoring = v },
        Used = i => ClusterChoices.NameOf(i.EnhancedMonitoring),
        Set = (i, v) => i with { EnhancedMonitoring = ClusterChoices.Parse<MonitoringLevel>(v!) },
        Options =
        [
            ClusterChoices.Option(MonitoringLevel.PerBroker, "Per broker (recommended)"), ClusterChoices.Option(MonitoringLevel.Default, "Default (cluster level)"),
            ClusterChoices.Option(MonitoringLevel.PerTopicPerBroker, "Per topic per broker"), ClusterChoices.Option(MonitoringLevel.PerTopicPerPartition, "Per topic per partition"),
        ],
        Default = ClusterChoices.NameOf(MonitoringLevel.PerBroker),
        Help = "Levels above Default are charged by CloudWatch",
    };

    public static readonly TextInput Tags = new("tags", "Tags", InputSection.Cluster)
    {
        Get = r => r.Tags,
        With = (r, v) => r with { Tags = v },
        Used = i => i.Tags,
        Set = (i, v) => i with { Tags = v ?? "" },
        MaxLength = ClusterChoices.TagsMaxLength,
        Normalize = ClusterChoices.NormalizeTags,
        Example = "team=data, cost-centre=1234",
        Help = "key=value pairs, separated by commas; cost tags show in the bill",
    };

    public static readonly StreamsInput Streams = new(Workload.Key, "Streams", InputSection.Streams);

    public static readonly MigrationSectionInput Migration = new(MigrationRequest.Key, "Migrating from", InputSection.Migration);

    public static IReadOnlyList<InputDefinition> All { get; } =
    [
        Streams,
        AvgDataIn, PeakDataIn, AvgDataOut, PeakDataOut, Retention, PrimaryRetention, LeaderPartitions, Partitions, ReplicationFactor, DiskUtilizationTarget, TlsInTransit,
        Region, AvailabilityZones, NearestReplicaFetching, LaggingConsumers, PeakUtilization, ProvisionedThroughput, PageCache, TlsDerate, BrokerQuota, ClientConnections, UseMaxPartitions,
        MonthlyGrowth, MonthlyGrowthOut, Horizon,
        ClusterName, BrokerType, KafkaVersion, ClientAuthentication, ClientBrokerEncryption, InClusterEncryption, BrokerLogs, EnhancedMonitoring, Tags,
        Migration,
    ];

    public static IReadOnlyList<InputDefinition> Basic { get; } = [.. All.Where(i => i.Section == InputSection.Basic)];

    public static IReadOnlyList<InputDefinition> Cluster { get; } = [.. All.Where(i => i.Section == InputSection.Cluster)];

    /// <summary>The input an API field name (or error key) belongs to; null for fields outside the workload.</summary>
    public static InputDefinition? Find(string key) => All.FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The workload a new planner shows.</summary>
    public static SizingRequest Starter { get; } = All.Aggregate(new SizingRequest(), (request, input) => input.Start(request));
}
