using MskPlanner.Sizing;

namespace MskPlanner.Import;

/// <summary>One topic's measured traffic, and what else was measured of it; null where its source does not say.</summary>
public sealed class TopicTraffic(string topic)
{
    public string Topic { get; } = topic;

    public double MessagesMean { get; set; }

    public double? MessagesPeak { get; set; }

    public double? BytesInMean { get; set; }

    public double? BytesOutMean { get; set; }

    public double? Partitions { get; set; }

    public double? ReplicationFactor { get; set; }

    public double? RetentionHours { get; set; }
}

/// <summary>Where each measured quantity came from (a query or a file) and over which window, as the figures name it.</summary>
public sealed record TrafficSources(
    string Window, string MeanStatistic, string PeakStatistic, string MessagesMean, string MessagesPeak, string BytesIn, string BytesOut, string Partitions, string Retention);

/// <summary>
/// Measured topics as the planner's streams, whatever measured them: a topic each, or a group per prefix; past the
/// builder's limit the busiest keep a stream of their own and the rest share one. Every value goes with a figure
/// that says how it was worked out and from what.
/// </summary>
public static class TopicStreams
{
    /// <summary>Below this many messages per second a topic is idle in the window and is left out (a stream needs at least 0.001).</summary>
    public const double IdleMessagesPerSecond = 0.001;

    public static List<StreamRequest> From(IEnumerable<TopicTraffic> topics, string? groupBy, TrafficSources sources, List<ImportedFigure> figures, List<string> warnings)
    {
        var all = topics.ToList();
        var idle = all.Where(t => t.MessagesMean < IdleMessagesPerSecond).ToList();
        if (idle.Count > 0)
        {
            warnings.Add($"{idle.Count} topic(s) had no traffic in the window and are left out: {Names([.. idle.Select(t => t.Topic)])}.");
        }

        var streams = new List<StreamRequest>();
        foreach (var group in Group([.. all.Except(idle)], groupBy, warnings))
        {
            var index = streams.Count;
            var many = group.Topics.Count > 1 ? $"sum over {group.Topics.Count} topics of " : "";
            var messages = Round(group.Sum(t => t.MessagesMean));
            var peak = Math.Max(messages, Round(group.Sum(t => t.MessagesPeak ?? t.MessagesMean)));
            Add(StreamInputs.MessagesPerSecond, messages, $"{many}{sources.MeanStatistic}", sources.MessagesMean);
            Add(StreamInputs.PeakMessagesPerSecond, peak,
                $"{many}{sources.PeakStatistic}" + (many.Length > 0 ? " (a sum of peaks: at least the group's own peak)" : ""), sources.MessagesPeak);

            double? messageBytes = null;
            int? consumerGroups = null;
            if (group.Topics.All(t => t.BytesInMean is not null))
            {
                var bytes = group.Sum(t => t.BytesInMean!.Value);
                messageBytes = Math.Max(1, Math.Round(bytes / group.Sum(t => t.MessagesMean), 1));
                Add(StreamInputs.MessageBytes, messageBytes.Value, "mean bytes in ÷ mean messages in: the size as stored, after any producer compression",
                    $"{sources.BytesIn} and {sources.MessagesMean}");
                if (group.Topics.All(t => t.BytesOutMean is not null))
                {
                    var fanOut = group.Sum(t => t.BytesOutMean!.Value) / bytes;
                    consumerGroups = Math.Clamp((int)Math.Round(fanOut), 1, Workload.MaxConsumerGroups);
                    Add(StreamInputs.ConsumerGroups, consumerGroups.Value, $"mean bytes out ÷ mean bytes in ({fanOut:0.##}), rounded, at least 1",
                        $"{sources.BytesOut} and {sources.BytesIn}");
                }
            }

            int? partitions = null;
            if (group.Topics.All(t => t.Partitions is not null))
            {
                partitions = (int)Math.Clamp(group.Sum(t => t.Partitions!.Value), 1, Workload.MaxLeaderPartitions);
                Add(StreamInputs.Partitions, partitions.Value, $"{many}partitions", sources.Partitions);
            }

            double? retention = null;
            if (group.Topics.All(t => t.RetentionHours is not null))
            {
                retention = group.Topics.Max(t => t.RetentionHours!.Value);
                Add(StreamInputs.RetentionHours, retention.Value, group.Topics.Count > 1 ? "the longest retention.ms of the topics" : "retention.ms", sources.Retention);
            }

            streams.Add(new StreamRequest
            {
                Name = group.Name,
                MessagesPerSecond = messages,
                PeakMessagesPerSecond = peak,
                MessageBytes = messageBytes,
                Compression = messageBytes is null ? null : "none",
                ConsumerGroups = consumerGroups,
                Partitions = partitions,
                RetentionHours = retention,
            });

            void Add(FieldOf<StreamRequest> field, double value, string statistic, string source) =>
                figures.Add(new(StreamInputs.KeyAt(index, field.Key), value, statistic, $"{source} — {sources.Window}"));
        }

        if (streams.Count > 0)
        {
            warnings.Add(streams.All(s => s.MessageBytes is not null)
                ? "Message sizes are as stored, after any producer compression, so each stream's compression is none; set the codec and ratio to model producers' compression yourself."
                : "These measurements have no bytes per topic: give each stream its average message size, and its consumer groups.");
            if (streams.Any(s => s.RetentionHours is null))
            {
                warnings.Add("Retention is not in these measurements: a stream without its own takes the plan's retention until you set it.");
            }
        }

        return streams;
    }

