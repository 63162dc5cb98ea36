using System.Globalization;
using System.Text.Json;

using MskPlanner.Sizing;

namespace MskPlanner.Import;

/// <summary>A file we cannot read, with where: the line of a text file or the JSON path.</summary>
public sealed class ImportFileException(string part, string where, string message) : Exception(message)
{
    public string Part { get; } = part;

    public string Where { get; } = where;
}

/// <summary>One topic as <c>kafka-topics.sh --describe</c> prints its header line.</summary>
public sealed record DescribedTopic(string Name, int Partitions, int ReplicationFactor, long? RetentionMs, bool Compacted);

/// <summary>
/// Reads <c>kafka-topics.sh --describe</c>: a header line per topic (<c>Topic: orders	TopicId: …	PartitionCount: 12
/// ReplicationFactor: 3	Configs: cleanup.policy=delete,retention.ms=604800000</c>, tab-separated, "Key:value" before
/// Kafka 2.x) and a tab-indented line per partition. Configs lists only what differs from Kafka's defaults.
/// </summary>
public static class KafkaTopicsDescribe
{
    public const string Part = "kafkaTopics";

    public static IReadOnlyList<DescribedTopic> Parse(TextReader text)
    {
        var topics = new List<DescribedTopic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        while (text.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = Fields(line, number);
            if (!fields.TryGetValue("Topic", out var name) || name.Length == 0)
            {
                throw Malformed(number, "it is neither a topic nor a partition line of kafka-topics.sh --describe");
            }

            if (char.IsWhiteSpace(line[0]))
            {
                // A partition line: its topic's header came first and holds the counts.
                if (!fields.ContainsKey("Partition") || topics.Count == 0 || topics[^1].Name != name)
                {
                    throw Malformed(number, "a partition line must follow its topic's header line");
                }

                continue;
            }

            if (!seen.Add(name))
            {
                throw Malformed(number, $"topic {Echo.Clip(name)} is described a second time");
            }

            var configs = Configs(fields.GetValueOrDefault("Configs", ""));
            topics.Add(new DescribedTopic(
                name,
                Whole(fields, "PartitionCount", number),
                Whole(fields, "ReplicationFactor", number),
                configs.TryGetValue("retention.ms", out var retention) ? Retention(retention, number) : null,
                configs.TryGetValue("cleanup.policy", out var policy) && policy.Split(',').Contains("compact")));
        }

        return topics.Count > 0 ? topics : throw Malformed(Math.Max(number, 1), "the file has no topic lines (Topic: … PartitionCount: …)");
    }

    /// <summary>"Key: value" pairs separated by tabs; a value may hold colons (a topic id does not, a config may).</summary>
    private static Dictionary<string, string> Fields(string line, int number)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw Malformed(number, $"\"{Echo.Clip(token)}\" is not a \"Key: value\" field");
            }

            fields[token[..colon]] = token[(colon + 1)..].Trim();
        }

        return fields;
    }

    /// <summary>
    /// The Configs field: name=value pairs joined by commas, where a value may itself hold commas
    /// (<c>cleanup.policy=compact,delete</c>): a piece without "=" belongs to the value before it.
    /// </summary>
    private static Dictionary<string, string> Configs(string configs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? last = null;
        foreach (var piece in configs.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = piece.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                last = piece[..equals].Trim();
                result[last] = piece[(equals + 1)..].Trim();
            }
            else if (last is not null)
            {
                result[last] += "," + piece.Trim();
            }
        }

        return result;
    }

    private static int Whole(Dictionary<string, string> fields, string key, int number) =>
        fields.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw Malformed(number, $"{key} must be a whole number above 0");

    /// <summary>retention.ms in milliseconds; -1 keeps data for ever, which is null here and said apart.</summary>
    private static long? Retention(string text, int number) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms) && (ms > 0 || ms == -1)
            ? ms
            : throw Malformed(number, "retention.ms must be a positive number of milliseconds or -1");

    private static ImportFileException Malformed(int number, string why) => new(Part, $"line {number}", $"{Part}, line {number}: {why}.");

}

/// <summary>One partition replica's bytes in a broker's log directory.</summary>
public sealed record ReplicaOnDisk(int Broker, string Topic, int Partition, long Bytes);

/// <summary>What <c>kafka-log-dirs.sh --describe</c> said: every replica's size, and the directories that reported an error instead.</summary>
public sealed record LogDirsReport(IReadOnlyList<ReplicaOnDisk> Replicas, IReadOnlyList<string> OfflineDirs);

/// <summary>
/// Reads <c>kafka-log-dirs.sh --describe</c>: two lines of progress, then JSON
/// (<c>{"version":1,"brokers":[{"broker":1,"logDirs":[{"logDir":"/data","error":null,"partitions":[{"partition":"orders-0","size":123,"offsetLag":0,"isFuture":false}]}]}]}</c>).
/// A future replica (being moved between directories) is not counted twice.
/// </summary>
public static class KafkaLogDirs
{
    public const string Part = "kafkaLogDirs";

    private static readonly JsonFile Json = new(Part);

    public static LogDirsReport Parse(string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            throw new ImportFileException(Part, "$", $"{Part}: the file holds no JSON; give the whole output of kafka-log-dirs.sh --describe.");
        }

        var document = Json.Parse(text.AsMemory(start));
        using (document)
        {
            var replicas = new List<ReplicaOnDisk>();
            var offline = new List<string>();
            var brokers = Json.Array(document.RootElement, "brokers", "$");
            for (var b = 0; b < brokers.GetArrayLength(); b++)
            {
                var brokerPath = $"$.brokers[{b}]";
                var broker = Json.WholeNumber(brokers[b], "broker", brokerPath);
                var dirs = Json.Array(brokers[b], "logDirs", brokerPath);
                for (var d = 0; d < dirs.GetArrayLength(); d++)
                {
                    var dirPath = $"{brokerPath}.logDirs[{d}]";
                    var dir = dirs[d];
                    if (dir.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
                    {
                        var name = dir.TryGetProperty("logDir", out var logDir) && logDir.ValueKind == JsonValueKind.String ? logDir.GetString() : "?";
                        offline.Add($"broker {broker}, {Echo.Clip(name!, 80)}: {Echo.Clip(error.GetString()!, 80)}");
                        continue;
                    }

                    var partitions = Json.Array(dir, "partitions", dirPath);
                    for (var p = 0; p < partitions.GetArrayLength(); p++)
                    {
                        var path = $"{dirPath}.partitions[{p}]";
                        var partition = partitions[p];
                        if (partition.TryGetProperty("isFuture", out var future) && future.ValueKind == JsonValueKind.True)
                        {
                            continue;
                        }

                        var (topic, index) = TopicPartition(partition, path);
                        replicas.Add(new ReplicaOnDisk((int)broker, topic, index, Json.WholeNumber(partition, "size", path)));
                    }
                }
            }

            return new LogDirsReport(replicas, offline);
        }
    }

    /// <summary>"orders-eu-3" is partition 3 of orders-eu: a topic name may hold dashes, the number follows the last.</summary>
    private static (string Topic, int Partition) TopicPartition(JsonElement partition, string path)
    {
        if (partition.TryGetProperty("partition", out var name) && name.ValueKind == JsonValueKind.String
            && name.GetString() is { } text && text.LastIndexOf('-') is > 0 and var dash
            && int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return (text[..dash], index);
        }

        throw Json.Wrong($"{path}.partition", "must be a topic and partition such as \"orders-0\"");
    }

}
