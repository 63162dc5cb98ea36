using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Net.WebSockets;

using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace MskPlanner.Web;

/// <summary>The "Circuits" configuration section: how many live Blazor circuits the server holds.</summary>
public sealed class CircuitLimitOptions
{
    public const string Section = "Circuits";

    /// <summary>Live connections (each holds a circuit of a few MiB) from one client address.</summary>
    [Range(1, 100_000)]
    public int MaxPerClient { get; set; } = 20;

    /// <summary>Live connections in all; past it new visitors get a 429 until others leave.</summary>
    [Range(1, 1_000_000)]
    public int MaxTotal { get; set; } = 500;

    /// <summary>
    /// A web socket on which the client has sent nothing this long is closed. A live page's script pings every
    /// 15 seconds; SignalR itself starts timing a client out only after its first ping, so a client that completes
    /// the handshake and then stays silent would otherwise hold its connection for ever.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a circuit whose browser went away is kept for it to reconnect (Blazor's default is 3 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")]
    public TimeSpan DisconnectedRetention { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most this many disconnected circuits are kept at once (Blazor's default is 100).</summary>
    [Range(0, 100_000)]
    public int MaxDisconnectedRetained { get; set; } = 50;

    /// <summary>
    /// A page hidden this long (another tab, a minimised window) has its circuit paused: the server frees it and the
    /// page keeps what it needs to resume when shown again. Zero never pauses.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan PauseHiddenAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A visible page untouched this long (no key, pointer, wheel or focus) is paused too; it resumes at a key or click. Zero never pauses.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan PauseIdleAfter { get; set; } = TimeSpan.FromMinutes(15);
}

public static class CircuitLimitServiceCollectionExtensions
{
    /// <summary>The caps on live circuits, and Blazor's own retention of disconnected ones, from the "Circuits" section.</summary>
    public static IServiceCollection AddCircuitLimits(this IServiceCollection services)
    {
        services.AddOptions<CircuitLimitOptions>().BindConfiguration(CircuitLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LiveConnections>();
        services.AddOptions<CircuitOptions>().Configure<IOptions<CircuitLimitOptions>>((circuits, limits) =>
        {
            circuits.DisconnectedCircuitRetentionPeriod = limits.Value.DisconnectedRetention;
            circuits.DisconnectedCircuitMaxRetained = limits.Value.MaxDisconnectedRetained;
        });
        return services;
    }
}

/// <summary>How a Blazor connection reaches the hub: each holds its circuit while it is open.</summary>
public enum HubTransport
{
    WebSockets,
    ServerSentEvents,
    LongPolling,
}

/// <summary>The live Blazor connections, per client address, per transport and in all, kept against <see cref="CircuitLimitOptions"/>.</summary>
public sealed class LiveConnections(IOptions<CircuitLimitOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _perClient = new(StringComparer.Ordinal);
    private readonly int[] _perTransport = new int[Enum.GetValues<HubTransport>().Length];
    private int _total;

    public int Total => Volatile.Read(ref _total);

    public int Open(HubTransport transport) => Volatile.Read(ref _perTransport[(int)transport]);

    public bool IsFull(string client) =>
        Volatile.Read(ref _total) >= options.Value.MaxTotal || _perClient.GetValueOrDefault(client) >= options.Value.MaxPerClient;

    /// <summary>Counts a connection in, or refuses it when either cap would be passed.</summary>
    public bool TryEnter(string client, HubTransport transport)
    {
        var limits = options.Value;
        if (Interlocked.Increment(ref _total) > limits.MaxTotal)
        {
            Interlocked.Decrement(ref _total);
            return false;
        }

        if (_perClient.AddOrUpdate(client, 1, (_, count) => count + 1) > limits.MaxPerClient)
        {
            Interlocked.Decrement(ref _total);
            LeaveClient(client);
            return false;
        }

        Interlocked.Increment(ref _perTransport[(int)transport]);
        return true;
    }

    public void Leave(string client, HubTransport transport)
    {
        Interlocked.Decrement(ref _total);
        Interlocked.Decrement(ref _perTransport[(int)transport]);
        LeaveClient(client);
    }

    private void LeaveClient(string client)
    {
        if (_perClient.AddOrUpdate(client, 0, (_, count) => count - 1) <= 0)
        {
            _perClient.TryRemove(new KeyValuePair<string, int>(client, 0));
        }
    }
}

/// <summary>
/// Caps the Blazor connections per client address and in total. Every request that opens a transport to
/// <c>/_blazor</c> counts while it is open, whether or not it negotiated first: a web socket or server-sent events
/// stream for the connection's life, a long poll while it waits. A client may skip negotiation with web sockets
/// (SignalR allows it), so the cap is kept where the connection opens; negotiation is refused early as a courtesy.
/// </summary>
public sealed class CircuitLimitMiddleware(
    RequestDelegate next, LiveConnections connections, IOptions<CircuitLimitOptions> options, TimeProvider clock, IProblemDetailsService problems, ILogger<CircuitLimitMiddleware> logger)
{
    public static readonly PathString Hub = "/_blazor";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Hub, out var rest))
        {
            await next(context);
            return;
        }

        var client = ClientAddress.Of(context);
        if (rest.StartsWithSegments("/negotiate"))
        {
            if (connections.IsFull(client))
            {
                await RefuseAsync(context, client);
                return;
            }

            await next(context);
            return;
        }

        // A POST sends on a connection already counted, a DELETE ends one, and a GET that is neither a web socket nor
        // a negotiated connection's stream or poll (the script initializers' list) opens nothing. SignalR lets only a
        // web socket skip negotiation.
        if (!HttpMethods.IsGet(context.Request.Method) || !(context.WebSockets.IsWebSocketRequest || context.Request.Query.ContainsKey("id")))
        {
            await next(context);
            return;
        }

        var transport = TransportOf(context);
        if (!connections.TryEnter(client, transport))
        {
            await RefuseAsync(context, client);
            return;
        }

        if (transport == HubTransport.WebSockets && context.Features.Get<IHttpWebSocketFeature>() is { } sockets)
        {
            context.Features.Set<IHttpWebSocketFeature>(new IdleClosingWebSockets(sockets, options.Value.IdleTimeout, clock));
        }

        try
        {
            await next(context);
        }
        finally
        {
            connections.Leave(client, transport);
        }
    }

