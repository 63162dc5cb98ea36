using Microsoft.EntityFrameworkCore;

namespace MskPlanner.Persistence;

/// <summary>Who may do a piece of shared work (the price refresh) until when.</summary>
public sealed class LeaseEntity
{
    public const int NameMaxLength = 64;
    public const int HolderMaxLength = 200;

    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>
/// Leases in the plans database, so that of several app instances on one database only one does a piece of
/// work at a time. A lease expires on its own, so an instance that dies holding one blocks the others only
/// until then. Plain updates and inserts, the same on SQLite and PostgreSQL.
/// </summary>
public sealed class LeaseStore(IDbContextFactory<PlansDbContext> contexts, DatabaseReadiness readiness, TimeProvider clock)
{
    /// <summary>Takes (or renews) the lease for <paramref name="hold"/>; false while someone else holds it.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan hold, CancellationToken cancellationToken)
    {
        await readiness.WaitAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var until = now + hold;
        // One statement decides, so two instances asking at once cannot both win.
        var taken = await db.Leases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Holder, holder).SetProperty(x => x.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        try
        {
            db.Leases.Add(new LeaseEntity { Name = name, Holder = holder, ExpiresAt = until });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (StoreFaults.IsWriteConflict(e))
        {
            // The row exists: someone else holds the lease, or took it first just now.
            return false;
        }
    }

    /// <summary>Gives the lease up early; a lease held by someone else is left alone.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.Leases
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.ExpiresAt, now), cancellationToken);
    }
}
