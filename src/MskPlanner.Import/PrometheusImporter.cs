using System.Globalization;

using Microsoft.Extensions.Options;

using MskPlanner.Sizing;

using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MskPlanner.Import;

/// <summary>
/// Reads a running cluster's traffic from Prometheus and describes it as the planner's streams: per topic (or group of
/// topics), the mean and peak of its per-step rates, its size per message, its consumers' fan-out and its partitions.
/// Prometheus works out the statistics over the window (subqueries), so an answer is one value per topic however long the window.
/// </summary>
public sealed class PrometheusImporter(PrometheusClient client, IOptions<PrometheusImportOptions> options, TimeProvider time)
{
    /// <summary>Below this many messages per second a topic is idle in the window and is left out (a stream needs at least 0.001).</summary>
    private const double IdleMessagesPerSecond = 0.001;

    public async Task<ImportResult> ImportAsync(PrometheusTarget target, ImportWindow window, CancellationToken cancellationToken)
    {
        var timeout = options.Value.Timeout;
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await ImportWithinAsync(target, window, linked.Token);
        }
        catch (Exception e) when (e is TimeoutRejectedException || (e is OperationCanceledException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            throw new PrometheusQueryException($"Prometheus at {target} did not answer within {timeout.TotalSeconds:0.#} s.", e);
        }
        catch (BrokenCircuitException e)
        {
            throw new PrometheusQueryException($"Prometheus at {target} failed several times in a row; the app waits {ImportServiceCollectionExtensions.BreakDuration.TotalSeconds:0} s before asking it again.", e);
        }
    }