    private static HubTransport TransportOf(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest ? HubTransport.WebSockets
        : context.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) ? HubTransport.ServerSentEvents
        : HubTransport.LongPolling;

    private async Task RefuseAsync(HttpContext context, string client)
    {
        logger.LogWarning("Refused a live connection from {Client}: the per-client or total cap on live circuits is reached.", client);
        context.Response.Headers.RetryAfter = "30";
        await problems.WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, "Too many open pages.",
            "This server holds a limited number of live pages per visitor and in all. Close some tabs, or try again shortly.");
    }
}

/// <summary>Hands the hub web sockets that close themselves when the client stays silent past <see cref="CircuitLimitOptions.IdleTimeout"/>.</summary>
internal sealed class IdleClosingWebSockets(IHttpWebSocketFeature inner, TimeSpan idleTimeout, TimeProvider clock) : IHttpWebSocketFeature
{
    public bool IsWebSocketRequest => inner.IsWebSocketRequest;

    public async Task<WebSocket> AcceptAsync(WebSocketAcceptContext context) => new IdleClosingWebSocket(await inner.AcceptAsync(context), idleTimeout, clock);
}

/// <summary>A web socket aborted when nothing has arrived from the client for the idle timeout; every received frame starts it again.</summary>
internal sealed class IdleClosingWebSocket : WebSocket
{
    private readonly WebSocket _inner;
    private readonly TimeSpan _idleTimeout;
    private readonly ITimer _idle;

    public IdleClosingWebSocket(WebSocket inner, TimeSpan idleTimeout, TimeProvider clock)
    {
        _inner = inner;
        _idleTimeout = idleTimeout;
        _idle = clock.CreateTimer(socket => ((WebSocket)socket!).Abort(), inner, idleTimeout, Timeout.InfiniteTimeSpan);
    }

    public override WebSocketCloseStatus? CloseStatus => _inner.CloseStatus;

    public override string? CloseStatusDescription => _inner.CloseStatusDescription;

    public override WebSocketState State => _inner.State;

    public override string? SubProtocol => _inner.SubProtocol;

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var received = await _inner.ReceiveAsync(buffer, cancellationToken);
        _idle.Change(_idleTimeout, Timeout.InfiniteTimeSpan);
        return received;
    }

    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var received = await _inner.ReceiveAsync(buffer, cancellationToken);
        _idle.Change(_idleTimeout, Timeout.InfiniteTimeSpan);
        return received;
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        _inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, WebSocketMessageFlags messageFlags, CancellationToken cancellationToken) =>
        _inner.SendAsync(buffer, messageType, messageFlags, cancellationToken);

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        _inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        _inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        _inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override void Abort() => _inner.Abort();

    public override void Dispose()
    {
        _idle.Dispose();
        _inner.Dispose();
    }
}
