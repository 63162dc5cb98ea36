using MskPlanner.Pricing;
using MskPlanner.Sizing;

namespace MskPlanner.Deployment.Tests;

/// <summary>The matrix of plans every export is checked on.</summary>
internal static class Plans
{
    public static readonly SizingRequest Base = new() { AvgDataInMiBps = 50, AvgDataOutMiBps = 100, Partitions = 3000, Region = "us-east-1" };

    public static readonly IReadOnlyDictionary<string, (SizingRequest Request, BrokerFamily? Family)> Matrix = new Dictionary<string, (SizingRequest, BrokerFamily?)>
    {
        ["standard EBS"] = (Base, BrokerFamily.M5),
        ["tiered storage"] = (Base with { RetentionHours = 720, PrimaryRetentionHours = 24 }, BrokerFamily.M7g),
        ["provisioned throughput"] = (Base with { AvgDataInMiBps = 150, RetentionHours = 24, ProvisionedThroughputMiBps = 500, BrokerType = "kafka.m5.4xlarge" }, null),
        ["express"] = (Base, BrokerFamily.Express),
        ["two AZs"] = (Base with { AvailabilityZones = 2 }, BrokerFamily.M7g),
        ["RF 2"] = (Base with { ReplicationFactor = 2, NearestReplicaFetching = false }, BrokerFamily.M5),
        ["SASL/SCRAM, logs to S3"] = (Base with { ClientAuthentication = "scram", BrokerLogs = "s3", Tags = "team=data, cost-centre=1234" }, BrokerFamily.M5),
        ["mutual TLS, logs to Firehose"] = (Base with { ClientAuthentication = "mutualTls", BrokerLogs = "firehose", ClientBrokerEncryption = "tlsPlaintext" }, BrokerFamily.M7g),
        ["unauthenticated plaintext, no logs"] = (Base with { ClientAuthentication = "unauthenticated", TlsInTransit = false, BrokerLogs = "none", EnhancedMonitoring = "default" }, BrokerFamily.M5),
        ["T3 on ZooKeeper"] = (Base with { AvgDataInMiBps = 2, AvgDataOutMiBps = 2, Partitions = 300, BrokerType = "kafka.t3.small" }, null),
        ["split past the quota"] = (Base with { AvgDataInMiBps = 2000, AvgDataOutMiBps = 2000, Partitions = 30000, BrokerQuota = 30 }, BrokerFamily.M5),
    };

    public static TheoryData<string> Names => [.. Matrix.Keys];

    public static SizingResult Size(SizingRequest request) => SizingEngine.Size(request.Resolve().GetValueOrThrow(), new BundledSnapshotPriceSource().Snapshot);

    public static ClusterBlueprint Blueprint(string name, string planName = "Orders (prod)")
    {
        var (request, family) = Matrix[name];
        return Blueprint(request, family, planName);
    }

    public static ClusterBlueprint Blueprint(SizingRequest request, BrokerFamily? family = null, string planName = "Orders (prod)") =>
        ClusterBlueprint.From(Size(request), family, planName).GetValueOrThrow();
}