    private async Task<ImportResult> ImportWithinAsync(PrometheusTarget target, ImportWindow window, CancellationToken cancellationToken)
    {
        var end = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var naming = window.Naming ?? await DetectAsync(target, end, cancellationToken);
        var warnings = new List<string>();
        if (naming is null)
        {
            warnings.Add($"Prometheus at {target} has none of the Kafka metrics we read ({string.Join(", ", ExporterNaming.All.Select(n => n.Probe))}); choose the naming if your exporter renames them.");
            return Empty(target, window, end, warnings);
        }

        var step = (int)window.Step.TotalSeconds;
        var windowText = $"{window.Length.TotalDays:0.##} days to {end:yyyy-MM-dd HH:mm} UTC, {step} s rates, {target}";
        var queries = new Queries(naming, window);
        var messagesMean = Measure(queries.Mean(naming.MessagesIn));
        var messagesPeak = Measure(queries.Peak(naming.MessagesIn));
        var bytesInMean = naming.BytesIn is { } bytesIn ? Measure(queries.Mean(bytesIn)) : None();
        var bytesOutMean = naming.BytesOut is { } bytesOut ? Measure(queries.Mean(bytesOut)) : None();
        var partitions = Measure(naming.Partitions);
        var replication = Measure(naming.ReplicationFactor);
        await Task.WhenAll(messagesMean, messagesPeak, bytesInMean, bytesOutMean, partitions, replication);

        var topics = (await messagesMean).Measurements.ToDictionary(v => v.Topic, v => new TopicTraffic(v.Topic) { MessagesMean = v.Value }, StringComparer.Ordinal);
        Fill(topics, await messagesPeak, (t, v) => t.MessagesPeak = v);
        Fill(topics, await bytesInMean, (t, v) => t.BytesInMean = v);
        Fill(topics, await bytesOutMean, (t, v) => t.BytesOutMean = v);
        Fill(topics, await partitions, (t, v) => t.Partitions = v);
        Fill(topics, await replication, (t, v) => t.ReplicationFactor = v);

        var idle = topics.Values.Where(t => t.MessagesMean < IdleMessagesPerSecond).ToList();
        if (idle.Count > 0)
        {
            warnings.Add($"{idle.Count} topic(s) had no traffic in the window and are left out: {Names(idle)}.");
        }

        var busy = topics.Values.Where(t => t.MessagesMean >= IdleMessagesPerSecond).ToList();
        if (busy.Count == 0)
        {
            warnings.Add($"Prometheus at {target} has no topic with traffic in the window ({windowText}).");
            return Empty(target, window, end, warnings, naming);
        }

        var groups = Group(busy, window.GroupBy, warnings);
        var (messagesMeanQuery, messagesPeakQuery) = ((await messagesMean).Query, (await messagesPeak).Query);
        var figures = new List<ImportedFigure>();
        var streams = new List<StreamRequest>();
        foreach (var group in groups)
        {
            var index = streams.Count;
            var many = group.Topics.Count > 1 ? $"sum over {group.Topics.Count} topics of " : "";
            var messages = Round(group.Sum(t => t.MessagesMean));
            var peak = Math.Max(messages, Round(group.Sum(t => t.MessagesPeak ?? t.MessagesMean)));
            Add(figures, index, StreamInputs.MessagesPerSecond.Key, messages, $"{many}mean of {step} s rates", messagesMeanQuery, windowText);
            Add(figures, index, StreamInputs.PeakMessagesPerSecond.Key, peak,
                $"{many}{window.Peak.Description} of {step} s rates" + (many.Length > 0 ? " (a sum of peaks: at least the group's own peak)" : ""), messagesPeakQuery, windowText);

            double? messageBytes = null;
            int? consumerGroups = null;
            if (group.Topics.All(t => t.BytesInMean is not null))
            {
                var bytes = group.Sum(t => t.BytesInMean!.Value);
                messageBytes = Math.Max(1, Math.Round(bytes / group.Sum(t => t.MessagesMean), 1));
                Add(figures, index, StreamInputs.MessageBytes.Key, messageBytes.Value, "mean bytes in ÷ mean messages in: the size as stored, after any producer compression",
                    $"{(await bytesInMean).Query} and {messagesMeanQuery}", windowText);
                if (group.Topics.All(t => t.BytesOutMean is not null))
                {
                    var fanOut = group.Sum(t => t.BytesOutMean!.Value) / bytes;
                    consumerGroups = Math.Clamp((int)Math.Round(fanOut), 1, Workload.MaxConsumerGroups);
                    Add(figures, index, StreamInputs.ConsumerGroups.Key, consumerGroups.Value, $"mean bytes out ÷ mean bytes in ({fanOut:0.##}), rounded, at least 1",
                        $"{(await bytesOutMean).Query} and {(await bytesInMean).Query}", windowText);
                }
            }

            int? leaderPartitions = null;
            if (group.Topics.All(t => t.Partitions is not null))
            {
                leaderPartitions = (int)Math.Clamp(group.Sum(t => t.Partitions!.Value), 1, Workload.MaxLeaderPartitions);
                Add(figures, index, StreamInputs.Partitions.Key, leaderPartitions.Value, $"{many}partitions at the window's end", (await partitions).Query, windowText);
            }

            streams.Add(new StreamRequest
            {
                Name = group.Name,
                MessagesPerSecond = messages,
                PeakMessagesPerSecond = peak,
                MessageBytes = messageBytes,
                Compression = messageBytes is null ? null : "none",
                ConsumerGroups = consumerGroups,
                Partitions = leaderPartitions,
            });
        }

        if (naming.BytesIn is null)
        {
            warnings.Add($"{naming.Label} has no bytes per topic: give each stream its average message size, and its consumer groups.");
        }
        else
        {
            warnings.Add("Message sizes are as stored, after any producer compression, so each stream's compression is none; set the codec and ratio to model producers' compression yourself.");
        }

        warnings.Add("Retention is not in these metrics: every stream takes the plan's retention until you set its own.");
        var factors = busy.Where(t => t.ReplicationFactor is > 0).Select(t => (int)Math.Round(t.ReplicationFactor!.Value)).Distinct().Order().ToList();
        int? replicationFactor = null;
        if (factors.Count > 0)
        {
            replicationFactor = factors[^1];
            figures.Add(new(InputCatalog.ReplicationFactor.Key, replicationFactor.Value, "the largest replication factor of the topics", (await replication).Query + " — " + windowText));
            if (factors.Count > 1)
            {
                warnings.Add($"The topics' replication factors differ ({string.Join(", ", factors)}); the plan uses the largest, {replicationFactor}.");
            }
        }
        else
        {
            warnings.Add("The replication factor is not in these metrics: the plan takes its default until you set it.");
        }

        var request = new SizingRequest { Streams = streams, ReplicationFactor = replicationFactor };
        return new(request, figures, warnings, Summary(target, window, end, naming, busy.Count));

        Task<Measured> Measure(string promql) => MeasureAsync(target, promql, end, cancellationToken);
    }