    /// <summary>The plan's replication factor: the largest of the topics', said to be so when they differ; null when none is known.</summary>
    public static int? ReplicationFactor(IEnumerable<double?> factors, string source, List<ImportedFigure> figures, List<string> warnings)
    {
        var known = factors.Where(f => f is > 0).Select(f => (int)Math.Round(f!.Value)).Distinct().Order().ToList();
        if (known.Count == 0)
        {
            warnings.Add("The replication factor is not in these measurements: the plan takes its default until you set it.");
            return null;
        }

        figures.Add(new(InputCatalog.ReplicationFactor.Key, known[^1], "the largest replication factor of the topics", source));
        if (known.Count > 1)
        {
            warnings.Add($"The topics' replication factors differ ({string.Join(", ", known)}); the plan uses the largest, {known[^1]}.");
        }

        return known[^1];
    }

    public static string Names(List<string> names) =>
        string.Join(", ", names.Take(5).Select(StreamName)) + (names.Count > 5 ? $" and {names.Count - 5} more" : "");

    private static List<TopicGroup> Group(List<TopicTraffic> topics, string? delimiter, List<string> warnings)
    {
        var groups = topics
            .GroupBy(t => delimiter is not null && t.Topic.IndexOf(delimiter, StringComparison.Ordinal) is > 0 and var at ? t.Topic[..at] : t.Topic, StringComparer.Ordinal)
            .Select(g => new TopicGroup(StreamName(g.Key), [.. g]))
            .OrderByDescending(g => g.Sum(t => t.BytesInMean ?? t.MessagesMean))
            .ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
        if (groups.Count <= Workload.MaxStreams)
        {
            return groups;
        }

        var kept = groups.Take(Workload.MaxStreams - 1).ToList();
        var rest = groups.Skip(Workload.MaxStreams - 1).ToList();
        var merged = rest.SelectMany(g => g.Topics).ToList();
        kept.Add(new TopicGroup(StreamName($"{merged.Count} other topics"), merged));
        warnings.Add($"{groups.Count} streams are more than the {Workload.MaxStreams} a plan holds: the {Workload.MaxStreams - 1} busiest keep their own and the other {rest.Count} share the stream \"{kept[^1].Name}\". Group topics by a prefix to choose how.");
        return kept;
    }

    /// <summary>A topic name as a stream's name: Kafka's own names fit, and what a hostile source sends is cut to fit.</summary>
    private static string StreamName(string topic)
    {
        var name = new string([.. topic.Where(c => !char.IsControl(c))]).Trim();
        name = name.Length > Workload.NameMaxLength ? name[..(Workload.NameMaxLength - 1)] + "…" : name;
        return name.Length == 0 ? "unnamed topic" : name;
    }

    private static double Round(double messagesPerSecond) => Math.Round(messagesPerSecond, 3);

    private sealed record TopicGroup(string Name, List<TopicTraffic> Topics)
    {
        public double Sum(Func<TopicTraffic, double> value) => Topics.Sum(value);
    }
}
