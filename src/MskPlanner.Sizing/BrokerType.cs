namespace MskPlanner.Sizing;

/// <summary>The families the planner recommends one pick for.</summary>
public enum BrokerFamily
{
    T3,
    M5,
    M7g,
    Express,
}

/// <summary>Standard brokers keep data on EBS volumes the customer sizes; Express brokers have managed storage.</summary>
public enum BrokerClass
{
    Standard,
    Express,
}

/// <summary>
/// One MSK broker instance type and the per-broker limits the method sizes against.
/// Throughputs are MiB/s; for Express, <see cref="ExpressIngressMiBps"/> is the published sustained ingress
/// and the EBS and network figures are unused.
/// </summary>
public sealed record BrokerType(
    string Name,
    BrokerFamily Family,
    double EbsThroughputMiBps,
    double NetworkThroughputMiBps,
    double ExpressIngressMiBps,
    int RecommendedPartitions,
    int MaxPartitions,
    double MemoryGiB,
    int VCpus,
    bool SupportsProvisionedThroughput)
{
    public BrokerClass Class => Family == BrokerFamily.Express ? BrokerClass.Express : BrokerClass.Standard;

    /// <summary>T3 is burstable: sized at its baseline and meant for development and test only.</summary>
    public bool IsBurstable => Family == BrokerFamily.T3;

    /// <summary>The matching EC2 size for a self-managed comparison, e.g. <c>m5.large</c>.</summary>
    public string Ec2InstanceType => Name[(Name.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
