using MskPlanner.Persistence;
using MskPlanner.Pricing;

namespace MskPlanner.PriceStore;

/// <summary>The pricing project's cache, kept in the plans database: the one place the two projects meet.</summary>
internal sealed class StoredPriceCache(PriceSetStore store) : IPriceCache
{
    public async Task<CachedPriceSet?> GetAsync(string region, CancellationToken cancellationToken) =>
        await store.GetAsync(region, cancellationToken) is { } stored ? ToCached(stored) : null;

    public async Task<IReadOnlyList<CachedPriceSet>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken)).Select(ToCached)];

    public Task SaveAsync(CachedPriceSet priceSet, CancellationToken cancellationToken) =>
        store.SaveAsync(new StoredPriceSet(priceSet.Region, priceSet.FetchedAt, priceSet.Sheet), cancellationToken);

    private static CachedPriceSet ToCached(StoredPriceSet stored) => new(stored.Region, stored.FetchedAt, stored.Sheet);
}
