using Microsoft.Extensions.DependencyInjection;

using MskPlanner.Pricing;

namespace MskPlanner.PriceStore;

/// <summary>
/// Pricing's cache and refresh lease kept in the plans database, so instances on one database share both. A project
/// of its own because pricing and persistence do not know each other: the app and pricing's tests both register it.
/// </summary>
public static class PriceStoreServiceCollectionExtensions
{
    public static IServiceCollection AddStoredPriceCache(this IServiceCollection services) => services
        .AddSingleton<IPriceCache, StoredPriceCache>()
        .AddSingleton<IPriceRefreshLease, StoredRefreshLease>();
}
