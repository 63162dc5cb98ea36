using System.Globalization;
using System.Text.Json;

namespace MskPlanner.Import;

/// <summary>
/// A cluster as its CloudWatch metrics show it: data in, data out and messages in over time (brokers summed), each
/// broker's disk in use as it last reported it (percent of its volume), and each broker's CPU (user + system) over time.
/// </summary>
public sealed record CloudWatchCluster(
    MeasuredRate? BytesIn, MeasuredRate? BytesOut, MeasuredRate? MessagesIn, IReadOnlyDictionary<string, double> DiskUsedPercentByBroker, IReadOnlyList<MeasuredRate> CpuByBroker);

/// <summary>One topic's rate over time, summed over brokers, at the timestamps every broker's series has.</summary>
public sealed record MeasuredRate(string Metric, string Topic, IReadOnlyList<double> Values, DateTimeOffset From, DateTimeOffset To, int DroppedPoints)
{
    public double Mean => Values.Average();

    /// <summary>The q-quantile with linear interpolation between ranks, as Prometheus's quantile_over_time has it.</summary>
    public double Quantile(double q)
    {
        var sorted = Values.Order().ToArray();
        var rank = q * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }
}

/// <summary>
/// Reads the JSON of <c>aws cloudwatch get-metric-data</c> for an MSK cluster:
/// <c>{"MetricDataResults":[{"Id":"m1","Label":"BytesInPerSec orders","Timestamps":[…],"Values":[…],"StatusCode":"Complete"}]}</c>.
/// The answer does not repeat a query's dimensions, so each query is labelled with them: traffic as
/// "<c>MetricName Topic</c>" (<c>${PROP('MetricName')} ${PROP('Dim.Topic')}</c>), or the metric's name alone for a
/// broker's all-topics series, and a broker's disk and CPU as "<c>MetricName BrokerId</c>"
/// (<c>${PROP('MetricName')} ${PROP('Dim.Broker ID')}</c>). Results of one label, one per broker, are summed.
/// </summary>
public static class CloudWatchMetricData
{
    public const string Part = "cloudWatch";

    /// <summary>The MSK traffic metrics read, as AWS names them in AWS/Kafka: per broker, and per topic at PER_TOPIC_PER_BROKER.</summary>
    public static readonly string[] Metrics = ["MessagesInPerSec", "BytesInPerSec", "BytesOutPerSec"];

    /// <summary>A broker's disk, in percent of its data volume, at DEFAULT level (Standard brokers).</summary>
    public const string DiskUsed = "KafkaDataLogsDiskUsed";

    /// <summary>A broker's CPU in user and kernel space, percent, at DEFAULT level: MSK's advice holds their sum under 60%.</summary>
    public static readonly string[] Cpu = ["CpuUser", "CpuSystem"];

    private static readonly string[] Known = [.. Metrics, DiskUsed, .. Cpu];

    private static readonly JsonFile Json = new(Part);

    /// <summary>How a traffic figure is worked out from CloudWatch's series, as its figures say.</summary>
    public const string MeanStatistic = "mean of CloudWatch's averages per period, brokers summed";

    public const string PeakStatistic = "p99 of CloudWatch's averages per period, brokers summed";

    /// <summary>What the user should know of the times some broker had no value; null when none had a gap.</summary>
    public static string? GapsWarning(int droppedPoints) => droppedPoints > 0
        ? $"CloudWatch's series have {droppedPoints} point(s) where some broker had no value (gaps); those times are left out rather than summed low."
        : null;

    /// <summary>Each topic's traffic (or "all topics" for a broker's series), brokers summed.</summary>
    public static IReadOnlyList<MeasuredRate> Parse(string json, List<string> warnings) =>
        [.. Read(json, warnings)
            .Where(s => Metrics.Contains(s.Metric, StringComparer.Ordinal))
            .GroupBy(s => (s.Metric, Topic: s.Detail.Length > 0 ? s.Detail : AllTopics))
            .Select(g => Summed(g.Key.Metric, g.Key.Topic, [.. g.Select(s => s.Points)]))
            .OfType<MeasuredRate>()];

    /// <summary>
    /// The cluster as a whole: each traffic metric summed over brokers (their all-topics series where the file has
    /// them, else every topic's), the disk each broker last reported, and the busiest broker's CPU over time.
    /// </summary>
    public static CloudWatchCluster ParseCluster(string json, List<string> warnings)
    {
        var series = Read(json, warnings);
        MeasuredRate? Traffic(string metric)
        {
            var all = series.Where(s => s.Metric == metric).ToList();
            var brokers = all.Where(s => s.Detail.Length == 0).ToList();
            return Summed(metric, AllTopics, [.. (brokers.Count > 0 ? brokers : all).Select(s => s.Points)]);
        }

        var disks = series.Where(s => s.Metric == DiskUsed && s.Points.Count > 0)
            .GroupBy(s => s.Detail, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(s => s.Points).MaxBy(p => p.Key).Value, StringComparer.Ordinal);
        var cpu = series.Where(s => Cpu.Contains(s.Metric, StringComparer.Ordinal))
            .GroupBy(s => s.Detail, StringComparer.Ordinal)
            .Where(g => Cpu.All(m => g.Any(s => s.Metric == m)))
            .Select(g => Summed("CPU", g.Key, [.. Cpu.Select(m => Merge(g.Where(s => s.Metric == m)))]))
            .OfType<MeasuredRate>()
            .ToList();
        if (series.Any(s => Cpu.Contains(s.Metric, StringComparer.Ordinal)) && cpu.Count == 0)
        {
            warnings.Add($"CpuUser and CpuSystem are read in pairs per broker, labelled \"CpuUser 1\" and \"CpuSystem 1\"; the file has no such pair.");
        }

        return new(Traffic("BytesInPerSec"), Traffic("BytesOutPerSec"), Traffic("MessagesInPerSec"), disks, cpu);
    }

