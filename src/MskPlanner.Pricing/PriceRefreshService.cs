using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MskPlanner.Pricing;

/// <summary>
/// Renews the cached price sets on a schedule: us-east-1 and every region someone has priced, plus the region
/// list. Runs beside the app; pages never wait for it.
/// </summary>
public sealed class PriceRefreshService(LivePriceSource prices, IOptions<PricingOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
        do
        {
            await RefreshDueAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
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
