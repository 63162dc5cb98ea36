using Microsoft.EntityFrameworkCore;

namespace MskPlanner.Persistence;

/// <summary>What the store's health check found.</summary>
public sealed record StoreCondition(bool IsUsable, string Description);

/// <summary>Checks that saves can succeed now: migrated, then whatever the provider needs (see <see cref="StoreProvider"/>).</summary>
public sealed class StoreProbe(IDbContextFactory<PlansDbContext> contexts, StoreProvider provider, DatabaseReadiness readiness)
{
    public async Task<StoreCondition> CheckAsync(CancellationToken cancellationToken) =>
        readiness.IsReady
            ? await provider.CheckAsync(contexts, cancellationToken)
            : new(false, "The database is being migrated.");
}
