using System.Net.WebSockets;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>
/// A load balancer at its worst: the page itself comes from one instance, and everything after it (scripts, the
/// Blazor connection, its WebSocket) from the other. A page only comes alive this way when both instances read
/// each other's protected state: the key ring they share.
/// </summary>
public sealed class NonStickyProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Host", "Proxy-Connection", "TE", "Trailer",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });

    private NonStickyProxy(WebApplication app) => _app = app;

    public Uri Address => new(_app.Urls.First());

    public static async Task<NonStickyProxy> StartAsync(Uri pages, Uri everythingElse)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var proxy = new NonStickyProxy(app);
        app.UseWebSockets();
        app.Run(context =>
        {
            var document = HttpMethods.IsGet(context.Request.Method) && context.Request.Headers["Sec-Fetch-Dest"] == "document";
            return proxy.ForwardAsync(context, document ? pages : everythingElse);
        });
        await app.StartAsync();
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context, Uri target)
    {
        var path = context.Request.Path + context.Request.QueryString;
        if (context.WebSockets.IsWebSocketRequest)
        {
            using var upstream = new ClientWebSocket();
            upstream.Options.SetRequestHeader("Cookie", context.Request.Headers.Cookie.ToString());
            await upstream.ConnectAsync(new Uri(new UriBuilder(target) { Scheme = "ws" }.Uri, path), context.RequestAborted);
            using var downstream = await context.WebSockets.AcceptWebSocketAsync();
            await Task.WhenAny(PumpAsync(downstream, upstream), PumpAsync(upstream, downstream));
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(target, path));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (!HopByHop.Contains(name) && !request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        // Passed on as Caddy does: the app checks a write's Origin against the Host the browser used.
        request.Headers.Host = context.Request.Host.Value;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        await body.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static async Task PumpAsync(WebSocket from, WebSocket to)
    {
        var buffer = new byte[64 * 1024];
        while (from.State == WebSocketState.Open && to.State == WebSocketState.Open)
        {
            var received = await from.ReceiveAsync(buffer, CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await to.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return;
            }

            await to.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
