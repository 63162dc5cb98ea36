using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;

using Microsoft.AspNetCore.Components.Server;
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

/// <summary>The live Blazor connections, per client address and in all, kept against <see cref="CircuitLimitOptions"/>.</summary>
public sealed class LiveConnections(IOptions<CircuitLimitOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _perClient = new(StringComparer.Ordinal);
    private int _total;

    public int Total => Volatile.Read(ref _total);

    public bool IsFull(string client) =>
        Volatile.Read(ref _total) >= options.Value.MaxTotal || _perClient.GetValueOrDefault(client) >= options.Value.MaxPerClient;

    /// <summary>Counts a connection in, or refuses it when either cap would be passed.</summary>
    public bool TryEnter(string client)
    {
        var limits = options.Value;
        if (Interlocked.Increment(ref _total) > limits.MaxTotal)
        {
            Interlocked.Decrement(ref _total);
            return false;
        }

        if (_perClient.AddOrUpdate(client, 1, (_, count) => count + 1) > limits.MaxPerClient)
        {
            Leave(client);
            return false;
        }

        return true;
    }

    public void Leave(string client)
    {
        Interlocked.Decrement(ref _total);
        if (_perClient.AddOrUpdate(client, 0, (_, count) => count - 1) <= 0)
        {
            _perClient.TryRemove(new KeyValuePair<string, int>(client, 0));
        }
    }
}

/// <summary>
/// Caps the Blazor connections per client address and in total. A connection is live while its transport request
/// to <c>/_blazor</c> is open (a web socket or server-sent events stay open; a long poll is one request at a time);
/// a new one is refused with 429 at negotiation, and again at connection so a burst of negotiations cannot slip past.
/// </summary>
public sealed class CircuitLimitMiddleware(RequestDelegate next, LiveConnections connections, IProblemDetailsService problems, ILogger<CircuitLimitMiddleware> logger)
{
    private static readonly PathString Hub = "/_blazor";

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

        if (!HttpMethods.IsGet(context.Request.Method) || !context.Request.Query.ContainsKey("id"))
        {
            await next(context);
            return;
        }

        if (!connections.TryEnter(client))
        {
            await RefuseAsync(context, client);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            connections.Leave(client);
        }
    }

    private async Task RefuseAsync(HttpContext context, string client)
    {
        logger.LogWarning("Refused a live connection from {Client}: the per-client or total cap on live circuits is reached.", client);
        context.Response.Headers.RetryAfter = "30";
        await problems.WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, "Too many open pages.",
            "This server holds a limited number of live pages per visitor and in all. Close some tabs, or try again shortly.");
    }
}
