using System.Collections.Concurrent;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using MskPlanner.Sizing;

namespace MskPlanner.Pricing;

/// <summary>
/// Live AWS prices with a cache in front and the bundled snapshot behind. A region with a cached price set
/// answers at once, however old the set (the refresher renews it); a region without one is fetched once, and
/// if that fails, or takes longer than <see cref="PricingOptions.FirstFetchWait"/> (by default no wait at all), the
/// snapshot answers, saying why live prices are missing, while the download goes on; <see cref="ArrivalAsync"/> tells
/// when it ends. A failing region is not tried again until
/// <see cref="PricingOptions.RetryAfterFailure"/> has passed, so typing never waits on a dead network.
/// </summary>
public sealed class LivePriceSource(
    IAwsPriceList priceList,
    IPriceCache cache,
    BundledSnapshotPriceSource snapshot,
    RegionCatalog regions,
    IOptions<PricingOptions> options,
    TimeProvider clock,
    PricingMetrics metrics,
    IHostApplicationLifetime lifetime,
    ILogger<LivePriceSource> logger) : IPriceSource
{
    private readonly ConcurrentDictionary<string, CachedPriceSet> _sets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, string Reason)> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _fetching = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<(CachedPriceSet? Set, string? Error)>>> _firstFetches = new(StringComparer.Ordinal);

    public async ValueTask<PriceSheet> GetPricesAsync(string region, CancellationToken cancellationToken = default)
    {
        if (_sets.TryGetValue(region, out var inMemory))
        {
            return inMemory.Sheet;
        }

        // A region that failed recently has nothing on disk either (a stored set is in memory once read), so the
        // fallback answers without another database read on every keystroke.
        if (_failures.TryGetValue(region, out var failure) && clock.GetUtcNow() - failure.At < options.Value.RetryAfterFailure)
        {
            return Fallback(region, failure.Reason);
        }

        if (await CachedAsync(region, cancellationToken) is { } cached)
        {
            return cached.Sheet;
        }

        try
        {
            var fetched = await FirstFetchAsync(region).WaitAsync(options.Value.FirstFetchWait, clock, cancellationToken);
            return fetched.Set?.Sheet ?? Fallback(region, fetched.Error ?? "no price set");
        }
        catch (TimeoutException)
        {
            return Fallback(region, "still downloading; the page shows them when they arrive");
        }
    }

    public Task ArrivalAsync(string region) => _firstFetches.TryGetValue(region, out var fetch) ? fetch.Value : Task.CompletedTask;

    /// <summary>
    /// One download per region for everyone waiting on it, not tied to any one page: a page that stops waiting
    /// (or closes) leaves it running, so the region has live prices for the next change. It ends when the app
    /// stops: the HTTP pipeline waits up to 30 seconds for executions still running when it is disposed, which held
    /// a stopping process that long while a price list did not answer.
    /// </summary>
    private Task<(CachedPriceSet? Set, string? Error)> FirstFetchAsync(string region) =>
        _firstFetches.GetOrAdd(region, r => new Lazy<Task<(CachedPriceSet? Set, string? Error)>>(() => DetachedFetchAsync(r))).Value;

    private async Task<(CachedPriceSet? Set, string? Error)> DetachedFetchAsync(string region)
    {
        try
        {
            return await Task.Run(() => FetchAsync(region, onlyIfMissing: true, lifetime.ApplicationStopping));
        }
        finally
        {
            _firstFetches.TryRemove(region, out _);
        }
    }

    /// <summary>
    /// The cached set of a region, from memory or the database, or null. A store that cannot be read counts as
    /// empty: the cache only saves downloads, and its faults must not take prices away.
    /// </summary>
    public async Task<CachedPriceSet?> CachedAsync(string region, CancellationToken cancellationToken = default)
    {
        if (_sets.TryGetValue(region, out var set))
        {
            return set;
        }

        try
        {
            if (await cache.GetAsync(region, cancellationToken) is { } stored)
            {
                return Serve(stored);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "The price cache could not be read for {Region}; fetching instead.", region);
        }

        return null;
    }

    /// <summary>
    /// Takes up the stored sets that are newer than those held here: another instance on the same database
    /// refreshed them. A store that cannot be read fails the pass, which is tried again later.
    /// </summary>
    public async Task ReloadStoredAsync(CancellationToken cancellationToken)
    {
        foreach (var stored in await cache.ListAsync(cancellationToken))
        {
            if (!_sets.TryGetValue(stored.Region, out var held) || stored.FetchedAt > held.FetchedAt)
            {
                Serve(stored);
                _failures.TryRemove(stored.Region, out _);
            }
        }
    }

    /// <summary>Fetches a region's prices now and caches them; never throws for a network, format or store fault.</summary>
    public Task<(CachedPriceSet? Set, string? Error)> RefreshAsync(string region, CancellationToken cancellationToken = default) =>
        FetchAsync(region, onlyIfMissing: false, cancellationToken);

    /// <summary>
    /// One download per region at a time. With <paramref name="onlyIfMissing"/>, callers that queued behind a
    /// download take its outcome instead of starting their own: the first visitors to a region download it once.
    /// </summary>
    private async Task<(CachedPriceSet? Set, string? Error)> FetchAsync(string region, bool onlyIfMissing, CancellationToken cancellationToken)
    {
        var gate = _fetching.GetOrAdd(region, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (onlyIfMissing && _sets.TryGetValue(region, out var fetched))
            {
                return (fetched, null);
            }

            if (onlyIfMissing && _failures.TryGetValue(region, out var failed) && clock.GetUtcNow() - failed.At < options.Value.RetryAfterFailure)
            {
                return (null, failed.Reason);
            }

            var live = await priceList.GetPricesAsync(region, cancellationToken);
            var set = Serve(new CachedPriceSet(region, clock.GetUtcNow(), LivePriceSheet.Build(region, live, snapshot.Snapshot)));
            metrics.Fetched(region);
            _failures.TryRemove(region, out _);
            await SaveAsync(set, cancellationToken);
            return (set, null);
        }
        catch (Exception e) when (IsPriceListFault(e))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            var reason = Describe(e);
            // Logged once per failure streak, not on every keystroke that asks for this region.
            if (!_failures.ContainsKey(region))
            {
                // The reason says what failed; a stack would repeat the resilience pipeline's frames for an outage, not a bug.
                logger.LogWarning("Live prices for {Region} are unavailable, using the bundled snapshot: {Reason}", region, reason);
            }

            _failures[region] = (clock.GetUtcNow(), reason);
            metrics.FetchFailed(region);

            // Keep the promise GetPricesAsync relies on: a stored set is in memory before a failure can hide it.
            await CachedAsync(region, CancellationToken.None);
            return (null, reason);
        }
        finally
        {
            gate.Release();
        }
    }

    private CachedPriceSet Serve(CachedPriceSet set)
    {
        _sets[set.Region] = set;
        metrics.Serving(set);
        return set;
    }

    /// <summary>Keeps a fetched set for the next start; if the store fails, the set still serves from memory.</summary>
    private async Task SaveAsync(CachedPriceSet set, CancellationToken cancellationToken)
    {
        try
        {
            await cache.SaveAsync(set, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Live prices for {Region} could not be stored; they serve from memory until the next refresh.", set.Region);
        }
    }

    /// <summary>Asks the price list which regions MSK is sold in, and offers them.</summary>
    public async Task RefreshRegionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            regions.Merge(await priceList.GetMskRegionsAsync(cancellationToken));
        }
        catch (Exception e) when (IsPriceListFault(e) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The AmazonMSK region index is unavailable, keeping the known region list: {Reason}", Describe(e));
        }
    }

    public async Task<IReadOnlyList<string>> CachedRegionsAsync(CancellationToken cancellationToken) =>
        [.. (await cache.ListAsync(cancellationToken)).Select(s => s.Region)];

    private PriceSheet Fallback(string region, string reason)
    {
        var sheet = snapshot.Snapshot;
        var elsewhere = string.Equals(region, sheet.Origin.Region, StringComparison.OrdinalIgnoreCase) ? "" : $" {sheet.Origin.Region} prices shown for {region}.";
        return sheet with { Origin = sheet.Origin with { Note = $"Live prices unavailable ({reason}).{elsewhere}" } };
    }

    /// <summary>Faults of the network or of AWS's answer, after the resilience handler's retries: never of our code.</summary>
    internal static bool IsPriceListFault(Exception e) =>
        e is HttpRequestException or TaskCanceledException or TimeoutException or MalformedOfferException or System.Text.Json.JsonException or Polly.ExecutionRejectedException;

    internal static string Describe(Exception e) => e switch
    {
        HttpRequestException { StatusCode: { } status } => $"the price list answered {(int)status} {status}",
        HttpRequestException h => $"the price list could not be reached: {h.Message}",
        MalformedOfferException m => m.Message,
        System.Text.Json.JsonException => "the price list sent something that is not JSON",
        Polly.CircuitBreaker.BrokenCircuitException => "the price list failed repeatedly; not asking again for a while",
        _ => "the price list did not answer in time",
    };
}
