using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

using Xunit.Abstractions;

namespace MskPlanner.EndToEnd.Tests.Probe;

/// <summary>
/// Fuzzed requests to every endpoint of the running app: none may answer 5xx or leave an error in its log.
/// Counts are fixed and the seed too, so a failure can be replayed.
/// </summary>
[Collection(SharedProbe.Name)]
public sealed class FuzzProbe(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20261126;
    private ProbeApp _app = default!;

    public async Task InitializeAsync() => _app = await ProbeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Ten_thousand_fuzzed_sizing_bodies_and_fuzz_on_every_other_endpoint_cause_no_server_error()
    {
        var planId = await _app.CreatePlanAsync("Fuzz target");
        using var shared = await _app.PostJsonAsync($"/api/v1/plans/{planId}/share", "{}");
        var token = JsonNode.Parse(await shared.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        var hostile = new Hostile(Seed);
        var sizing = new JsonObject { ["avgDataInMiBps"] = 40, ["peakDataInMiBps"] = 80, ["avgDataOutMiBps"] = 120, ["partitions"] = 1200, ["retentionHours"] = 72, ["region"] = "us-east-1", ["provisionedThroughputMiBps"] = 300 };
        var plan = new JsonObject { ["name"] = "fuzz", ["description"] = "d", ["comment"] = "c", ["selectedFamily"] = "m5", ["inputs"] = sizing.DeepClone() };
        var compare = new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject { ["planId"] = planId }, new JsonObject { ["label"] = "inline", ["inputs"] = sizing.DeepClone(), ["selectedFamily"] = "t3" }),
            ["variants"] = new JsonObject { ["planId"] = planId, ["kind"] = "zones" },
        };
        string[] sizingKeys = [.. sizing.Select(p => p.Key), "partitions", "paper"];
        var requests = new List<Func<HttpRequestMessage>>();
        requests.AddRange(Repeat(10_000, () => Post("/api/v1/sizing", hostile.Body(sizing))));
        requests.AddRange(Repeat(600, () => Post("/api/v1/plans", hostile.Body(plan))));
        requests.AddRange(Repeat(400, () => new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plans/{planId}") { Content = Json(hostile.Body(plan)) }));
        requests.AddRange(Repeat(150, () => Post($"/api/v1/plans/{planId}/share", hostile.Body(new JsonObject { ["revision"] = 1 }))));
        requests.AddRange(Repeat(400, () => Post("/api/v1/compare", hostile.Body(compare))));
        requests.AddRange(Repeat(150, () => Post("/api/v1/compare/summary.pdf", hostile.Body(compare))));
        requests.AddRange(Repeat(300, () => Get("/api/v1/plans?" + hostile.Query(["search", "sort", "page", "pageSize"]))));
        requests.AddRange(Repeat(150, () => Get("/api/v1/sizing/summary.pdf?" + hostile.Query(sizingKeys))));
        requests.AddRange(Repeat(150, () => Get("/api/v1/compare/summary.pdf?" + hostile.Query(["items", "plan", "revision", "variants", "paper"]))));
        requests.AddRange(Repeat(100, () => Get($"/api/v1/plans/{planId}?" + hostile.Query(["revision"]))));
        requests.AddRange(Repeat(100, () => Get($"/api/v1/plans/{hostile.Segment()}/summary.pdf?" + hostile.Query(["revision", "paper"]))));
        requests.AddRange(Repeat(100, () => Get($"/api/v1/shared/{hostile.Segment()}")));
        requests.AddRange(Repeat(50, () => Get($"/api/v1/shared/{token}/summary.pdf?" + hostile.Query(["paper"]))));
        requests.AddRange(Repeat(150, () => Get("/?" + hostile.Query(sizingKeys))));
        requests.AddRange(Repeat(100, () => Get("/compare?" + hostile.Query(["items", "plan", "revision", "variants"]))));
        requests.AddRange(Repeat(100, () => Get($"/plans/{hostile.Segment()}?" + hostile.Query(["revision"]))));

        var (statuses, serverErrors, hangs, slowest) = await SendAllAsync(requests);

        ProbeFigures.Report(output, $"fuzz: tried {requests.Count} requests ({requests.Count - 10_000} beyond the 10,000 sizing bodies), " +
            $"server errors {serverErrors.Count}, hangs (over {HangAfter.TotalSeconds:0} s) {hangs.Count}, slowest {slowest.TotalMilliseconds:0} ms, statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
        Assert.True(serverErrors.IsEmpty, string.Join("\n", serverErrors.Take(5)));
        Assert.True(hangs.IsEmpty, string.Join("\n", hangs.Take(5)));
        Assert.True(_app.App.Failures.Count == 0, string.Join("\n---\n", _app.App.Failures.Distinct().Take(5)));
    }

    [Fact]
    public async Task Oversized_bodies_get_a_413_problem_before_the_server_reads_them()
    {
        var answers = new List<string>();
        foreach (var size in new[] { 100_000, 1_000_000, 31_000_000 })
        {
            var answer = await DeclaredBodyAsync("/api/v1/sizing", size);
            answers.Add(answer);
            Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
            Assert.Contains("application/problem+json", answer, StringComparison.OrdinalIgnoreCase);
        }

        var chunked = await ChunkedBodyAsync("/api/v1/plans", 20_000_000);

        ProbeFigures.Report(output, $"oversized bodies: tried 4 (100 kB, 1 MB and 31 MB declared, 20 MB chunked), answered {string.Join(", ", answers.Append(chunked).Select(a => a[9..12]))}");
        Assert.True(chunked.StartsWith("HTTP/1.1 413", StringComparison.Ordinal), chunked);
        Assert.Empty(_app.App.Failures);
    }

    [Fact]
    public async Task Writes_in_the_shapes_a_cross_site_page_can_send_are_refused_with_415_and_change_nothing()
    {
        var id = await _app.CreatePlanAsync("Cross-site target");
        var before = await CountAsync();
        var plan = """{"name":"planted","inputs":{"avgDataInMiBps":5,"partitions":50}}""";
        static HttpContent[] Shapes(string body) =>
        [
            new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
            new StringContent(body, Encoding.UTF8, "text/plain"),
            new FormUrlEncodedContent([new("name", "planted")]),
            new MultipartFormDataContent { { new StringContent(body), "json" } },
        ];
        var tried = 0;
        foreach (var path in new[] { "/api/v1/plans", $"/api/v1/plans/{id}/share", $"/api/v1/plans/{id}/restore", "/api/v1/compare/summary.pdf" })
        {
            foreach (var content in Shapes(plan))
            {
                using var response = await _app.Http.PostAsync(path, content);
                tried++;
                Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{path} {content.Headers.ContentType}: {(int)response.StatusCode}");
            }
        }

        using var shares = await _app.Http.GetAsync($"/api/v1/plans/{id}/share");
        ProbeFigures.Report(output, $"cross-site writes: tried {tried}, refused {tried} with 415, plans before {before} after {await CountAsync()}");
        Assert.Equal(before, await CountAsync());
        Assert.Equal("[]", await shares.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Declares a large body, sends only its first bytes, and reads the answer: the server must refuse on the
    /// declared length alone, so the client never has to send (nor the server buffer) the rest.
    /// </summary>
    private async Task<string> DeclaredBodyAsync(string path, int length)
    {
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(_app.App.Address.Host, _app.App.Address.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(Head(path, $"Content-Length: {length}") + "{\"avgDataInMiBps\":"));
        return await AnswerAsync(stream);
    }

    /// <summary>
    /// Sends a chunked body (no length up front) of up to <paramref name="length"/> bytes, until the server stops
    /// taking it, then reads what the server answered.
    /// </summary>
    private async Task<string> ChunkedBodyAsync(string path, int length)
    {
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(_app.App.Address.Host, _app.App.Address.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(Head(path, "Transfer-Encoding: chunked")));
        var chunk = Encoding.ASCII.GetBytes($"10000\r\n{new string('7', 0x10000)}\r\n");
        try
        {
            for (var sent = 0; sent < length && socket.Available == 0; sent += 0x10000)
            {
                await stream.WriteAsync(chunk);
            }
        }
        catch (IOException)
        {
            // The server answered and closed while the body was still coming: its answer is waiting to be read.
        }

        return await AnswerAsync(stream);
    }

    private string Head(string path, string length) =>
        $"POST {path} HTTP/1.1\r\nHost: {_app.App.Address.Authority}\r\nContent-Type: application/json\r\n{length}\r\n\r\n";

    private static async Task<string> AnswerAsync(Stream stream)
    {
        var buffer = new byte[16_384];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var read = await stream.ReadAsync(buffer, timeout.Token);
        // The head and the problem may come in separate packets: take what follows within a moment.
        await Task.Delay(100, timeout.Token);
        while (stream is System.Net.Sockets.NetworkStream { DataAvailable: true } && read < buffer.Length)
        {
            read += await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private async Task<int> CountAsync() =>
        JsonNode.Parse(await _app.Http.GetStringAsync("/api/v1/plans?pageSize=1"))!["total"]!.GetValue<int>();

    /// <summary>No request may take this long: one that does counts as a hang.</summary>
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(10);

    private async Task<(ConcurrentDictionary<int, int> Statuses, ConcurrentQueue<string> ServerErrors, ConcurrentQueue<string> Hangs, TimeSpan Slowest)> SendAllAsync(List<Func<HttpRequestMessage>> requests)
    {
        var statuses = new ConcurrentDictionary<int, int>();
        var errors = new ConcurrentQueue<string>();
        var hangs = new ConcurrentQueue<string>();
        var slowest = TimeSpan.Zero;
        var gate = new Lock();
        // Built up front, in order, so the seed alone decides every request.
        var messages = requests.Select(r => r()).ToList();
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (message, cancellationToken) =>
        {
            var describe = $"{message.Method} {message.RequestUri}";
            var body = message.Content is null ? "" : await message.Content.ReadAsStringAsync(cancellationToken);
            var timer = Stopwatch.StartNew();
            using var hang = new CancellationTokenSource(HangAfter);
            using (message)
            {
                try
                {
                    using var response = await _app.Http.SendAsync(message, hang.Token);
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    if ((int)response.StatusCode >= 500)
                    {
                        errors.Enqueue($"{describe} {body[..Math.Min(body.Length, 300)]} -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    }
                }
                catch (OperationCanceledException) when (hang.IsCancellationRequested)
                {
                    hangs.Enqueue($"{describe} {body[..Math.Min(body.Length, 300)]}");
                }
            }

            lock (gate)
            {
                slowest = timer.Elapsed > slowest ? timer.Elapsed : slowest;
            }
        });
        return (statuses, errors, hangs, slowest);
    }

    private static IEnumerable<Func<HttpRequestMessage>> Repeat(int count, Func<HttpRequestMessage> make) => Enumerable.Repeat(make, count);

    private static HttpRequestMessage Post(string path, string json) => new(HttpMethod.Post, path) { Content = Json(json) };

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
