using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using MskPlanner.Sizing;

namespace MskPlanner.Persistence;

/// <summary>A region's price sheet as fetched, and when.</summary>
public sealed record StoredPriceSet(string Region, DateTimeOffset FetchedAt, PriceSheet Sheet);

/// <summary>
/// Price sets kept in the plans database, one row per region, replaced on each refresh. The refresh starts
/// beside the migrator, so every call waits for the schema first. The web host adapts it to the pricing
/// project's cache, so persistence needs nothing from pricing.
/// </summary>
public sealed class PriceSetStore(IDbContextFactory<PlansDbContext> contexts, DatabaseReadiness readiness)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<StoredPriceSet?> GetAsync(string region, CancellationToken cancellationToken)
    {
        await readiness.WaitAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.PriceSets.AsNoTracking().SingleOrDefaultAsync(p => p.Region == region, cancellationToken);
        return row is null ? null : ToSet(row);
    }

    public async Task<IReadOnlyList<StoredPriceSet>> ListAsync(CancellationToken cancellationToken)
    {
        await readiness.WaitAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return [.. (await db.PriceSets.AsNoTracking().OrderBy(p => p.Region).ToListAsync(cancellationToken)).Select(ToSet)];
    }

    public async Task SaveAsync(StoredPriceSet priceSet, CancellationToken cancellationToken)
    {
        await readiness.WaitAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.PriceSets.SingleOrDefaultAsync(p => p.Region == priceSet.Region, cancellationToken);
        if (row is null)
        {
            row = new PriceSetEntity { Region = priceSet.Region };
            db.PriceSets.Add(row);
        }

        row.Source = priceSet.Sheet.Origin.Source;
        row.PublishedOn = priceSet.Sheet.Origin.AsOf;
        row.FetchedAt = priceSet.FetchedAt;
        row.SheetJson = JsonSerializer.Serialize(priceSet.Sheet, Json);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static StoredPriceSet ToSet(PriceSetEntity row) =>
        new(row.Region, row.FetchedAt, JsonSerializer.Deserialize<PriceSheet>(row.SheetJson, Json)!);
}
