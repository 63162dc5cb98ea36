using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

using Microsoft.EntityFrameworkCore;

using MskPlanner.Sizing;

namespace MskPlanner.Persistence;

/// <summary>
/// Saved plans, their revisions and share links. Each call opens its own context (Blazor Server keeps circuits
/// alive for long; a context must not live with them).
/// </summary>
public sealed class PlanStore(IDbContextFactory<PlansDbContext> contexts, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    private const int SaveAttempts = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<PlanDetails> CreateAsync(string name, string? description, RevisionDraft first, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var plan = new PlanEntity
        {
            Name = name.Trim(),
            Description = Blank(description),
            CreatedAt = now,
            UpdatedAt = now,
            LatestRevision = 1,
            LatestMonthlyCost = first.Price.MonthlyCost,
        };
        var revision = NewRevision(first, 1, now);
        plan.Revisions.Add(revision);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return new PlanDetails(Summary(plan), ToRevision(revision));
    }

    /// <summary>
    /// Adds a revision. Saves of the same plan at the same moment queue on the plan's row, which the first
    /// statement locks (SQLite locks the whole file); should a save still fail on a conflict, it is tried again:
    /// both are kept.
    /// </summary>
    public async Task<PlanRevision?> SaveRevisionAsync(int planId, RevisionDraft draft, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                // PostgreSQL's strategy runs the whole transaction again after a dropped connection; SQLite's runs it once.
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => AddRevisionAsync(db, planId, draft, cancellationToken));
            }
            catch (Exception e) when (attempt < SaveAttempts && StoreFaults.IsWriteConflict(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken);
            }
        }
    }

    private async Task<PlanRevision?> AddRevisionAsync(PlansDbContext db, int planId, RevisionDraft draft, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // One statement takes the plan row's lock and the next number: the plan's latest revision is always its
        // highest, so no other save can read the same number before this one commits.
        var locked = await db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(p => p
            .SetProperty(x => x.LatestRevision, x => x.LatestRevision + 1)
            .SetProperty(x => x.LatestMonthlyCost, draft.Price.MonthlyCost)
            .SetProperty(x => x.UpdatedAt, now), cancellationToken);
        if (locked == 0)
        {
            return null;
        }

        var number = await db.Plans.Where(p => p.Id == planId).Select(p => p.LatestRevision).SingleAsync(cancellationToken);
        var revision = NewRevision(draft, number, now);
        revision.PlanId = planId;
        db.Revisions.Add(revision);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToRevision(revision);
    }

    public async Task<PlanSummary?> UpdateAsync(int planId, string? name, string? description, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        if (name is not null)
        {
            plan.Name = name.Trim();
        }

        if (description is not null)
        {
            plan.Description = Blank(description);
        }

        plan.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Summary(plan);
    }

    public async Task<PlanDetails?> GetAsync(int planId, int? revision = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var number = revision ?? plan.LatestRevision;
        var entity = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.PlanId == planId && r.Number == number, cancellationToken);
        return entity is null ? null : new PlanDetails(Summary(plan), ToRevision(entity));
    }

    public async Task<IReadOnlyList<PlanRevision>?> ListRevisionsAsync(int planId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Plans.AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return null;
        }

        var revisions = await db.Revisions.AsNoTracking().Where(r => r.PlanId == planId).OrderByDescending(r => r.Number).ToListAsync(cancellationToken);
        return [.. revisions.Select(ToRevision)];
    }

    public async Task<PlanPage> ListAsync(string? search, PlanSort sort, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Plans.AsNoTracking();
        if (PlanRules.CheckSearch(search) is not null)
        {
            return new PlanPage([], 0, page, pageSize);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + EscapeLike(search.Trim()) + "%";
            // SQLite's LIKE ignores the case of ASCII letters. PostgreSQL's ILIKE under the "C" collation does the
            // same; under the column's ICU collation it folds every row's case through ICU, ten times slower.
            query = db.Database.IsNpgsql()
                ? query.Where(p => EF.Functions.ILike(EF.Functions.Collate(p.Name, "C"), pattern, "\\"))
                : query.Where(p => EF.Functions.Like(p.Name, pattern, "\\"));
        }

        var total = await query.CountAsync(cancellationToken);
        query = sort switch
        {
            PlanSort.UpdatedOldest => query.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id),
            PlanSort.Name => query.OrderBy(p => p.Name).ThenBy(p => p.Id),
            PlanSort.CostLowest => query.OrderBy(p => p.LatestMonthlyCost == null).ThenBy(p => p.LatestMonthlyCost).ThenBy(p => p.Id),
            // Plans without a cost last either way: SQLite sorts nulls first and PostgreSQL last, so neither is left to choose.
            PlanSort.CostHighest => query.OrderBy(p => p.LatestMonthlyCost == null).ThenByDescending(p => p.LatestMonthlyCost).ThenBy(p => p.Id),
            _ => query.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id),
        };
        // Computed wide: (page - 1) * pageSize overflows an int for pages past about 21 million, and wrapped round to page 1.
        var skip = (long)(page - 1) * pageSize;
        List<PlanEntity> items = skip >= total ? [] : await query.Skip((int)skip).Take(pageSize).ToListAsync(cancellationToken);
        return new PlanPage([.. items.Select(Summary)], total, page, pageSize);
    }

    /// <summary>Hides the plan; <see cref="RestoreAsync"/> brings it back. Other plans are never touched.</summary>
    public Task<bool> DeleteAsync(int planId, CancellationToken cancellationToken = default) =>
        SetDeletedAsync(planId, deleted: true, cancellationToken);

    public Task<bool> RestoreAsync(int planId, CancellationToken cancellationToken = default) =>
        SetDeletedAsync(planId, deleted: false, cancellationToken);

    public async Task<CreatedShareLink?> CreateShareAsync(int planId, int? revision, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exists = revision is null
            ? await db.Plans.AnyAsync(p => p.Id == planId, cancellationToken)
            : await db.Revisions.AnyAsync(r => r.PlanId == planId && r.Number == revision && db.Plans.Any(p => p.Id == planId), cancellationToken);
        if (!exists)
        {
            return null;
        }

        var token = SecretTokens.New();
        var link = new ShareLinkEntity { PlanId = planId, RevisionNumber = revision, TokenHash = SecretTokens.Hash(token), CreatedAt = clock.GetUtcNow() };
        db.ShareLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedShareLink(ToShare(link), token);
    }

    /// <summary>The plan's links, newest first; null when there is no such plan, or it is deleted.</summary>
    public async Task<IReadOnlyList<ShareLink>?> ListSharesAsync(int planId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Plans.AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return null;
        }

        var links = await db.ShareLinks.AsNoTracking().Where(l => l.PlanId == planId).OrderByDescending(l => l.Id).ToListAsync(cancellationToken);
        return [.. links.Select(ToShare)];
    }

    public async Task<bool> RevokeShareAsync(int planId, int linkId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var link = await db.ShareLinks.SingleOrDefaultAsync(l => l.Id == linkId && l.PlanId == planId, cancellationToken);
        if (link is null)
        {
            return false;
        }

        link.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// What a token opens, or null for a wrong, revoked or deleted one. The token is hashed before the
    /// lookup, so how long the lookup takes says nothing about how much of a guessed token was right.
    /// </summary>
    public async Task<SharedPlan?> ResolveShareAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = SecretTokens.HashPresented(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var link = await db.ShareLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null || link.RevokedAt is not null || !CryptographicOperations.FixedTimeEquals(link.TokenHash, hash))
        {
            return null;
        }

        var details = await GetAsync(link.PlanId, link.RevisionNumber, cancellationToken);
        return details is null ? null : new SharedPlan(ToShare(link), details);
    }

    private async Task<bool> SetDeletedAsync(int planId, bool deleted, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The one place that sees deleted plans: to delete and restore them.
        var plan = await db.Plans.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || (plan.DeletedAt is null) != deleted)
        {
            return false;
        }

        plan.DeletedAt = deleted ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static RevisionEntity NewRevision(RevisionDraft draft, int number, DateTimeOffset now) => new()
    {
        Number = number,
        CreatedAt = now,
        Comment = Blank(draft.Comment),
        InputsJson = JsonSerializer.Serialize(draft.Inputs, Json),
        Region = draft.Region,
        SelectedFamily = draft.SelectedFamily,
        PriceSource = draft.Price.Source,
        PriceRegion = draft.Price.Region,
        PriceAsOf = draft.Price.AsOf,
        MonthlyCostThen = draft.Price.MonthlyCost,
    };

    private static PlanSummary Summary(PlanEntity p) =>
        new(p.Id, p.Name, p.Description, p.CreatedAt, p.UpdatedAt, p.LatestRevision, p.LatestMonthlyCost);

    private static PlanRevision ToRevision(RevisionEntity r) => new(
        r.PlanId,
        r.Number,
        r.CreatedAt,
        r.Comment,
        JsonSerializer.Deserialize<SizingRequest>(r.InputsJson, Json)!,
        r.Region,
        r.SelectedFamily,
        new PriceStamp(r.PriceSource, r.PriceRegion, r.PriceAsOf, r.MonthlyCostThen));

    private static ShareLink ToShare(ShareLinkEntity l) => new(l.Id, l.PlanId, l.RevisionNumber, l.CreatedAt, l.RevokedAt);

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
