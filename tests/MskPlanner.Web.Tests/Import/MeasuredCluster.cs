using MskPlanner.Testing;

namespace MskPlanner.Web.Tests.Import;

/// <summary>
/// A running cluster's last week as a real Prometheus holds it: topics in each exporter's naming, with rates the
/// tests know. Each topic's traffic is split over two brokers, as Kafka reports it per broker.
/// </summary>
public sealed class MeasuredCluster : IAsyncLifetime
{
    public const double Day = 86_400;

    private static readonly string[] Brokers = ["b-1:11001", "b-2:11001"];

    /// <summary>The JMX exporter's topics: a steady one, one in daily waves and one with an hour's burst a day.</summary>
    public static readonly Topic Orders = new("orders", _ => 300, MessageBytes: 1000, FanOut: 3, Partitions: 12, ReplicationFactor: 3);

    public static readonly Topic Clicks = new("clicks", t => 2000 * (1 + 0.5 * Math.Sin(2 * Math.PI * t / Day)), MessageBytes: 200, FanOut: 1, Partitions: 6, ReplicationFactor: 3);

    public static readonly Topic Audit = new("audit", t => t % Day < 3600 ? 100 : 10, MessageBytes: 5000, FanOut: 2, Partitions: 3, ReplicationFactor: 2);

    /// <summary>A topic created two days before the end of the week: its mean is over the days it ran.</summary>
    public static readonly Topic Fresh = new("fresh", _ => 50, MessageBytes: 100, FanOut: 1, Partitions: 2, ReplicationFactor: 3);

    public static readonly TimeSpan FreshFor = TimeSpan.FromDays(2);

    /// <summary>Kafka's own topic, which an import leaves out.</summary>
    public static readonly Topic ConsumerOffsets = new("__consumer_offsets", _ => 5, MessageBytes: 100, FanOut: 1, Partitions: 50, ReplicationFactor: 3);

    /// <summary>The same cluster's MSK open monitoring names, and a kafka_exporter's.</summary>
    public static readonly Topic Payments = new("payments", _ => 50, MessageBytes: 800, FanOut: 2, Partitions: 4, ReplicationFactor: 3);

    public static readonly Topic Logs = new("logs", _ => 120, MessageBytes: 0, FanOut: 0, Partitions: 10, ReplicationFactor: 2);

    /// <summary>Bytes on disk of each replica of orders' partitions, on both brokers: 24 replicas of 2 GiB are the disk a check reads.</summary>
    public const double OrdersReplicaBytes = 2L << 30;

    public static double OrdersOnDiskGiB => OrdersReplicaBytes * Orders.Partitions * Brokers.Length / (1 << 30);

    public PrometheusServer Server { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var end = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60);
        var history = new OpenMetricsHistory(end, TimeSpan.FromDays(7) + TimeSpan.FromHours(1));
        foreach (var topic in new[] { Orders, Clicks, Audit, ConsumerOffsets })
        {
            foreach (var broker in Brokers)
            {
                var labels = $"instance=\"{broker}\",topic=\"{topic.Name}\"";
                history.Counter("kafka_server_brokertopicmetrics_messagesin", labels, t => topic.Rate(t) / Brokers.Length);
                history.Counter("kafka_server_brokertopicmetrics_bytesin", labels, t => topic.Rate(t) * topic.MessageBytes / Brokers.Length);
                history.Counter("kafka_server_brokertopicmetrics_bytesout", labels, t => topic.Rate(t) * topic.MessageBytes * topic.FanOut / Brokers.Length);
            }

            Replicas(topic, (partition, broker, value) =>
                history.Gauge("kafka_cluster_partition_replicascount", $"instance=\"{broker}\",partition=\"{partition}\",topic=\"{topic.Name}\"", value));
        }

        for (var partition = 0; partition < Orders.Partitions; partition++)
        {
            foreach (var broker in Brokers)
            {
                history.Gauge("kafka_log_log_size", $"instance=\"{broker}\",partition=\"{partition}\",topic=\"{Orders.Name}\"", OrdersReplicaBytes);
            }
        }

        foreach (var broker in Brokers)
        {
            var labels = $"instance=\"{broker}\",topic=\"{Fresh.Name}\"";
            history.Counter("kafka_server_brokertopicmetrics_messagesin", labels, t => Fresh.Rate(t) / Brokers.Length, FreshFor);
            history.Counter("kafka_server_brokertopicmetrics_bytesin", labels, t => Fresh.Rate(t) * Fresh.MessageBytes / Brokers.Length, FreshFor);
            history.Counter("kafka_server_brokertopicmetrics_bytesout", labels, t => Fresh.Rate(t) * Fresh.MessageBytes * Fresh.FanOut / Brokers.Length, FreshFor);
        }

        Replicas(Fresh, (partition, broker, value) =>
            history.Gauge("kafka_cluster_partition_replicascount", $"instance=\"{broker}\",partition=\"{partition}\",topic=\"{Fresh.Name}\"", value));

        // The broker's all-topics counter has no topic label; an import must not count it as a topic.
        foreach (var broker in Brokers)
        {
            history.Counter("kafka_server_brokertopicmetrics_bytesin", $"instance=\"{broker}\"", _ => 1_000_000);
        }

        foreach (var broker in Brokers)
        {
            var labels = $"instance=\"{broker}\",topic=\"{Payments.Name}\"";
            history.Growing("kafka_server_BrokerTopicMetrics_Count", "unknown", $"name=\"MessagesInPerSec\",{labels}", t => Payments.Rate(t) / Brokers.Length);
            history.Growing("kafka_server_BrokerTopicMetrics_Count", "unknown", $"name=\"BytesInPerSec\",{labels}", t => Payments.Rate(t) * Payments.MessageBytes / Brokers.Length);
            history.Growing("kafka_server_BrokerTopicMetrics_Count", "unknown", $"name=\"BytesOutPerSec\",{labels}", t => Payments.Rate(t) * Payments.MessageBytes * Payments.FanOut / Brokers.Length);
        }

        Replicas(Payments, (partition, broker, value) =>
            history.Gauge("kafka_cluster_Partition_Value", $"instance=\"{broker}\",name=\"ReplicasCount\",partition=\"{partition}\",topic=\"{Payments.Name}\"", value));

        history.Gauge("kafka_topic_partitions", $"topic=\"{Logs.Name}\"", Logs.Partitions);
        for (var partition = 0; partition < Logs.Partitions; partition++)
        {
            var labels = $"partition=\"{partition}\",topic=\"{Logs.Name}\"";
            history.Growing("kafka_topic_partition_current_offset", "gauge", labels, t => Logs.Rate(t) / Logs.Partitions);
            history.Gauge("kafka_topic_partition_replicas", labels, Logs.ReplicationFactor);
        }

        Server = await PrometheusServer.StartAsync(history.WriteTo);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Each partition's ReplicasCount on every broker: the replication factor on its leader, 0 on the others.</summary>
    private static void Replicas(Topic topic, Action<int, string, double> gauge)
    {
        for (var partition = 0; partition < topic.Partitions; partition++)
        {
            for (var b = 0; b < Brokers.Length; b++)
            {
                gauge(partition, Brokers[b], partition % Brokers.Length == b ? topic.ReplicationFactor : 0);
            }
        }
    }

    /// <summary>A topic's messages per second at each moment (seconds since the history starts) and its fixed traits.</summary>
    public sealed record Topic(string Name, Func<double, double> Rate, double MessageBytes, double FanOut, int Partitions, int ReplicationFactor);
}
