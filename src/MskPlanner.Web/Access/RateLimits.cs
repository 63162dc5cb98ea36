using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;

using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MskPlanner.Web.Access;

/// <summary>
/// The "RateLimits" section: requests per minute from one client address to the endpoints anyone may call
/// without an account. Behind a proxy every visitor shares the proxy's address, so raise them there.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Share-link views: the page, its API, its PDF and its deploy files.</summary>
    [Range(1, 1_000_000)]
    public int SharedViewsPerMinute { get; set; } = 120;

    /// <summary>Sizings and capacity questions through the API, and their PDFs and deploy files.</summary>
    [Range(1, 1_000_000)]
    public int SizingPerMinute { get; set; } = 300;

    /// <summary>Wrong, revoked or expired API tokens (OIDC mode); past them the address's bearer requests get 429s.</summary>
    [Range(1, 1_000_000)]
    public int TokenFailuresPerMinute { get; set; } = 10;
}

/// <summary>The rate limiter's named policies, one token bucket per client address each.</summary>
public static class RateLimitPolicies
{
    public const string SharedViews = "shared-views";
    public const string Sizing = "sizing";

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(SharedViews, context => PerClient(context, o => o.SharedViewsPerMinute));
            limiter.AddPolicy(Sizing, context => PerClient(context, o => o.SizingPerMinute));
            limiter.OnRejected = RejectAsync;
        });
    }

    /// <summary>
    /// A bucket that holds a minute's requests and refills every second, so a client that stays under its rate is
    /// never refused, however its requests bunch up within the minute.
    /// </summary>
    private static RateLimitPartition<string> PerClient(HttpContext context, Func<RateLimitOptions, int> perMinute)
    {
        var limit = perMinute(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return RateLimitPartition.GetTokenBucketLimiter(ClientAddress.Of(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit,
            TokensPerPeriod = Math.Max(1, limit / 60),
            ReplenishmentPeriod = TimeSpan.FromSeconds(limit >= 60 ? 1 : 60.0 / limit),
            QueueLimit = 0,
        });
    }

    /// <summary>Holds the endpoint to the policy, and says in the OpenAPI document that it may answer 429.</summary>
    public static RouteHandlerBuilder LimitedBy(this RouteHandlerBuilder endpoint, string policy) =>
        endpoint.RequireRateLimiting(policy).ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteProblemAsync(context, StatusCodes.Status429TooManyRequests,
            "Too many requests.", "This address has sent more requests than this server takes from one client in a minute. Wait for the time in Retry-After and try again.");
    }
}
