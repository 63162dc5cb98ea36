
namespace MskPlanner.Sizing.Tests;

/// <summary>The us-east-1 prices AWS's reference method uses (shared/docs/sizing-model.md), which the worked examples assume.</summary>
internal static class ReferencePrices
{
    public static readonly PriceSheet UsEast1 = new()
    {
        Origin = new PriceOrigin("reference method", "us-east-1", new DateOnly(2026, 8, 1)),
        BrokerHourly = new Dictionary<string, double>
        {
            ["kafka.t3.small"] = 0.0456,
            ["kafka.m5.large"] = 0.21,
            ["kafka.m5.xlarge"] = 0.42,
            ["kafka.m5.2xlarge"] = 0.84,
            ["kafka.m5.4xlarge"] = 1.68,
            ["kafka.m5.8xlarge"] = 3.36,
            ["kafka.m5.12xlarge"] = 5.04,
            ["kafka.m5.16xlarge"] = 6.72,
            ["kafka.m5.24xlarge"] = 10.08,
            ["kafka.m7g.large"] = 0.204,
            ["kafka.m7g.xlarge"] = 0.408,
            ["kafka.m7g.2xlarge"] = 0.816,
            ["kafka.m7g.4xlarge"] = 1.632,
            ["kafka.m7g.8xlarge"] = 3.264,
            ["kafka.m7g.12xlarge"] = 4.896,
            ["kafka.m7g.16xlarge"] = 6.528,
            ["express.m7g.large"] = 0.408,
            ["express.m7g.xlarge"] = 0.816,
            ["express.m7g.2xlarge"] = 1.632,
            ["express.m7g.4xlarge"] = 3.264,
            ["express.m7g.8xlarge"] = 6.528,
            ["express.m7g.12xlarge"] = 9.792,
            ["express.m7g.16xlarge"] = 13.056,
        },
        StoragePerGiBMonth = 0.10,
        TieredStoragePerGiBMonth = 0.023,
        ProvisionedThroughputPerMiBpsMonth = 0.08,
        ExpressStoragePerGiBMonth = 0.10,
        ExpressDataInPerGiB = 0.01,
        CrossAzPerGiB = 0.02,
        Ec2Hourly = new Dictionary<string, double>
        {
            ["t3.small"] = 0.0208,
            ["m5.large"] = 0.096,
            ["m5.xlarge"] = 0.192,
            ["m7g.large"] = 0.0816,
        },
        Ec2Gp3PerGiBMonth = 0.08,

        // The us-east-1 Serverless rates the MSK pricing page gives (see the bundled snapshot's sources).
        Serverless = new ServerlessRates(ClusterHour: 0.75, PartitionHour: 0.0015, StoragePerGiBMonth: 0.10, DataInPerGiB: 0.10, DataOutPerGiB: 0.05, "test rates"),
    };

    public static PriceSheet Without(params string[] brokerTypes) => UsEast1 with
    {
        BrokerHourly = UsEast1.BrokerHourly.Where(p => !brokerTypes.Contains(p.Key)).ToDictionary(),
    };
}
