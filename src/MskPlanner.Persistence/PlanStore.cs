using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

using Microsoft.EntityFrameworkCore;

using MskPlanner.Sizing;

namespace MskPlanner.Persistence;

/// <summary>
/// Saved plans, their revisions and share links, as one caller may see and change them: a plan in a workspace
/// they do not belong to does not exist for them (null, as for no plan at all); one they may only view refuses
/// changes with <see cref="AccessDeniedException"/>. Each call opens its own context (Blazor Server keeps circuits
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

    /// <summary>A new plan in the workspace (the caller's personal one when none is given); null when the caller cannot see that workspace.</summary>
    public async Task<PlanDetails?> CreateAsync(Caller caller, int? workspaceId, string name, string? description, RevisionDraft first, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var workspace = workspaceId is { } id
            ? await WorkspaceAccess.RequireAsync(db, caller, id, WorkspaceRole.Editor, cancellationToken)
            : WorkspaceAccess.View(await WorkspaceAccess.PersonalAsync(db, caller, now, cancellationToken), WorkspaceRole.Owner);
        if (workspace is null)
        {
            return null;
        }

        var plan = new PlanEntity
        {
            WorkspaceId = workspace.Id,
            Name = name.Trim(),
            Description = Blank(description),
            CreatedAt = now,
            UpdatedAt = now,
            LatestRevision = 1,
            LatestMonthlyCost = first.Price.MonthlyCost,
        };
        var revision = NewRevision(first, 1, now, caller);
        plan.Revisions.Add(revision);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return new PlanDetails(Summary(plan, workspace), ToRevision(revision));
    }

    /// <summary>
    /// Adds a revision. Saves of the same plan at the same moment queue on the plan's row, which the first
    /// statement locks (SQLite locks the whole file); should a save still fail on a conflict, it is tried again:
    /// both are kept.
    /// </summary>
    public async Task<PlanRevision?> SaveRevisionAsync(Caller caller, int planId, RevisionDraft draft, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                // PostgreSQL's strategy runs the whole transaction again after a dropped connection; SQLite's runs it once.
                if (await EditablePlanAsync(db, caller, planId, cancellationToken) is null)
                {
                    return null;
                }

                return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => AddRevisionAsync(db, caller, planId, draft, cancellationToken));
            }
            catch (Exception e) when (attempt < SaveAttempts && StoreFaults.IsWriteConflict(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken);
            }
        }
    }

    private async Task<PlanRevision?> AddRevisionAsync(PlansDbContext db, Caller caller, int planId, RevisionDraft draft, CancellationToken cancellationToken)
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
        var revision = NewRevision(draft, number, now, caller);
        revision.PlanId = planId;
        db.Revisions.Add(revision);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToRevision(revision);
    }

    public async Task<PlanSummary?> UpdateAsync(Caller caller, int planId, string? name, string? description, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await EditablePlanAsync(db, caller, planId, cancellationToken) is not var (plan, workspace, _))
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
        return Summary(plan, workspace);
    }

    public async Task<PlanDetails?> GetAsync(Caller caller, int planId, int? revision = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await VisiblePlanAsync(db, caller, planId, cancellationToken) is var (plan, workspace, _)
            ? await DetailsAsync(db, plan, workspace, revision, cancellationToken)
            : null;
    }

    public async Task<IReadOnlyList<PlanRevision>?> ListRevisionsAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await VisiblePlanAsync(db, caller, planId, cancellationToken) is null)
        {
            return null;
        }

        var revisions = await db.Revisions.AsNoTracking().Where(r => r.PlanId == planId).OrderByDescending(r => r.Number).ToListAsync(cancellationToken);
        return [.. revisions.Select(ToRevision)];
    }

    /// <summary>The plans in the caller's workspaces, or in one of them.</summary>
    public async Task<PlanPage> ListAsync(Caller caller, int? workspaceId, string? search, PlanSort sort, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = await WorkspaceAccess.VisibleAsync(db, caller, cancellationToken);
        var workspaceIds = workspaceId is { } only ? visible.Keys.Where(id => id == only).ToList() : [.. visible.Keys];
        if (PlanRules.CheckSearch(search) is not null || workspaceIds.Count == 0)
        {
            return new PlanPage([], 0, page, pageSize);
        }

        // Every workspace is every plan: no filter, so the sorted indexes serve the page as they did before workspaces.
        var query = caller.OwnsEverything && workspaceId is null
            ? db.Plans.AsNoTracking()
            : db.Plans.AsNoTracking().Where(p => workspaceIds.Contains(p.WorkspaceId));

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
        return new PlanPage([.. items.Select(p => Summary(p, visible[p.WorkspaceId]))], total, page, pageSize);
    }

    /// <summary>Hides the plan; <see cref="RestoreAsync"/> brings it back. Other plans are never touched.</summary>
    public Task<bool> DeleteAsync(Caller caller, int planId, CancellationToken cancellationToken = default) =>
        SetDeletedAsync(caller, planId, deleted: true, cancellationToken);

    public Task<bool> RestoreAsync(Caller caller, int planId, CancellationToken cancellationToken = default) =>
        SetDeletedAsync(caller, planId, deleted: false, cancellationToken);

    /// <summary>
    /// Moves the plan, with its history, to another workspace. Moving it out takes an owner of the workspace it is
    /// in (an editor could otherwise carry a team's plan, and its live links, where the team cannot see them) and an
    /// editor of the target. Its live share links are revoked unless <paramref name="keepShareLinks"/>; either way
    /// both workspaces' activity records the move. Null when either workspace is not the caller's to see.
    /// </summary>
    public async Task<PlanSummary?> MoveAsync(Caller caller, int planId, int workspaceId, bool keepShareLinks = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await VisiblePlanAsync(db, caller, planId, cancellationToken) is not var (plan, source, visible)
            || visible.GetValueOrDefault(workspaceId) is not { } seen)
        {
            return null;
        }

        WorkspaceAccess.Require(source, WorkspaceRole.Owner);
        var target = WorkspaceAccess.Require(seen, WorkspaceRole.Editor);
        if (target.Id == source.Id)
        {
            return Summary(plan, source);
        }

        var now = clock.GetUtcNow();
        var live = await db.ShareLinks.Where(l => l.PlanId == planId && l.RevokedAt == null && (l.ExpiresAt == null || l.ExpiresAt > now)).ToListAsync(cancellationToken);
        if (!keepShareLinks)
        {
            live.ForEach(l => (l.RevokedAt, l.RevokedBy) = (now, caller.Label));
        }

        var links = live.Count == 0 ? "It had no live share links."
            : keepShareLinks ? $"Its {live.Count} live share link(s) were kept and still open it."
            : $"Its {live.Count} live share link(s) were revoked.";
        db.WorkspaceEvents.Add(Event(source.Id, now, caller, $"Moved the plan \"{plan.Name}\" (#{plan.Id}) out to the workspace \"{target.Name}\". {links}"));
        db.WorkspaceEvents.Add(Event(target.Id, now, caller, $"Moved the plan \"{plan.Name}\" (#{plan.Id}) in from the workspace \"{source.Name}\". {links}"));
        plan.WorkspaceId = target.Id;
        plan.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return Summary(plan, target);
    }

    private static WorkspaceEventEntity Event(int workspaceId, DateTimeOffset at, Caller caller, string text) =>
        new() { WorkspaceId = workspaceId, At = at, By = caller.Label, Text = text.Cut(WorkspaceEventEntity.TextMaxLength) };

    /// <summary>
    /// A new plan in another workspace (or the same), named "Copy of ..." as a copy from a share link is, with a copy
    /// of every revision, each still saying who saved it; the share links stay with the original. The caller must be
    /// able to read the plan and edit the target.
    /// </summary>
    public async Task<PlanSummary?> CopyAsync(Caller caller, int planId, int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await VisiblePlanAsync(db, caller, planId, cancellationToken) is not var (source, _, visible)
            || visible.GetValueOrDefault(workspaceId) is not { } seen)
        {
            return null;
        }

        var target = WorkspaceAccess.Require(seen, WorkspaceRole.Editor);

        var now = clock.GetUtcNow();
        var revisions = await db.Revisions.AsNoTracking().Where(r => r.PlanId == planId).OrderBy(r => r.Number).ToListAsync(cancellationToken);
        var copy = new PlanEntity
        {
            WorkspaceId = target.Id,
            Name = CopyName(source.Name),
            Description = source.Description,
            CreatedAt = now,
            UpdatedAt = now,
            LatestRevision = source.LatestRevision,
            LatestMonthlyCost = source.LatestMonthlyCost,
            Revisions = [.. revisions.Select(r => { r.Id = 0; r.PlanId = 0; return r; })],
        };
        db.Plans.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return Summary(copy, target);
    }

    /// <summary>"Copy of Orders", within the longest name a plan may have.</summary>
    public static string CopyName(string name) => $"Copy of {name}".Cut(PlanEntity.NameMaxLength);

    public async Task<CreatedShareLink?> CreateShareAsync(
        Caller caller, int planId, int? revision, ShareLinkExpiry expiry = ShareLinkExpiries.Default, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await EditablePlanAsync(db, caller, planId, cancellationToken) is null
            || (revision is not null && !await db.Revisions.AnyAsync(r => r.PlanId == planId && r.Number == revision, cancellationToken)))
        {
            return null;
        }

        var token = SecretTokens.New();
        var now = clock.GetUtcNow();
        var link = new ShareLinkEntity
        {
            PlanId = planId,
            RevisionNumber = revision,
            TokenHash = SecretTokens.Hash(token),
            CreatedAt = now,
            CreatedBy = caller.Label,
            ExpiresAt = now + expiry.Lifetime(),
        };
        db.ShareLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedShareLink(ToShare(link), token);
    }

    /// <summary>
    /// The plan's links, newest first, for its editors (a viewer may not hand the plan on); null when there is no
    /// such plan for the caller, or it is deleted.
    /// </summary>
    public async Task<IReadOnlyList<ShareLink>?> ListSharesAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await EditablePlanAsync(db, caller, planId, cancellationToken) is null)
        {
            return null;
        }

        var links = await db.ShareLinks.AsNoTracking().Where(l => l.PlanId == planId).OrderByDescending(l => l.Id).ToListAsync(cancellationToken);
        return [.. links.Select(ToShare)];
    }

    /// <summary>Every share link to the workspace's plans, newest first: what its owners hand out in its name.</summary>
    public async Task<IReadOnlyList<WorkspaceShareLink>?> ListWorkspaceSharesAsync(Caller caller, int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await WorkspaceAccess.RequireAsync(db, caller, workspaceId, WorkspaceRole.Owner, cancellationToken) is null)
        {
            return null;
        }

        var links = await db.ShareLinks.AsNoTracking()
            .Join(db.Plans.Where(p => p.WorkspaceId == workspaceId), l => l.PlanId, p => p.Id, (l, p) => new { Link = l, p.Name })
            .OrderByDescending(x => x.Link.Id)
            .ToListAsync(cancellationToken);
        return [.. links.Select(x => new WorkspaceShareLink(ToShare(x.Link), x.Link.PlanId, x.Name))];
    }

    /// <summary>The workspace's deleted plans, newest deletion first, for its editors to restore.</summary>
    public async Task<IReadOnlyList<DeletedPlan>?> ListDeletedAsync(Caller caller, int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await WorkspaceAccess.RequireAsync(db, caller, workspaceId, WorkspaceRole.Editor, cancellationToken) is null)
        {
            return null;
        }

        var plans = await db.Plans.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.WorkspaceId == workspaceId && p.DeletedAt != null)
            .OrderByDescending(p => p.DeletedAt).ThenByDescending(p => p.Id)
            .Take(MaxPageSize)
            .ToListAsync(cancellationToken);
        return [.. plans.Select(p => new DeletedPlan(p.Id, p.Name, p.DeletedAt!.Value, p.DeletedBy))];
    }

    public async Task<bool> RevokeShareAsync(Caller caller, int planId, int linkId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await EditablePlanAsync(db, caller, planId, cancellationToken) is null)
        {
            return false;
        }

        var link = await db.ShareLinks.SingleOrDefaultAsync(l => l.Id == linkId && l.PlanId == planId, cancellationToken);
        if (link is null)
        {
            return false;
        }

        if (link.RevokedAt is null)
        {
            link.RevokedAt = clock.GetUtcNow();
            link.RevokedBy = caller.Label;
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// What a token opens, or null for a wrong, revoked, expired or deleted one. The token is hashed before the
    /// lookup, so how long the lookup takes says nothing about how much of a guessed token was right.
    /// </summary>
    public async Task<SharedPlan?> ResolveShareAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = SecretTokens.HashPresented(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var link = await db.ShareLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null || !ToShare(link).IsActiveAt(clock.GetUtcNow()) || !CryptographicOperations.FixedTimeEquals(link.TokenHash, hash))
        {
            return null;
        }

        // The link is the permission: whoever holds it reads the plan, whatever their workspaces.
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == link.PlanId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == plan.WorkspaceId, cancellationToken);
        var details = await DetailsAsync(db, plan, WorkspaceAccess.View(workspace, WorkspaceRole.Viewer), link.RevisionNumber, cancellationToken);
        return details is null ? null : new SharedPlan(ToShare(link), details);
    }

    private async Task<bool> SetDeletedAsync(Caller caller, int planId, bool deleted, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The one place that sees deleted plans: to delete and restore them.
        var plan = await db.Plans.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || (plan.DeletedAt is null) != deleted
            || await WorkspaceAccess.RequireAsync(db, caller, plan.WorkspaceId, WorkspaceRole.Editor, cancellationToken) is null)
        {
            return false;
        }

        plan.DeletedAt = deleted ? clock.GetUtcNow() : null;
        plan.DeletedBy = deleted ? caller.Label : null;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The plan, its workspace and every workspace the caller can see (for a move or copy's target, without asking
    /// again); null when there is no such plan or it is in none of the caller's workspaces.
    /// </summary>
    private static async Task<(PlanEntity Plan, Workspace Workspace, IReadOnlyDictionary<int, Workspace> Visible)?> VisiblePlanAsync(
        PlansDbContext db, Caller caller, int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var visible = await WorkspaceAccess.VisibleAsync(db, caller, cancellationToken);
        return visible.GetValueOrDefault(plan.WorkspaceId) is { } workspace ? (plan, workspace, visible) : null;
    }

    /// <summary>As <see cref="VisiblePlanAsync"/>, and refused to a viewer.</summary>
    private static async Task<(PlanEntity Plan, Workspace Workspace, IReadOnlyDictionary<int, Workspace> Visible)?> EditablePlanAsync(
        PlansDbContext db, Caller caller, int planId, CancellationToken cancellationToken)
    {
        var found = await VisiblePlanAsync(db, caller, planId, cancellationToken);
        return found is var (plan, workspace, visible) ? (plan, WorkspaceAccess.Require(workspace, WorkspaceRole.Editor), visible) : null;
    }

    private static async Task<PlanDetails?> DetailsAsync(PlansDbContext db, PlanEntity plan, Workspace workspace, int? revision, CancellationToken cancellationToken)
    {
        var number = revision ?? plan.LatestRevision;
        var entity = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.PlanId == plan.Id && r.Number == number, cancellationToken);
        return entity is null ? null : new PlanDetails(Summary(plan, workspace), ToRevision(entity));
    }

    private static RevisionEntity NewRevision(RevisionDraft draft, int number, DateTimeOffset now, Caller caller) => new()
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
        SavedBy = caller.Label,
        MeasuredSource = draft.MeasuredFrom?.Source,
        MeasuredFrom = draft.MeasuredFrom?.From,
        MeasuredTo = draft.MeasuredFrom?.To,
    };

    private static PlanSummary Summary(PlanEntity p, Workspace workspace) =>
        new(p.Id, p.Name, p.Description, p.CreatedAt, p.UpdatedAt, p.LatestRevision, p.LatestMonthlyCost, workspace);

    private static PlanRevision ToRevision(RevisionEntity r) => new(
        r.PlanId,
        r.Number,
        r.CreatedAt,
        r.Comment,
        JsonSerializer.Deserialize<SizingRequest>(r.InputsJson, Json)!,
        r.Region,
        r.SelectedFamily,
        new PriceStamp(r.PriceSource, r.PriceRegion, r.PriceAsOf, r.MonthlyCostThen),
        r.SavedBy,
        r is { MeasuredSource: { } source, MeasuredFrom: { } from, MeasuredTo: { } to } ? new Measurement(source, from, to) : null);

    private static ShareLink ToShare(ShareLinkEntity l) => new(l.Id, l.PlanId, l.RevisionNumber, l.CreatedAt, l.RevokedAt, l.CreatedBy, l.RevokedBy, l.ExpiresAt);

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
