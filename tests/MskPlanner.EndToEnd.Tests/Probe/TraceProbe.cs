using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

using MskPlanner.Testing;

namespace MskPlanner.EndToEnd.Tests.Probe;

/// <summary>The app's traces as an OTLP collector receives them: a share link's token, its credential, is never among them.</summary>
[Collection(SharedProbe.Name)]
public sealed class TraceProbe
{
    [Fact]
    public async Task Spans_of_share_link_requests_carry_the_route_not_the_token()
    {
        await using var collector = new OtlpReceiver();
        await using var app = await ProbeApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        var id = await app.CreatePlanAsync("Traced");
        using var share = await app.PostJsonAsync($"/api/v1/plans/{id}/share", "{}");
        var token = JsonNode.Parse(await share.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();

        using var api = await app.Http.GetAsync($"/api/v1/shared/{token}");
        using var pdf = await app.Http.GetAsync($"/api/v1/shared/{token}/summary.pdf");
        using var page = await app.Http.GetAsync($"/shared/{token}");
        Assert.All([api, pdf, page], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        // Protobuf writes strings as their UTF-8 bytes, so the exported batches are searched as they arrived.
        var redacted = Encoding.UTF8.GetBytes("/api/v1/shared/{token}/summary.pdf");
        await Eventually.HoldsAsync(() => collector.Batches.Any(batch => batch.AsSpan().IndexOf(redacted) >= 0));
        var tokenBytes = Encoding.UTF8.GetBytes(token);
        Assert.All(collector.Batches, batch => Assert.True(batch.AsSpan().IndexOf(tokenBytes) < 0, "An exported span carries the share link's token."));
        Assert.DoesNotContain(app.App.Output, l => l.Contains(token, StringComparison.Ordinal));
    }

    /// <summary>An OTLP/HTTP traces endpoint on loopback that keeps every batch it is sent.</summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;

        public OtlpReceiver()
        {
            var port = LoopbackPort.Free();
            Address = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Address + "/");
            _listener.Start();
            _serving = ServeAsync();
        }

        public string Address { get; }

        public ConcurrentQueue<byte[]> Batches { get; } = new();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                var input = context.Request.Headers["Content-Encoding"] == "gzip" ? new GZipStream(context.Request.InputStream, CompressionMode.Decompress) : context.Request.InputStream;
                await input.CopyToAsync(body);
                if (context.Request.Url!.AbsolutePath == "/v1/traces")
                {
                    Batches.Enqueue(body.ToArray());
                }

                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _serving;
        }
    }
}
