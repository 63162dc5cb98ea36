namespace MskPlanner.Import;

/// <summary>
/// How one exporter names the per-topic figures an import reads. Every selector keeps to user topics: the topic label
/// set and not internal (<c>__consumer_offsets</c>, <c>__transaction_state</c>).
/// </summary>
public sealed record ExporterNaming
{
    /// <summary>The matchers every selector adds, so that the all-topics series and internal topics stay out.</summary>
    public const string UserTopics = "topic!=\"\",topic!~\"__.*\"";

    public required string Key { get; init; }

    public required string Label { get; init; }

    /// <summary>The metric whose presence in the source picks this naming when the user leaves it to us.</summary>
    public required string Probe { get; init; }

    /// <summary>Bytes produced per topic, a counter per broker; null where the exporter has none.</summary>
    public required string? BytesIn { get; init; }

    /// <summary>Bytes fetched by consumers per topic (followers' fetches are counted apart by Kafka); null where none.</summary>
    public required string? BytesOut { get; init; }

    /// <summary>Messages produced per topic, a counter (or an offset that only grows).</summary>
    public required string MessagesIn { get; init; }

    /// <summary>An instant query giving, by topic, the number of partitions.</summary>
    public required string Partitions { get; init; }

    /// <summary>An instant query giving, by topic, its replication factor.</summary>
    public required string ReplicationFactor { get; init; }

    /// <summary>Bytes on disk per partition replica (Kafka's Log Size gauge); null where the exporter has none.</summary>
    public required string? LogSize { get; init; }

    /// <summary>
    /// The Prometheus JMX exporter with its Kafka example rules (example_configs/kafka-2_0_0.yml): a broker's
    /// BrokerTopicMetrics counters become <c>kafka_server_brokertopicmetrics_*_total</c>, Partition gauges
    /// <c>kafka_cluster_partition_*</c> and Log gauges <c>kafka_log_log_*</c>. ReplicasCount is the replication factor on the leader and 0 on followers
    /// (Kafka's Partition.scala), so counting the non-zero ones counts partitions once.
    /// </summary>
    public static readonly ExporterNaming Jmx = new()
    {
        Key = "jmx",
        Label = "Prometheus JMX exporter (Kafka rules)",
        Probe = "kafka_server_brokertopicmetrics_bytesin_total",
        BytesIn = $"kafka_server_brokertopicmetrics_bytesin_total{{{UserTopics}}}",
        BytesOut = $"kafka_server_brokertopicmetrics_bytesout_total{{{UserTopics}}}",
        MessagesIn = $"kafka_server_brokertopicmetrics_messagesin_total{{{UserTopics}}}",
        Partitions = $"count by (topic) (kafka_cluster_partition_replicascount{{{UserTopics}}} > 0)",
        ReplicationFactor = $"max by (topic) (kafka_cluster_partition_replicascount{{{UserTopics}}})",
        LogSize = $"kafka_log_log_size{{{UserTopics}}}",
    };

    /// <summary>
    /// Amazon MSK open monitoring (port 11001): the JMX exporter with the MBean's name as a label, so bytes in are
    /// <c>kafka_server_BrokerTopicMetrics_Count{name="BytesInPerSec"}</c>, partitions <c>kafka_cluster_Partition_Value</c>
    /// and log sizes <c>kafka_log_Log_Value{name="Size"}</c> (as Cruise Control's DefaultPrometheusQuerySupplier reads them).
    /// </summary>
    public static readonly ExporterNaming Msk = new()
    {
        Key = "msk",
        Label = "Amazon MSK open monitoring",
        Probe = "kafka_server_BrokerTopicMetrics_Count",
        BytesIn = $"kafka_server_BrokerTopicMetrics_Count{{name=\"BytesInPerSec\",{UserTopics}}}",
        BytesOut = $"kafka_server_BrokerTopicMetrics_Count{{name=\"BytesOutPerSec\",{UserTopics}}}",
        MessagesIn = $"kafka_server_BrokerTopicMetrics_Count{{name=\"MessagesInPerSec\",{UserTopics}}}",
        Partitions = $"count by (topic) (kafka_cluster_Partition_Value{{name=\"ReplicasCount\",{UserTopics}}} > 0)",
        ReplicationFactor = $"max by (topic) (kafka_cluster_Partition_Value{{name=\"ReplicasCount\",{UserTopics}}})",
        LogSize = $"kafka_log_Log_Value{{name=\"Size\",{UserTopics}}}",
    };

    /// <summary>
    /// kafka_exporter (danielqsj): offsets, partitions and replicas per partition, and no bytes, so the message size
    /// is asked for. Messages per second are the growth of the partitions' newest offsets.
    /// </summary>
    public static readonly ExporterNaming KafkaExporter = new()
    {
        Key = "kafka-exporter",
        Label = "kafka_exporter",
        Probe = "kafka_topic_partition_current_offset",
        BytesIn = null,
        BytesOut = null,
        MessagesIn = $"kafka_topic_partition_current_offset{{{UserTopics}}}",
        Partitions = $"max by (topic) (kafka_topic_partitions{{{UserTopics}}})",
        ReplicationFactor = $"max by (topic) (kafka_topic_partition_replicas{{{UserTopics}}})",
        LogSize = null,
    };

    /// <summary>In the order <c>auto</c> tries them: the exporters with bytes first.</summary>
    public static IReadOnlyList<ExporterNaming> All { get; } = [Jmx, Msk, KafkaExporter];

    public static ExporterNaming? Find(string key) => All.FirstOrDefault(n => n.Key == key);
}
