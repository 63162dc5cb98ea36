using System.Collections.Concurrent;
using System.Net;
using System.Text;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MskPlanner.Web.Tests.Api;

/// <summary>
/// Alone, because a meter provider hears every meter of our names in the process: the app hosts other test
/// classes run at the same time would add their own series to the scrape.
/// </summary>
[CollectionDefinition(Alone, DisableParallelization = true)]
[Collection(Alone)]
public sealed class TelemetryTests
{
    public const string Alone = "Telemetry, alone in the process";

    [Fact]
    public async Task Nothing_is_served_for_scraping_by_default()
    {
        await using var app = new PlannerAppFactory();

        using var response = await app.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_prometheus_on_the_scrape_shows_requests_sizings_pdfs_and_live_connections()
    {
        await using var app = new TelemetryApp(("Telemetry:Prometheus", "true"));
        var client = app.CreateClient();

        (await Size(client, 20)).EnsureSuccessStatusCode();
        (await Size(client, 30)).EnsureSuccessStatusCode();
        (await client.GetAsync("/api/v1/sizing/summary.pdf")).EnsureSuccessStatusCode();
        var scrape = await client.GetStringAsync("/metrics");

        // Two sizings through the API and one for the PDF.
        Assert.Matches(@"(?m)^mskplanner_sizings_total(\{[^}]*\})? 3( |$)", scrape);
        Assert.Matches(@"(?m)^mskplanner_pdfs_rendered_total\{[^}]*kind=""plan""[^}]*outcome=""ok""[^}]*\} 1( |$)", scrape);
        Assert.Contains("mskplanner_circuits", scrape, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_otlp_endpoint_traces_and_metrics_are_sent_to_it_as_protobuf()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var app = new TelemetryApp(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Address),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_METRIC_EXPORT_INTERVAL", "300"),
            ("OTEL_BSP_SCHEDULE_DELAY", "100"));
        var client = app.CreateClient();

        (await Size(client, 20)).EnsureSuccessStatusCode();

        var metrics = await collector.WaitForAsync("/v1/metrics", "mskplanner.sizings");
        var traces = await collector.WaitForAsync("/v1/traces", "/api/v1/sizing");
        Assert.Equal("application/x-protobuf", metrics.ContentType);
        Assert.Equal("application/x-protobuf", traces.ContentType);
    }

    private static Task<HttpResponseMessage> Size(HttpClient client, int avgDataInMiBps) =>
        client.PostAsync("/api/v1/sizing", new StringContent($$"""{"avgDataInMiBps":{{avgDataInMiBps}},"partitions":1000}""", Encoding.UTF8, "application/json"));

    private sealed class TelemetryApp(params (string Key, string Value)[] settings) : PlannerAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    /// <summary>An OTLP/HTTP receiver on loopback that keeps what it is sent.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> _received = new();

        private OtlpCollector(WebApplication app) => _app = app;

        public string Address => _app.Urls.First();

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var collector = new OtlpCollector(app);
            app.MapPost("/v1/{signal}", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                collector._received.Enqueue((request.Path, request.ContentType, body.ToArray()));
                return Results.Ok();
            });
            await app.StartAsync();
            return collector;
        }

        /// <summary>The first export to <paramref name="path"/> whose protobuf carries <paramref name="text"/> (names are plain UTF-8 there).</summary>
        public async Task<(string Path, string? ContentType, byte[] Body)> WaitForAsync(string path, string text)
        {
            var needle = Encoding.UTF8.GetBytes(text);
            for (var waited = 0; waited < 200; waited++)
            {
                foreach (var export in _received)
                {
                    if (export.Path == path && export.Body.AsSpan().IndexOf(needle) >= 0)
                    {
                        return export;
                    }
                }

                await Task.Delay(100);
            }

            throw new TimeoutException($"No export to {path} carried '{text}' within 20 s; received: {string.Join(", ", _received.Select(r => r.Path))}");
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
