using System.Globalization;
using System.Text.Json;

namespace MskPlanner.Import;

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
/// Reads the JSON of <c>aws cloudwatch get-metric-data</c> for an MSK cluster at PER_TOPIC_PER_BROKER monitoring:
/// <c>{"MetricDataResults":[{"Id":"m1","Label":"BytesInPerSec orders","Timestamps":[…],"Values":[…],"StatusCode":"Complete"}]}</c>.
/// The answer does not repeat a query's dimensions, so each query is labelled "<c>MetricName Topic</c>" (the label
/// <c>${PROP('MetricName')} ${PROP('Dim.Topic')}</c> does it); a result per broker of one topic is summed.
/// </summary>
public static class CloudWatchMetricData
{
    public const string Part = "cloudWatch";

    /// <summary>The MSK metrics read, as AWS names them in AWS/Kafka.</summary>
    public static readonly string[] Metrics = ["MessagesInPerSec", "BytesInPerSec", "BytesOutPerSec"];

    public static IReadOnlyList<MeasuredRate> Parse(string json, List<string> warnings)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new ImportFileException(Part, "$", $"{Part}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}).");
        }

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

            var series = new List<(string Metric, string Topic, Dictionary<DateTimeOffset, double> Points)>();
            var unlabelled = new List<string>();
            var partial = new List<string>();
            for (var i = 0; i < results.GetArrayLength(); i++)
            {
                var path = $"$.MetricDataResults[{i}]";
                var result = results[i];
                var label = Text(result, "Label", path);
                var id = result.TryGetProperty("Id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : path;
                if (result.TryGetProperty("StatusCode", out var status) && status.ValueKind == JsonValueKind.String && status.GetString() != "Complete")
                {
                    partial.Add(id);
                }

                var space = label.IndexOf(' ', StringComparison.Ordinal);
                var metric = space > 0 ? label[..space] : label;
                if (!Metrics.Contains(metric, StringComparer.Ordinal))
                {
                    unlabelled.Add(id);
                    continue;
                }

                var topic = space > 0 ? label[(space + 1)..].Trim() : "";
                series.Add((metric, topic.Length > 0 ? topic : "all topics", Points(result, path)));
            }

            if (unlabelled.Count > 0)
            {
                warnings.Add($"{unlabelled.Count} result(s) are left out, their label not \"MetricName Topic\" for {string.Join(", ", Metrics)}: {string.Join(", ", unlabelled.Take(5))}.");
            }

            if (partial.Count > 0)
            {
                warnings.Add($"CloudWatch gave part of the data (PartialData) for {string.Join(", ", partial.Take(5))}{(partial.Count > 5 ? " and more" : "")}: the statistics use what it gave.");
            }

            return [.. series.GroupBy(s => (s.Metric, s.Topic)).Select(g => Summed(g.Key.Metric, g.Key.Topic, [.. g.Select(s => s.Points)])).OfType<MeasuredRate>()];
        }
    }

    /// <summary>The brokers' series added at each timestamp they all have; a timestamp some broker lacks (a gap) is dropped, not counted low.</summary>
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
        var timestamps = Array(result, "Timestamps", path);
        var values = Array(result, "Values", path);
        if (timestamps.GetArrayLength() != values.GetArrayLength())
        {
            throw new ImportFileException(Part, $"{path}.Values", $"{Part}: {path} has {timestamps.GetArrayLength()} timestamps and {values.GetArrayLength()} values; they go in pairs.");
        }

        var points = new Dictionary<DateTimeOffset, double>();
        for (var i = 0; i < timestamps.GetArrayLength(); i++)
        {
            if (timestamps[i].ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(timestamps[i].GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                throw new ImportFileException(Part, $"{path}.Timestamps[{i}]", $"{Part}: {path}.Timestamps[{i}] must be a time such as 2026-12-01T00:05:00Z.");
            }

            if (values[i].ValueKind != JsonValueKind.Number || !values[i].TryGetDouble(out var value) || !double.IsFinite(value) || value < 0)
            {
                throw new ImportFileException(Part, $"{path}.Values[{i}]", $"{Part}: {path}.Values[{i}] must be a number of 0 or more.");
            }

            points[at] = value;
        }

        return points;
    }

    private static string Text(JsonElement parent, string name, string path) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new ImportFileException(Part, $"{path}.{name}", $"{Part}: {path}.{name} must be a string.");

    private static JsonElement Array(JsonElement parent, string name, string path) =>
        parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array
            : throw new ImportFileException(Part, $"{path}.{name}", $"{Part}: {path}.{name} must be an array.");
}
