using System.Globalization;
using System.Text.Json;

using Microsoft.Extensions.Options;

using MskPlanner.Sizing;

namespace MskPlanner.Import;

/// <summary>One value of an instant query, by its topic.</summary>
public readonly record struct TopicValue(string Topic, double Value);

/// <summary>Prometheus could not answer, or answered something that is not an answer; the message says which, for the user.</summary>
public sealed class PrometheusQueryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Prometheus's HTTP API (<c>POST /api/v1/query</c>), read with a cap on the bytes and series of each answer so
/// that a hostile or mistaken server cannot fill the process. The caller's token bounds the time.
/// </summary>
public sealed class PrometheusClient(HttpClient http, IOptions<PrometheusImportOptions> options)
{
    /// <summary>An instant query at <paramref name="at"/>, by topic; series without a topic label or with a value that is not a number are left out.</summary>
    public async Task<IReadOnlyList<TopicValue>> QueryByTopicAsync(PrometheusTarget target, string promql, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var document = await QueryAsync(target, promql, at, cancellationToken);
        var values = new List<TopicValue>();
        foreach (var series in Vector(document, target))
        {
            if (series.TryGetProperty("metric", out var metric) && metric.ValueKind == JsonValueKind.Object
                && metric.TryGetProperty("topic", out var topic) && topic.ValueKind == JsonValueKind.String
                && Number(series) is { } value)
            {
                values.Add(new(topic.GetString()!, value));
            }
        }

        return values;
    }

    /// <summary>An instant query that sums to one series (no labels); null when it has none (no data at that time).</summary>
    public async Task<double?> QueryOneAsync(PrometheusTarget target, string promql, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var document = await QueryAsync(target, promql, at, cancellationToken);
        foreach (var series in Vector(document, target))
        {
            return Number(series);
        }

        return null;
    }

    /// <summary>The metric names of an instant query's series: which exporters' metrics the server has.</summary>
    public async Task<IReadOnlySet<string>> NamesAsync(PrometheusTarget target, string promql, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var document = await QueryAsync(target, promql, at, cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var series in Vector(document, target))
        {
            if (series.TryGetProperty("metric", out var metric) && metric.ValueKind == JsonValueKind.Object
                && metric.TryGetProperty("__name__", out var name) && name.ValueKind == JsonValueKind.String)
            {
                names.Add(name.GetString()!);
            }
        }

        return names;
    }

    private async Task<JsonDocument> QueryAsync(PrometheusTarget target, string promql, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(target.BaseUrl.AbsoluteUri.TrimEnd('/') + "/api/v1/query");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            // A form body, not the query string: a query over many topics is long, and proxies log addresses.
            Content = new FormUrlEncodedContent([new("query", promql), new("time", at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))]),
        };
        request.Headers.Authorization = target.Authorization;

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new PrometheusQueryException($"Prometheus at {target} could not be reached: {e.Message}", e);
        }

        using (response)
        {
            var body = await ReadBoundedAsync(response, target, cancellationToken);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                throw new PrometheusQueryException(
                    $"Prometheus at {target} answered HTTP {(int)response.StatusCode} with a body that is not Prometheus's JSON; is the address a Prometheus server?", e);
            }

            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
                && status.GetString() == "success" && response.IsSuccessStatusCode)
            {
                return document;
            }

            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e2) && e2.ValueKind == JsonValueKind.String
                ? ": " + Echo.Clip(e2.GetString()!, 300)
                : "";
            document.Dispose();
            throw new PrometheusQueryException($"Prometheus at {target} refused the query (HTTP {(int)response.StatusCode}){error}.");
        }
    }

    private async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, PrometheusTarget target, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > limit)
        {
            throw TooLarge(target, limit);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(target, limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private JsonElement.ArrayEnumerator Vector(JsonDocument document, PrometheusTarget target)
    {
        if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("resultType", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "vector"
            || !data.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
        {
            throw new PrometheusQueryException($"Prometheus at {target} answered without the vector of series an instant query gives.");
        }

        if (result.GetArrayLength() > options.Value.MaxSeries)
        {
            throw new PrometheusQueryException($"Prometheus at {target} answered more than {options.Value.MaxSeries:N0} series to one query; group the topics or ask the operator to raise Import:Prometheus:MaxSeries.");
        }

        return result.EnumerateArray();
    }

    /// <summary>The sample's value ("value": [time, "1.5"]) when it is a finite number.</summary>
    private static double? Number(JsonElement series) =>
        series.TryGetProperty("value", out var pair) && pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2
        && pair[1].ValueKind == JsonValueKind.String
        && double.TryParse(pair[1].GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;

    private static PrometheusQueryException TooLarge(PrometheusTarget target, int limit) =>
        new($"Prometheus at {target} answered more than {limit / (1024 * 1024.0):0.#} MiB to one query; group the topics or ask the operator to raise Import:Prometheus:MaxResponseBytes.");

}