    private async Task<ExporterNaming?> DetectAsync(PrometheusTarget target, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var probes = string.Join("|", ExporterNaming.All.Select(n => n.Probe));
        var present = await client.NamesAsync(target, $"count by (__name__) ({{__name__=~\"{probes}\"}})", end, cancellationToken);
        return ExporterNaming.All.FirstOrDefault(n => present.Contains(n.Probe));
    }

    private async Task<Measured> MeasureAsync(PrometheusTarget target, string promql, DateTimeOffset end, CancellationToken cancellationToken) =>
        new(promql, await client.QueryByTopicAsync(target, promql, end, cancellationToken));

    private static Task<Measured> None() => Task.FromResult(new Measured("", []));

    private static void Fill(Dictionary<string, TopicTraffic> topics, Measured measured, Action<TopicTraffic, double> set)
    {
        foreach (var (topic, value) in measured.Measurements)
        {
            if (topics.TryGetValue(topic, out var traffic))
            {
                set(traffic, value);
            }
        }
    }

    /// <summary>
    /// The streams: a topic each, or a group per prefix; past the builder's limit the largest keep a stream of their
    /// own and the rest share one.
    /// </summary>
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

    /// <summary>A topic name as a stream's name: Kafka's own names fit, and what a hostile server sends is cut to fit.</summary>
    private static string StreamName(string topic)
    {
        var name = new string([.. topic.Where(c => !char.IsControl(c))]).Trim();
        name = name.Length > Workload.NameMaxLength ? name[..(Workload.NameMaxLength - 1)] + "…" : name;
        return name.Length == 0 ? "unnamed topic" : name;
    }

    private static string Names(List<TopicTraffic> topics) =>
        string.Join(", ", topics.Take(5).Select(t => StreamName(t.Topic))) + (topics.Count > 5 ? $" and {topics.Count - 5} more" : "");

    private static double Round(double messagesPerSecond) => Math.Round(messagesPerSecond, 3);

    private static void Add(List<ImportedFigure> figures, int index, string key, double value, string statistic, string query, string window) =>
        figures.Add(new(StreamInputs.KeyAt(index, key), value, statistic, $"{query} — {window}"));

    private static ImportSummary Summary(PrometheusTarget target, ImportWindow window, DateTimeOffset end, ExporterNaming? naming, int topics) =>
        new(target.Label, naming?.Key ?? "none", end - window.Length, end, (int)window.Step.TotalSeconds, topics);

    private static ImportResult Empty(PrometheusTarget target, ImportWindow window, DateTimeOffset end, List<string> warnings, ExporterNaming? naming = null) =>
        new(new SizingRequest(), [], warnings, Summary(target, window, end, naming, 0));

    /// <summary>The queries of one import: the per-step rate of a counter by topic, and its mean and peak over the window.</summary>
    private sealed class Queries(ExporterNaming naming, ImportWindow window)
    {
        private readonly string _step = Seconds(window.Step);
        private readonly string _length = Seconds(window.Length);

        public ExporterNaming Naming { get; } = naming;

        public string Mean(string counter) => $"avg_over_time({Range(counter)})";

        public string Peak(string counter) => window.Peak.OverTime(Range(counter));

        private string Range(string counter) => $"(sum by (topic) (rate({counter}[{_step}])))[{_length}:{_step}]";

        private static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
    }

    private sealed record Measured(string Query, IReadOnlyList<TopicValue> Measurements);

    private sealed class TopicTraffic(string topic)
    {
        public string Topic { get; } = topic;
        public double MessagesMean { get; init; }
        public double? MessagesPeak { get; set; }
        public double? BytesInMean { get; set; }
        public double? BytesOutMean { get; set; }
        public double? Partitions { get; set; }
        public double? ReplicationFactor { get; set; }
    }

    private sealed record TopicGroup(string Name, List<TopicTraffic> Topics)
    {
        public double Sum(Func<TopicTraffic, double> value) => Topics.Sum(value);
    }
}