    private const string AllTopics = "all topics";

    /// <summary>One result of the answer: its metric, the label's second word (a topic or a broker), and its points.</summary>
    private sealed record Series(string Metric, string Detail, Dictionary<DateTimeOffset, double> Points);

    private static List<Series> Read(string json, List<string> warnings)
    {
        var document = Json.Parse(json.AsMemory());
        using (document)
        {
            var root = document.RootElement;
            var results = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("MetricDataResults", out var array) && array.ValueKind == JsonValueKind.Array
                ? array
                : throw new ImportFileException(Part, "$.MetricDataResults", $"{Part}: $.MetricDataResults must be an array; give the output of aws cloudwatch get-metric-data.");
            if (root.TryGetProperty("NextToken", out var next) && next.ValueKind == JsonValueKind.String)
            {
                warnings.Add("The CloudWatch answer has a NextToken: it is one page of several, and only this page is read.");
            }

            var series = new List<Series>();
            var unlabelled = new List<string>();
            var partial = new List<string>();
            for (var i = 0; i < results.GetArrayLength(); i++)
            {
                var path = $"$.MetricDataResults[{i}]";
                var result = results[i];
                var label = Json.Text(result, "Label", path);
                var id = result.TryGetProperty("Id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : path;
                if (result.TryGetProperty("StatusCode", out var status) && status.ValueKind == JsonValueKind.String && status.GetString() != "Complete")
                {
                    partial.Add(id);
                }

                var space = label.IndexOf(' ', StringComparison.Ordinal);
                var metric = space > 0 ? label[..space] : label;
                if (!Known.Contains(metric, StringComparer.Ordinal))
                {
                    unlabelled.Add(id);
                    continue;
                }

                series.Add(new(metric, space > 0 ? label[(space + 1)..].Trim() : "", Points(result, path)));
            }

            if (unlabelled.Count > 0)
            {
                warnings.Add($"{unlabelled.Count} result(s) are left out, their label not \"MetricName Topic\" for {string.Join(", ", Metrics)} or \"MetricName BrokerId\" for {string.Join(", ", [DiskUsed, .. Cpu])}: {string.Join(", ", unlabelled.Take(5))}.");
            }

            if (partial.Count > 0)
            {
                warnings.Add($"CloudWatch gave part of the data (PartialData) for {string.Join(", ", partial.Take(5))}{(partial.Count > 5 ? " and more" : "")}: the statistics use what it gave.");
            }

            return series;
        }
    }

    /// <summary>Results of one label (CloudWatch splits a long query over several) as one series.</summary>
    private static Dictionary<DateTimeOffset, double> Merge(IEnumerable<Series> parts)
    {
        var points = new Dictionary<DateTimeOffset, double>();
        foreach (var (at, value) in parts.SelectMany(p => p.Points))
        {
            points[at] = value;
        }

        return points;
    }

    /// <summary>The series added at each timestamp they all have; a timestamp some series lacks (a gap) is dropped, not counted low.</summary>
    private static MeasuredRate? Summed(string metric, string topic, List<Dictionary<DateTimeOffset, double>> brokers)
    {
        var all = brokers.SelectMany(b => b.Keys).Distinct().ToList();
        var complete = all.Where(t => brokers.All(b => b.ContainsKey(t))).Order().ToList();
        return complete.Count == 0
            ? null
            : new MeasuredRate(metric, topic, [.. complete.Select(t => brokers.Sum(b => b[t]))], complete[0], complete[^1], all.Count - complete.Count);
    }

    private static Dictionary<DateTimeOffset, double> Points(JsonElement result, string path)
    {
        var timestamps = Json.Array(result, "Timestamps", path);
        var values = Json.Array(result, "Values", path);
        if (timestamps.GetArrayLength() != values.GetArrayLength())
        {
            throw Json.Wrong($"{path}.Values", $"has {values.GetArrayLength()} values for {timestamps.GetArrayLength()} timestamps; they go in pairs");
        }

        var points = new Dictionary<DateTimeOffset, double>();
        for (var i = 0; i < timestamps.GetArrayLength(); i++)
        {
            if (timestamps[i].ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(timestamps[i].GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                throw Json.Wrong($"{path}.Timestamps[{i}]", "must be a time such as 2026-12-01T00:05:00Z");
            }

            if (values[i].ValueKind != JsonValueKind.Number || !values[i].TryGetDouble(out var value) || !double.IsFinite(value) || value < 0)
            {
                throw Json.Wrong($"{path}.Values[{i}]", "must be a number of 0 or more");
            }

            points[at] = value;
        }

        return points;
    }

}
