using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MskPlanner.Pricing;

/// <summary>
/// Renews the cached price sets on a schedule: us-east-1 and every region someone has priced, plus the region
/// list. Runs beside the app; pages never wait for it, and no fault of it may stop the app: a failed pass is
/// logged and tried again after <see cref="PricingOptions.RetryAfterFailure"/>.
/// </summary>
public sealed class PriceRefreshService(LivePriceSource prices, IOptions<PricingOptions> options, TimeProvider clock, ILogger<PriceRefreshService> logger) : BackgroundService
{
    /// <summary>However short the configured wait after a failure, a broken store is not hammered in a loop.</summary>
    private static readonly TimeSpan ShortestRetry = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = await TryRefreshAsync(stoppingToken)
                ? options.Value.RefreshInterval
                : TimeSpan.FromTicks(Math.Max(options.Value.RetryAfterFailure.Ticks, ShortestRetry.Ticks));
            await Task.Delay(wait, clock, stoppingToken);
        }
    }

    /// <summary>One pass, never throwing but for shutdown: false when it failed and should be tried again soon.</summary>
    public async Task<bool> TryRefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshDueAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "The background price refresh failed; the prices already loaded stay in use and the refresh is tried again later.");
            return false;
        }
    }

    /// <summary>One pass: the region list, then every set older than the refresh interval (and us-east-1 if missing).</summary>
    public async Task<IReadOnlyList<string>> RefreshDueAsync(CancellationToken cancellationToken)
    {
        await prices.RefreshRegionsAsync(cancellationToken);
        var refreshed = new List<string>();
        var regions = (await prices.CachedRegionsAsync(cancellationToken)).Append(Sizing.InputLimits.DefaultRegion).Distinct(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var cached = await prices.CachedAsync(region, cancellationToken);
            if (cached is null || clock.GetUtcNow() - cached.FetchedAt >= options.Value.RefreshInterval)
            {
                await prices.RefreshAsync(region, cancellationToken);
                refreshed.Add(region);
            }
        }

        return refreshed;
    }
}
