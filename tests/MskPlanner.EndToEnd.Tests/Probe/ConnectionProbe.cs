using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;

using MskPlanner.Testing;

namespace MskPlanner.EndToEnd.Tests.Probe;

/// <summary>
/// The hub and the API as another site or a hostile client reaches them: web sockets that skip negotiation,
/// connections that go silent, pages from another origin, and a name that was made to resolve to this machine.
/// </summary>
[Collection(SharedProbe.Name)]
public sealed class ConnectionProbe
{
    private const int PerClient = 4;

    [Fact]
    public async Task Web_sockets_that_skip_negotiation_count_against_the_cap_and_the_gauge_shows_them()
    {
        await using var app = await ProbeApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Circuits__MaxPerClient"] = PerClient.ToString(CultureInfo.InvariantCulture),
            ["Telemetry__Prometheus"] = "true",
        });
        var open = new List<ClientWebSocket>();
        var refused = 0;
        for (var i = 0; i < PerClient + 3; i++)
        {
            try
            {
                open.Add(await HandshakenAsync(app.App.Address));
            }
            catch (WebSocketException)
            {
                refused++;
            }
        }

        Assert.Equal(PerClient, open.Count);
        Assert.Equal(3, refused);
        await Eventually.HoldsAsync(async () => await WebSocketGaugeAsync(app) == PerClient);

        foreach (var socket in open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            socket.Dispose();
        }

        await Eventually.HoldsAsync(async () => await WebSocketGaugeAsync(app) == 0);
    }

    [Fact]
    public async Task A_handshaken_connection_that_stays_silent_is_closed_and_counted_out()
    {
        await using var app = await ProbeApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Circuits__IdleTimeout"] = "00:00:02",
            ["Telemetry__Prometheus"] = "true",
        });
        using var socket = await HandshakenAsync(app.App.Address);

        // The server's pings arrive and are not answered; the socket must end by the server's hand.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, limit.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (WebSocketException)
        {
            // Aborted by the server: the connection is gone, which is the point.
        }

        Assert.False(limit.IsCancellationRequested, "The silent connection was still open after a minute.");
        await Eventually.HoldsAsync(async () => await WebSocketGaugeAsync(app) == 0);
    }

    [Fact]
    public async Task A_page_from_another_site_can_neither_connect_to_the_hub_nor_write()
    {
        await using var app = await ProbeApp.StartAsync();
        var own = app.App.Address.GetLeftPart(UriPartial.Authority);

        var foreignSocket = await Record.ExceptionAsync(() => HandshakenAsync(app.App.Address, "http://evil.example"));
        using var ownSocket = await HandshakenAsync(app.App.Address, own);
        using var foreignWrite = await PostPlanAsync(app, origin: "http://evil.example");
        using var nullOrigin = await PostPlanAsync(app, origin: "null");
        using var ownWrite = await PostPlanAsync(app, origin: own);
        using var scriptWrite = await PostPlanAsync(app, origin: null);

        Assert.IsType<WebSocketException>(foreignSocket);
        Assert.Equal(WebSocketState.Open, ownSocket.State);
        Assert.Equal(HttpStatusCode.Forbidden, foreignWrite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, nullOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ownWrite.StatusCode);
        Assert.Equal(HttpStatusCode.Created, scriptWrite.StatusCode);
        using var list = await app.Http.GetAsync("/api/v1/plans");
        Assert.Equal(2, (await list.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task In_local_mode_a_name_rebound_to_this_machine_is_refused_and_its_own_names_are_served()
    {
        await using var app = await ProbeApp.StartAsync();
        var port = app.App.Address.Port;

        foreach (var (host, served) in new[] { ($"evil.example:{port}", false), ("evil.example", false), ($"localhost:{port}", true), ($"127.0.0.1:{port}", true), ($"[::1]:{port}", true) })
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/plans");
            read.Headers.Host = host;
            using var write = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans") { Content = JsonContent.Create(new { name = "Rebound", inputs = new { avgDataInMiBps = 10, partitions = 600 } }) };
            write.Headers.Host = host;

            using var readAnswer = await app.Http.SendAsync(read);
            using var writeAnswer = await app.Http.SendAsync(write);

            Assert.Equal(served ? HttpStatusCode.OK : HttpStatusCode.BadRequest, readAnswer.StatusCode);
            Assert.Equal(served ? HttpStatusCode.Created : HttpStatusCode.BadRequest, writeAnswer.StatusCode);
        }
    }

    [Fact]
    public async Task A_page_past_the_addresss_cap_says_why_it_will_not_go_live()
    {
        await using var app = await ProbeApp.StartAsync(settings: new Dictionary<string, string> { ["Circuits__MaxPerClient"] = "2" });
        var pages = new List<ClientWebSocket> { await HandshakenAsync(app.App.Address) };

        var underCap = await app.Http.GetStringAsync("/");
        pages.Add(await HandshakenAsync(app.App.Address));
        var atCap = await app.Http.GetStringAsync("/");

        Assert.DoesNotContain("Too many open pages", underCap, StringComparison.Ordinal);
        Assert.Contains("Too many open pages from your address; close some and reload.", atCap, StringComparison.Ordinal);
        pages.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task A_body_that_trickles_in_is_a_408_logged_as_a_warning_without_a_stack()
    {
        await using var app = await ProbeApp.StartAsync();
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(app.App.Address.Host, app.App.Address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/v1/sizing HTTP/1.1\r\nHost: {app.App.Address.Authority}\r\nContent-Type: application/json\r\nContent-Length: 3000\r\n\r\n{{\"avg"));

        // Kestrel gives a body 5 seconds' grace before it holds it to the minimum rate; the answer is awaited, not timed.
        var answer = new byte[1024];
        var read = await stream.ReadAsync(answer).AsTask().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(answer, 0, read), StringComparison.Ordinal);
        await Eventually.HoldsAsync(() => app.App.Output.Any(l => l.StartsWith("warn: MskPlanner.Web.ClientFaultHandler", StringComparison.Ordinal)));
        Assert.Empty(app.App.Failures);
        Assert.DoesNotContain(app.App.Output, l => l.TrimStart().StartsWith("at Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_price_list_is_one_warning_without_a_stack_not_a_page_of_retries()
    {
        await using var app = await ProbeApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Pricing__Source"] = "Bulk",
            ["Pricing__BulkEndpoint"] = $"http://127.0.0.1:{LoopbackPort.Free()}/",
            ["Pricing__Timeout"] = "00:00:02",
        });

        using var sized = await app.PostJsonAsync("/api/v1/sizing", """{"avgDataInMiBps":10,"partitions":100}""");

        Assert.Equal(HttpStatusCode.OK, sized.StatusCode);
        const string Unavailable = "Live prices for us-east-1 are unavailable";
        await Eventually.HoldsAsync(() => app.App.Output.Any(l => l.Contains(Unavailable, StringComparison.Ordinal)));
        Assert.Single(app.App.Output, l => l.Contains(Unavailable, StringComparison.Ordinal));
        Assert.Empty(app.App.Failures);
        Assert.DoesNotContain(app.App.Output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stop_is_prompt_while_the_price_list_does_not_answer()
    {
        // A price list that takes connections and never answers: the download a sizing starts is still running at the stop.
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new System.Collections.Concurrent.ConcurrentBag<System.Net.Sockets.TcpClient>();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    held.Add(await silent.AcceptTcpClientAsync());
                }
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or ObjectDisposedException)
            {
                // The listener stopped with the test.
            }
        });
        await using var app = await ProbeApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Pricing__Source"] = "Bulk",
            ["Pricing__BulkEndpoint"] = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/",
        });
        using var sized = await app.PostJsonAsync("/api/v1/sizing", """{"avgDataInMiBps":10,"partitions":100}""");
        Assert.Equal(HttpStatusCode.OK, sized.StatusCode);
        Assert.NotEmpty(held);

        await app.App.TerminateAsync();

        // An orchestrator's grace period is often 30 s; before, the app took 31 s here. The bound allows a loaded machine.
        Assert.NotNull(await app.App.ExitCodeAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(app.App.Failures);
    }

    /// <summary>A web socket to the hub without negotiating, through SignalR's handshake for Blazor's protocol, as the probe's raw client did.</summary>
    private static async Task<ClientWebSocket> HandshakenAsync(Uri app, string? origin = null)
    {
        var socket = new ClientWebSocket();
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        try
        {
            await socket.ConnectAsync(new Uri($"ws://{app.Authority}/_blazor"), CancellationToken.None);
            await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
            var answer = new byte[64];
            var received = await socket.ReceiveAsync(answer, CancellationToken.None);
            Assert.Equal("{}\u001e", Encoding.UTF8.GetString(answer, 0, received.Count));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<HttpResponseMessage> PostPlanAsync(ProbeApp app, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans") { Content = JsonContent.Create(new { name = "Cross-site?", inputs = new { avgDataInMiBps = 10, partitions = 600 } }) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await app.Http.SendAsync(request);
    }

    /// <summary>The web socket connections the app's gauge reports, from its Prometheus scrape.</summary>
    private static async Task<double> WebSocketGaugeAsync(ProbeApp app)
    {
        var scrape = await app.Http.GetStringAsync("/metrics");
        var line = scrape.Split('\n').Single(l => l.StartsWith("mskplanner_circuits", StringComparison.Ordinal) && l.Contains("transport=\"WebSockets\"", StringComparison.Ordinal));
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
