namespace MskPlanner.Sizing;

/// <summary>
/// Every MSK broker type the planner sizes, with the limits the method uses.
/// </summary>
/// <remarks>
/// Sources, read 2026-11: M5/M7g EBS and network throughput, partition limits and the Express table come from
/// AWS's port of the "MSK Sizing and Pricing" workbook (aws/agent-toolkit-for-aws, managing-amazon-msk,
/// msk_sizing.py) and agree with the MSK developer guide's broker-type and partition tables.
/// Provisioned storage throughput sizes follow the MSK developer guide ("kafka.m5.4xlarge or larger,
/// kafka.m7g.2xlarge or larger"); the reference script leaves kafka.m7g.2xlarge out, the documentation wins.
/// kafka.t3.small: EC2 t3.small baselines (EBS 174 Mbps, network 0.128 Gbps, EC2 instance-type tables) and the
/// MSK limit of 300 partitions per broker. UNVERIFIED here: these two baselines were not re-read from AWS in
/// this session; they only size T3, which the planner marks development-only.
/// Memory and vCPUs are the EC2 sizes the brokers run on.
/// </remarks>
public static class BrokerCatalog
{
    private const double MegabitsToMiB = 1_000_000d / 8 / (1024 * 1024);

    public static readonly BrokerType T3Small = new(
        "kafka.t3.small", BrokerFamily.T3,
        EbsThroughputMiBps: 174 * MegabitsToMiB,
        NetworkThroughputMiBps: 128 * MegabitsToMiB,
        ExpressIngressMiBps: 0,
        RecommendedPartitions: 300, MaxPartitions: 300,
        MemoryGiB: 2, VCpus: 2, SupportsProvisionedThroughput: false);

    public static IReadOnlyList<BrokerType> All { get; } =
    [
        T3Small,
        Standard("kafka.m5.large", BrokerFamily.M5, 81, 96, 1000, 1500, 8, 2, false),
        Standard("kafka.m5.xlarge", BrokerFamily.M5, 144, 160, 1000, 1500, 16, 4, false),
        Standard("kafka.m5.2xlarge", BrokerFamily.M5, 250, 320, 2000, 3000, 32, 8, false),
        Standard("kafka.m5.4xlarge", BrokerFamily.M5, 593.75, 640, 4000, 6000, 64, 16, true),
        Standard("kafka.m5.8xlarge", BrokerFamily.M5, 850, 1280, 4000, 6000, 128, 32, true),
        Standard("kafka.m5.12xlarge", BrokerFamily.M5, 1000, 1536, 4000, 6000, 192, 48, true),
        Standard("kafka.m5.16xlarge", BrokerFamily.M5, 1000, 2560, 4000, 6000, 256, 64, true),
        Standard("kafka.m5.24xlarge", BrokerFamily.M5, 1000, 3200, 4000, 4000, 384, 96, true),
        Standard("kafka.m7g.large", BrokerFamily.M7g, 78.75, 117, 1000, 1500, 8, 2, false),
        Standard("kafka.m7g.xlarge", BrokerFamily.M7g, 156.25, 234, 1000, 1500, 16, 4, false),
        Standard("kafka.m7g.2xlarge", BrokerFamily.M7g, 312.5, 469, 2000, 3000, 32, 8, true),
        Standard("kafka.m7g.4xlarge", BrokerFamily.M7g, 625, 937, 4000, 6000, 64, 16, true),
        Standard("kafka.m7g.8xlarge", BrokerFamily.M7g, 1000, 1875, 4000, 6000, 128, 32, true),
        Standard("kafka.m7g.12xlarge", BrokerFamily.M7g, 1000, 2812, 4000, 6000, 192, 48, true),
        Standard("kafka.m7g.16xlarge", BrokerFamily.M7g, 1000, 3750, 4000, 6000, 256, 64, true),
        Express("express.m7g.large", 15.625, 1000, 1500, 8, 2),
        Express("express.m7g.xlarge", 31.25, 1000, 2000, 16, 4),
        Express("express.m7g.2xlarge", 62.5, 2500, 4000, 32, 8),
        Express("express.m7g.4xlarge", 125, 6000, 8000, 64, 16),
        Express("express.m7g.8xlarge", 250, 12000, 16000, 128, 32),
        Express("express.m7g.12xlarge", 375, 16000, 24000, 192, 48),
        Express("express.m7g.16xlarge", 500, 20000, 32000, 256, 64),
    ];

    public static BrokerType? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    private static BrokerType Standard(
        string name, BrokerFamily family, double ebs, double network, int recommended, int max, double memory, int vcpus, bool pst) =>
        new(name, family, ebs, network, 0, recommended, max, memory, vcpus, pst);

    private static BrokerType Express(string name, double ingress, int recommended, int max, double memory, int vcpus) =>
        new(name, BrokerFamily.Express, 0, 0, ingress, recommended, max, memory, vcpus, false);
}
