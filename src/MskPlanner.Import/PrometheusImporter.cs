using System.Globalization;

using Microsoft.Extensions.Options;

using MskPlanner.Sizing;

using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MskPlanner.Import;

/// <summary>
/// Reads a running cluster's traffic from Prometheus and describes it as the planner's streams: per topic (or group of
/// topics), its mean rate and the peak of its per-step rates, its size per message, its consumers' fan-out and its
/// partitions. Prometheus works out the statistics over the window, so an answer is one value per topic however long
/// the window. Only the peak needs the per-step rates (a subquery); a mean is a counter's increase over the time the
/// topic had data, which reads each sample once and keeps a week of 500 topics under 3 s.
/// </summary>
public sealed class PrometheusImporter(PrometheusClient client, IOptions<PrometheusImportOptions> options, TimeProvider time)
{
    public Task<ImportResult> ImportAsync(PrometheusTarget target, ImportWindow window, CancellationToken cancellationToken) =>
        WithinDeadlineAsync(target, token => ImportWithinAsync(target, window, token), cancellationToken);

    /// <summary>Runs every query of one import under one deadline, and says in the user's words how the server failed it.</summary>
    private async Task<T> WithinDeadlineAsync<T>(PrometheusTarget target, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var timeout = options.Value.Timeout;
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await work(linked.Token);
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

    /// <summary>
    /// The cluster's traffic as a whole, to hold a plan against: all user topics summed before the statistics, so the
    /// peak is the cluster's own, not a sum of topics' peaks. Null, with the reason, when the metrics have no bytes.
    /// </summary>
    public Task<(ClusterTraffic? Traffic, string? Missing)> MeasureClusterAsync(PrometheusTarget target, ImportWindow window, CancellationToken cancellationToken) =>
        WithinDeadlineAsync(target, token => MeasureClusterWithinAsync(target, window, token), cancellationToken);

    private async Task<(ClusterTraffic? Traffic, string? Missing)> MeasureClusterWithinAsync(PrometheusTarget target, ImportWindow window, CancellationToken cancellationToken)
    {
        var (end, naming) = await StartAsync(target, window, cancellationToken);
        if (naming?.BytesIn is not { } bytesIn || naming.BytesOut is not { } bytesOut)
        {
            return (null, naming is null
                ? NoKafkaMetrics(target) + "."
                : $"{naming.Label} has no bytes per topic; checking a plan needs the JMX exporter's or MSK open monitoring's metrics.");
        }

        var step = (int)window.Step.TotalSeconds;
        var windowText = WindowText(target, window, end);
        var queries = new Queries(window, Queries.WholeCluster);
        var figures = new List<ImportedFigure>();
        var avgIn = One(queries.Mean(bytesIn));
        var peakIn = One(queries.Peak(bytesIn));
        var avgOut = One(queries.Mean(bytesOut));
        var peakOut = One(queries.Peak(bytesOut));
        var partitions = One($"sum({naming.Partitions})");
        var topics = One($"count({naming.Partitions})");
        var onDisk = naming.LogSize is { } logSize ? One($"sum({logSize})") : Task.FromResult<(string Query, double? Value)>(("", null));
        await Task.WhenAll(avgIn, peakIn, avgOut, peakOut, partitions, topics, onDisk);

        double MiBps(string key, (string Query, double? Value) measured, string statistic)
        {
            var value = Math.Round((measured.Value ?? 0) / Bytes.PerMiB, 3);
            figures.Add(new(key, value, statistic, $"{measured.Query} — {windowText}"));
            return value;
        }

        var traffic = new ClusterTraffic(
            MiBps(InputCatalog.AvgDataIn.Key, await avgIn, "mean rate of all user topics"),
            MiBps(InputCatalog.PeakDataIn.Key, await peakIn, $"{window.Peak.Description} of the cluster's {step} s rates"),
            MiBps(InputCatalog.AvgDataOut.Key, await avgOut, "mean rate of all user topics"),
            MiBps(InputCatalog.PeakDataOut.Key, await peakOut, $"{window.Peak.Description} of the cluster's {step} s rates"),
            (await partitions).Value is { } count ? (int)count : null,
            figures,
            Summary(target, window, end, naming, (int)((await topics).Value ?? 0)),
            (await onDisk).Value is { } bytes ? Math.Round(bytes / Bytes.PerGiB, 3) : null);
        if (traffic.LeaderPartitions is { } leaders)
        {
            figures.Add(new(InputCatalog.LeaderPartitions.Key, leaders, "partitions of all user topics at the window's end", $"{(await partitions).Query} — {windowText}"));
        }

        if (traffic.DiskUsedGiB is { } used)
        {
            figures.Add(new(ClusterTraffic.DiskUsedKey, used, "GiB on disk, every replica of every user topic, at the window's end", $"{(await onDisk).Query} — {windowText}"));
        }

        return (traffic, null);

        async Task<(string Query, double? Value)> One(string promql) => (promql, await client.QueryOneAsync(target, promql, end, cancellationToken));
    }

    private async Task<ImportResult> ImportWithinAsync(PrometheusTarget target, ImportWindow window, CancellationToken cancellationToken)
    {
        var (end, naming) = await StartAsync(target, window, cancellationToken);
        var warnings = new List<string>();
        if (naming is null)
        {
            warnings.Add(NoKafkaMetrics(target) + "; choose the naming if your exporter renames them.");
            return Empty(target, window, end, warnings);
        }

        var step = (int)window.Step.TotalSeconds;
        var windowText = WindowText(target, window, end);
        var queries = new Queries(window, Queries.ByTopic);
        var messagesMean = Measure(queries.Mean(naming.MessagesIn));
        var messagesPeak = Measure(queries.Peak(naming.MessagesIn));
        var samples = Measure(queries.Samples(naming.MessagesIn));
        var bytesInMean = naming.BytesIn is { } bytesIn ? Measure(queries.Mean(bytesIn)) : None();
        var bytesOutMean = naming.BytesOut is { } bytesOut ? Measure(queries.Mean(bytesOut)) : None();
        var partitions = Measure(naming.Partitions);
        var replication = Measure(naming.ReplicationFactor);
        await Task.WhenAll(messagesMean, messagesPeak, samples, bytesInMean, bytesOutMean, partitions, replication);

        // A topic created, or first scraped, within the window has fewer samples than one that ran throughout: its
        // mean is over the share of the window it had data, judged against the topic with the most samples.
        var counts = (await samples).Measurements.ToDictionary(v => v.Topic, v => v.Value, StringComparer.Ordinal);
        var most = counts.Count > 0 ? counts.Values.Max() : 0;
        double Share(string topic) => most > 0 && counts.TryGetValue(topic, out var count) && count > 0 ? count / most : 1;

        var topics = (await messagesMean).Measurements.ToDictionary(v => v.Topic, v => new TopicTraffic(v.Topic) { MessagesMean = v.Value / Share(v.Topic) }, StringComparer.Ordinal);
        Fill(topics, await messagesPeak, (t, v) => t.MessagesPeak = v);
        Fill(topics, await bytesInMean, (t, v) => t.BytesInMean = v / Share(t.Topic));
        Fill(topics, await bytesOutMean, (t, v) => t.BytesOutMean = v / Share(t.Topic));
        Fill(topics, await partitions, (t, v) => t.Partitions = v);
        Fill(topics, await replication, (t, v) => t.ReplicationFactor = v);

        var figures = new List<ImportedFigure>();
        var sources = new TrafficSources(
            windowText, "mean rate: the counter's increase over the seconds of the window the topic had data (its samples against the most complete topic's)",
            $"{window.Peak.Description} of {step} s rates", $"{(await messagesMean).Query}, with {(await samples).Query}", (await messagesPeak).Query,
            (await bytesInMean).Query, (await bytesOutMean).Query, $"{(await partitions).Query} at the window's end", "");
        var streams = TopicStreams.From(topics.Values, window.GroupBy, sources, figures, warnings);
        if (streams.Count == 0)
        {
            warnings.Add($"Prometheus at {target} has no topic with traffic in the window ({windowText}).");
            return Empty(target, window, end, warnings, naming);
        }

        var busy = topics.Values.Where(t => t.MessagesMean >= TopicStreams.IdleMessagesPerSecond).ToList();
        var replicationFactor = TopicStreams.ReplicationFactor(busy.Select(t => t.ReplicationFactor), $"{(await replication).Query} — {windowText}", figures, warnings);
        var request = new SizingRequest { Streams = streams, ReplicationFactor = replicationFactor };
        return new(request, figures, warnings, Summary(target, window, end, naming, busy.Count));

        Task<Measured> Measure(string promql) => MeasureAsync(target, promql, end, cancellationToken);
    }

    /// <summary>The moment the window ends (now, to the second) and the naming: the one asked for, or the one the server's metrics show.</summary>
    private async Task<(DateTimeOffset End, ExporterNaming? Naming)> StartAsync(PrometheusTarget target, ImportWindow window, CancellationToken cancellationToken)
    {
        var end = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        return (end, window.Naming ?? await DetectAsync(target, end, cancellationToken));
    }

    private static string NoKafkaMetrics(PrometheusTarget target) =>
        $"Prometheus at {target} has none of the Kafka metrics we read ({string.Join(", ", ExporterNaming.All.Select(n => n.Probe))})";

    private static string WindowText(PrometheusTarget target, ImportWindow window, DateTimeOffset end) =>
        $"{window.Length.TotalDays:0.##} days to {end:yyyy-MM-dd HH:mm} UTC, {(int)window.Step.TotalSeconds} s rates, {target}";

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

    private static ImportSummary Summary(PrometheusTarget target, ImportWindow window, DateTimeOffset end, ExporterNaming? naming, int topics) =>
        new(target.Label, naming?.Key ?? "none", end - window.Length, end, (int)window.Step.TotalSeconds, topics);

    private static ImportResult Empty(PrometheusTarget target, ImportWindow window, DateTimeOffset end, List<string> warnings, ExporterNaming? naming = null) =>
        new(new SizingRequest(), [], warnings, Summary(target, window, end, naming, 0));

    /// <summary>
    /// The queries of one import, summed by topic or over the whole cluster: a counter's mean rate over the window, the
    /// peak of its per-step rates, and (by topic) its samples.
    /// </summary>
    private sealed class Queries(ImportWindow window, string sum)
    {
        public const string ByTopic = "sum by (topic)";
        public const string WholeCluster = "sum";

        private readonly string _step = Seconds(window.Step);
        private readonly string _length = Seconds(window.Length);

        /// <summary>Increase over the whole window's seconds; by topic, <see cref="Samples"/> corrects it for a topic that had data for part of it.</summary>
        public string Mean(string counter) => $"{sum} (increase({counter}[{_length}])) / {(long)window.Length.TotalSeconds}";

        public string Samples(string counter) => $"max by (topic) (count_over_time({counter}[{_length}]))";

        public string Peak(string counter) => window.Peak.OverTime($"({sum} (rate({counter}[{_step}])))[{_length}:{_step}]");

        private static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
    }

    private sealed record Measured(string Query, IReadOnlyList<TopicValue> Measurements);
}
