using Microsoft.EntityFrameworkCore;

namespace MskPlanner.Persistence;

/// <summary>A signed-in session its user ended: its cookie is refused from then on, by every instance.</summary>
public sealed class EndedSessionEntity
{
    public const int IdMaxLength = 64;

    public string SessionId { get; set; } = "";
    public DateTimeOffset EndedAt { get; set; }

    /// <summary>When the session would have expired anyway; past it the row is kept for nothing and goes.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>
/// The sessions that signing out ended. A cookie is a signed ticket the server keeps no copy of, so without this
/// a copied cookie would still work after its user signed out, until it expired.
/// </summary>
public sealed class SessionStore(IDbContextFactory<PlansDbContext> contexts, TimeProvider clock)
{
    public async Task EndAsync(string sessionId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.EndedSessions.Where(e => e.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        if (!await db.EndedSessions.AnyAsync(e => e.SessionId == sessionId, cancellationToken))
        {
            db.EndedSessions.Add(new EndedSessionEntity { SessionId = sessionId.Cut(EndedSessionEntity.IdMaxLength), EndedAt = now, ExpiresAt = expiresAt });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (StoreFaults.IsWriteConflict(e))
            {
                // Signed out twice at once: the other request ended the same session.
            }
        }
    }

    public async Task<bool> IsEndedAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.EndedSessions.AnyAsync(e => e.SessionId == sessionId, cancellationToken);
    }
}
