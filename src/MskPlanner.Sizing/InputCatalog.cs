using System.Globalization;


namespace MskPlanner.Sizing;

/// <summary>Every input with its label and unit, as read-only views and comparisons show them.</summary>
public static class InputCatalog
{
    public static IReadOnlyList<(string Field, string Label, Func<SizingInput, string> Value)> All { get; } =
    [
        ("avgDataInMiBps", "Average data in, MiB/s", i => N(i.AvgDataInMiBps)),
        ("peakDataInMiBps", "Peak data in, MiB/s", i => N(i.PeakDataInMiBps)),
        ("avgDataOutMiBps", "Average data out, MiB/s", i => N(i.AvgDataOutMiBps)),
        ("peakDataOutMiBps", "Peak data out, MiB/s", i => N(i.PeakDataOutMiBps)),
        ("retentionHours", "Retention, hours", i => N(i.RetentionHours)),
        ("primaryRetentionHours", "Primary retention, hours", i => N(i.PrimaryRetentionHours)),
        ("partitions", "Partitions (replicas)", i => N(i.Partitions)),
        ("replicationFactor", "Replication factor", i => N(i.ReplicationFactor)),
        ("availabilityZones", "Availability zones", i => N(i.AvailabilityZones)),
        ("nearestReplicaFetching", "Nearest replica fetching", i => i.NearestReplicaFetching ? "on" : "off"),
        ("diskUtilizationTarget", "Disk utilization target", i => N(i.DiskUtilizationTarget)),
        ("peakUtilization", "Utilization at peak", i => N(i.PeakUtilization)),
        ("laggingConsumerFactor", "Lagging consumers, x data in", i => N(i.LaggingConsumerFactor)),
        ("provisionedThroughputMiBps", "Provisioned throughput, MiB/s per broker", i => i.ProvisionedThroughputMiBps is { } p ? N(p) : "none"),
        ("tlsInTransit", "Encryption in transit", i => i.TlsInTransit ? "on" : "off"),
        ("tlsDeratePercent", "TLS throughput loss, %", i => N(i.TlsDeratePercent)),
        ("pageCacheSeconds", "Page cache, seconds", i => N(i.PageCacheSeconds)),
        ("useMaxPartitions", "Sized to maximum partitions", i => i.UseMaxPartitions ? "yes" : "no"),
        ("brokerQuota", "Broker quota per cluster", i => N(i.BrokerQuota)),
        ("region", "Region", i => i.Region),
    ];

    private static string N(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
