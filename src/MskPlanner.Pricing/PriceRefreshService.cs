using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MskPlanner.Pricing;

/// <summary>
/// Renews the cached price sets on a schedule: us-east-1 and every region someone has priced, plus the region
/// list. Runs beside the app; pages never wait for it, and no fault of it may stop the app: a failed pass is
/// logged and tried again after <see cref="PricingOptions.RetryAfterFailure"/>. Of several instances on one
/// database, the one holding the <see cref="IPriceRefreshLease"/> downloads; every instance takes up the stored
/// sets each <see cref="PricingOptions.CheckInterval"/>.
/// </summary>
public sealed class PriceRefreshService(
    LivePriceSource prices,
    IPriceRefreshLease lease,
    IOptions<PricingOptions> options,
    TimeProvider clock,
    ILogger<PriceRefreshService> logger) : BackgroundService
{
    /// <summary>However short the configured wait after a failure, a broken store is not hammered in a loop.</summary>
    private static readonly TimeSpan ShortestRetry = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _regionsCheckedAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = await TryRefreshAsync(stoppingToken)
                ? options.Value.CheckInterval
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
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && LivePriceSource.IsPriceListFault(e))
        {
            logger.LogWarning("The background price refresh failed ({Reason}); the prices already loaded stay in use and the refresh is tried again later.",
                LivePriceSource.Describe(e));
            return false;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "The background price refresh failed; the prices already loaded stay in use and the refresh is tried again later.");
            return false;
        }
    }

    /// <summary>
    /// One pass: the region list when it is a refresh interval old, then every set older than the interval (and
    /// us-east-1 if missing), downloaded only while this instance holds the lease. The regions refreshed.
    /// </summary>
    public async Task<IReadOnlyList<string>> RefreshDueAsync(CancellationToken cancellationToken)
    {
        // The region index is a few kilobytes and each instance keeps its own list, so each reads it.
        if (_regionsCheckedAt is null || clock.GetUtcNow() - _regionsCheckedAt >= options.Value.RefreshInterval)
        {
            await prices.RefreshRegionsAsync(cancellationToken);
            _regionsCheckedAt = clock.GetUtcNow();
        }

        await prices.ReloadStoredAsync(cancellationToken);
        if ((await DueAsync(cancellationToken)).Count == 0 || !await lease.TryAcquireAsync(Hold, cancellationToken))
        {
            return [];
        }

        try
        {
            // Another instance may have finished a pass between the reload above and taking the lease.
            await prices.ReloadStoredAsync(cancellationToken);
            var refreshed = new List<string>();
            foreach (var region in await DueAsync(cancellationToken))
            {
                if (!await lease.TryAcquireAsync(Hold, cancellationToken))
                {
                    break;
                }

                await prices.RefreshAsync(region, cancellationToken);
                refreshed.Add(region);
            }

            return refreshed;
        }
        finally
        {
            await lease.ReleaseAsync(CancellationToken.None);
        }
    }

    /// <summary>Longer than one region's download with every retry, renewed before each region.</summary>
    private TimeSpan Hold => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(5).Ticks, options.Value.Timeout.Ticks * 10));

    private async Task<List<string>> DueAsync(CancellationToken cancellationToken)
    {
        var due = new List<string>();
        var regions = (await prices.CachedRegionsAsync(cancellationToken)).Append(Sizing.InputLimits.DefaultRegion).Distinct(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var cached = await prices.CachedAsync(region, cancellationToken);
            if (cached is null || clock.GetUtcNow() - cached.FetchedAt >= options.Value.RefreshInterval)
            {
                due.Add(region);
            }
        }

        return due;
    }
}
