namespace MskPlanner.Pricing;

/// <summary>What one AmazonMSK price-list product prices.</summary>
public enum MskPriceKind
{
    Broker,
    Storage,
    TieredStorage,
    ProvisionedThroughput,
    ExpressStorage,
    ExpressDataIn,
    ServerlessClusterHours,
    ServerlessPartitionHours,
    ServerlessStorage,
    ServerlessDataIn,
    ServerlessDataOut,
    ConnectMcuHours,
    ReplicatorHours,
    ReplicatorData,
}

/// <summary>A product's meaning: its kind and, for brokers, the MSK instance type.</summary>
public readonly record struct MskPriceItem(MskPriceKind Kind, string? InstanceType = null);

/// <summary>
/// The one place that maps AmazonMSK price-list products to what the planner prices. MSK products share the
/// product family "Managed Streaming for Apache Kafka (MSK)" and have no instanceType attribute; they are told
/// apart by <c>usagetype</c>, which carries a region prefix (<c>USE1-</c>, <c>EU-</c>, <c>APS1-</c>...).
/// </summary>
/// <remarks>
/// Confirmed in real AmazonMSK price data (2026): <c>Kafka.m5.large</c>, <c>Kafka.m7g.large</c>,
/// <c>Kafka.t3.small</c> (broker hours), <c>Express.m7g.large</c>, <c>Kafka.Storage.GP2</c> and
/// <c>Kafka.Storage.Tiered</c> (GB-Mo), <c>Express.Storage</c> (GB-Mo). UNCONFIRMED: provisioned storage
/// throughput (matched as a Kafka usagetype containing "Throughput") and Express data in (an Express usagetype
/// containing "DataIn", "In-Bytes" or "Ingress"); when the live list has neither, the snapshot's rate is used and
/// the result says so. Forms such as <c>EU-Kafka.kraft.t3.small</c> are matched tolerantly. MSK Serverless:
/// <c>KafkaServerless-ClusterHours</c> is confirmed (ap-southeast-1, 2026); its partition-hour, storage, data-in and
/// data-out usage types are UNCONFIRMED and matched by the words they must contain. MSK Connect (a usage type with
/// "Connect" and "MCU") and MSK Replicator (with "Replicator": per hour, or per GB when it names bytes or data) are
/// UNCONFIRMED too (no real offer file with them was read); without them the bundled rates stand and the note says so.
/// </remarks>
public static class MskPriceMapping
{
    public const string ProductFamily = "Managed Streaming for Apache Kafka (MSK)";

    private static readonly string[] BrokerFamilies = ["t3", "m5", "m7g"];

    public static MskPriceItem? Classify(string? usageType)
    {
        if (string.IsNullOrEmpty(usageType))
        {
            return null;
        }

        bool Has(string word) => usageType.Contains(word, StringComparison.OrdinalIgnoreCase);
        if (Has("Replicator"))
        {
            return new(Has("Bytes") || Has("GB") || Has("Data") ? MskPriceKind.ReplicatorData : MskPriceKind.ReplicatorHours);
        }

        if (Has("Connect") && Has("MCU"))
        {
            return new(MskPriceKind.ConnectMcuHours);
        }

        var serverless = usageType.IndexOf("KafkaServerless-", StringComparison.OrdinalIgnoreCase);
        if (serverless >= 0)
        {
            return Serverless(usageType[(serverless + "KafkaServerless-".Length)..]);
        }

        var kafka = usageType.IndexOf("Kafka.", StringComparison.OrdinalIgnoreCase);
        var express = usageType.IndexOf("Express.", StringComparison.OrdinalIgnoreCase);
        if (kafka >= 0)
        {
            var rest = usageType[(kafka + "Kafka.".Length)..];
            if (rest.Equals("Storage.GP2", StringComparison.OrdinalIgnoreCase))
            {
                return new(MskPriceKind.Storage);
            }

            if (rest.Equals("Storage.Tiered", StringComparison.OrdinalIgnoreCase))
            {
                return new(MskPriceKind.TieredStorage);
            }

            if (rest.Contains("Throughput", StringComparison.OrdinalIgnoreCase))
            {
                return new(MskPriceKind.ProvisionedThroughput);
            }

            return BrokerType("kafka", rest);
        }

        if (express >= 0)
        {
            var rest = usageType[(express + "Express.".Length)..];
            if (rest.Equals("Storage", StringComparison.OrdinalIgnoreCase))
            {
                return new(MskPriceKind.ExpressStorage);
            }

            if (rest.Contains("DataIn", StringComparison.OrdinalIgnoreCase) || rest.Contains("In-Bytes", StringComparison.OrdinalIgnoreCase)
                || rest.Contains("Ingress", StringComparison.OrdinalIgnoreCase))
            {
                return new(MskPriceKind.ExpressDataIn);
            }

            return BrokerType("express", rest);
        }

        return null;
    }

    private static MskPriceItem? Serverless(string rest)
    {
        bool Has(string word) => rest.Contains(word, StringComparison.OrdinalIgnoreCase);
        return Has("Partition") ? new(MskPriceKind.ServerlessPartitionHours)
            : Has("Storage") ? new(MskPriceKind.ServerlessStorage)
            : Has("DataIn") || Has("In-Bytes") || Has("Ingress") ? new(MskPriceKind.ServerlessDataIn)
            : Has("DataOut") || Has("Out-Bytes") || Has("Egress") ? new(MskPriceKind.ServerlessDataOut)
            : Has("ClusterHours") ? new(MskPriceKind.ServerlessClusterHours)
            : null;
    }

    /// <summary>"m5.large" or "kraft.t3.small" after the prefix, as a catalogued MSK type, or nothing.</summary>
    private static MskPriceItem? BrokerType(string prefix, string rest)
    {
        var parts = rest.Split('.');
        if (parts.Length >= 2 && BrokerFamilies.Contains(parts[^2], StringComparer.OrdinalIgnoreCase))
        {
            var name = $"{prefix}.{parts[^2].ToLowerInvariant()}.{parts[^1].ToLowerInvariant()}";
            if (MskPlanner.Sizing.BrokerCatalog.Find(name) is not null)
            {
                return new(MskPriceKind.Broker, name);
            }
        }

        return null;
    }
}

/// <summary>EC2 products the self-managed comparison needs: Linux shared on-demand instances and gp3 volumes.</summary>
public static class Ec2PriceMapping
{
    public static bool IsWanted(IReadOnlyDictionary<string, string> attributes, string? productFamily, ISet<string> instanceTypes) =>
        (productFamily == "Compute Instance"
            && attributes.TryGetValue("instanceType", out var type) && instanceTypes.Contains(type)
            && Is(attributes, "operatingSystem", "Linux") && Is(attributes, "tenancy", "Shared")
            && Is(attributes, "preInstalledSw", "NA") && Is(attributes, "capacitystatus", "Used"))
        || (productFamily == "Storage" && Is(attributes, "volumeApiName", "gp3"));

    private static bool Is(IReadOnlyDictionary<string, string> attributes, string key, string value) =>
        attributes.TryGetValue(key, out var actual) && string.Equals(actual, value, StringComparison.Ordinal);
}
