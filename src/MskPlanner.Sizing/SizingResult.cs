namespace MskPlanner.Sizing;

/// <summary>The limits a broker count is sized against.</summary>
public enum LimitKind
{
    Ingress,
    Egress,
    Partitions,
    Storage,
    ProvisionedThroughput,
}

/// <summary>One limit for one broker type: the demand, what one broker can take, and the brokers that needs.</summary>
/// <param name="Utilization">Demand over the capacity of the chosen broker count: how full this limit runs.</param>
public sealed record LimitCheck(LimitKind Kind, int BrokersNeeded, double Demand, double CapacityPerBroker, string Unit, double Utilization);

/// <summary>A month (730 hours) of MSK charges, USD, each rounded to cents; the total is their sum.</summary>
public sealed record MonthlyCost(decimal Brokers, decimal Storage, decimal TieredStorage, decimal ProvisionedThroughput, decimal DataIn, decimal CrossAz)
{
    public decimal Total => Brokers + Storage + TieredStorage + ProvisionedThroughput + DataIn + CrossAz;
}

/// <summary>The same workload run as self-managed Apache Kafka on EC2, USD per month.</summary>
public sealed record SelfManagedCost(decimal Brokers, decimal Controllers, decimal Storage, decimal CrossAz)
{
    public decimal Total => Brokers + Controllers + Storage + CrossAz;
}

/// <summary>The page-cache check: memory the chosen seconds of writes need beside what a broker can spare.</summary>
public sealed record MemoryCheck(double RequiredGiB, double AvailableGiB)
{
    public bool Fits => RequiredGiB <= AvailableGiB;
}

/// <summary>How to split a broker count that is over the per-cluster quota.</summary>
public sealed record ClusterSplit(int Clusters, int BrokersPerCluster);

/// <summary>The sizing of one broker type.</summary>
public sealed record BrokerOption(
    BrokerType Type,
    int Brokers,
    LimitKind BindingLimit,
    IReadOnlyList<LimitCheck> Limits,
    double IngressPerBrokerMiBps,
    double VolumePerBrokerGiB,
    MemoryCheck Memory,
    MonthlyCost? MonthlyCost,
    SelfManagedCost? SelfManaged,
    string? UnavailableReason)
{
    /// <summary>False when the type is not sold in the region or cannot run this workload's layout.</summary>
    public bool IsAvailable => UnavailableReason is null;

    public bool FitsQuota(SizingInput input) => Brokers <= input.BrokerQuotaFor(Type);

    /// <summary>The storage throughput each broker's volume is credited with, MiB/s; 0 for Express (managed storage).</summary>
    public double VolumeThroughputMiBps { get; init; }

    /// <summary>Provisioned storage throughput per broker, whole MiB/s, costed and exported; null when the volumes stay at MSK's default.</summary>
    public double? ProvisionedThroughputMiBps { get; init; }

    /// <summary>
    /// The same type on volumes without provisioned throughput, when that needs more brokers than this option: the
    /// count the method's figures would reach without paying for PST.
    /// </summary>
    public BrokerOption? WithoutProvisionedThroughput { get; init; }

    /// <summary>
    /// Express: the brokers AWS's Express guide would run, at 100% of the sustained ingress; the method's count keeps
    /// ingress at 1.5 x the utilization (75% at the default), so it can be higher. Null for Standard brokers.
    /// </summary>
    public int? BrokersAtSustainedIngress { get; init; }
}

/// <summary>The recommended pick of one family: the cheapest available type within the broker quota.</summary>
/// <param name="Option">The pick, or null when no type of the family is available.</param>
/// <param name="Split">Set when even the pick needs more brokers than the quota allows.</param>
public sealed record Recommendation(BrokerFamily Family, BrokerOption? Option, ClusterSplit? Split, string Reason);

public enum AdviceSeverity
{
    Info,
    Warning,
    Critical,
}

/// <summary>Best-practice or quota advice, with the reason behind it.</summary>
public sealed record Advice(AdviceSeverity Severity, string Code, string Message, string Reason);

/// <summary>Storage the workload needs, GiB.</summary>
/// <param name="DataGiB">Retained data on EBS with every replica, before headroom.</param>
/// <param name="EbsGiB">EBS to provision: <see cref="DataGiB"/> over the disk utilization target.</param>
/// <param name="TieredGiB">Data kept in tiered storage beyond the primary retention (one copy).</param>
/// <param name="ExpressGiB">Data an Express cluster stores and bills (one copy, whole retention).</param>
/// <param name="WriteMiBpsPerReplicaSet">EBS writes for the peak ingress with every replica: ingress times RF.</param>
public sealed record StorageFigures(double DataGiB, double EbsGiB, double TieredGiB, double ExpressGiB, double WriteMiBpsPerReplicaSet);

/// <summary>Traffic through the cluster, MiB/s unless named otherwise.</summary>
public sealed record NetworkFigures(
    double PeakInMiBps,
    double PeakOutMiBps,
    double FanOut,
    double ReplicationMiBps,
    double CrossAzProducerMiBps,
    double CrossAzConsumerMiBps,
    double CrossAzGiBPerMonth,
    double DataInGiBPerMonth);

/// <summary>The whole answer for one workload and one price sheet.</summary>
public sealed record SizingResult(
    SizingInput Input,
    IReadOnlyList<BrokerOption> Options,
    IReadOnlyList<Recommendation> Recommended,
    StorageFigures Storage,
    NetworkFigures Network,
    IReadOnlyList<Advice> Advice,
    PriceOrigin Prices)
{
    /// <summary>The plan month by month, when it gives a growth rate.</summary>
    public GrowthProjection? Growth { get; init; }

    /// <summary>The prices the result was costed with, which its explanations quote.</summary>
    public PriceSheet? Rates { get; init; }

    /// <summary>The workload on MSK Serverless, beside the provisioned options.</summary>
    public ServerlessOption? Serverless { get; init; }

    /// <summary>The move onto the plan's headline pick (or the type it names), when the plan has a migration section.</summary>
    public MigrationPlan? Migration { get; init; }
}
