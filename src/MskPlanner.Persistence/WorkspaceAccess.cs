using Microsoft.EntityFrameworkCore;

namespace MskPlanner.Persistence;

/// <summary>
/// Which workspaces a caller belongs to and with what role: their personal one, those whose members list their
/// e-mail, and those that follow one of their groups. Every read and write of a plan goes through here first.
/// </summary>
internal static class WorkspaceAccess
{
    public static async Task<Dictionary<int, Workspace>> VisibleAsync(PlansDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        if (caller.OwnsEverything)
        {
            var all = await db.Workspaces.AsNoTracking().ToListAsync(cancellationToken);
            return all.ToDictionary(w => w.Id, w => View(w, WorkspaceRole.Owner));
        }

        var subject = caller.Subject;
        var email = Caller.NormalizeEmail(caller.Email);
        var groups = caller.Groups.ToList();
        var rows = await db.Workspaces.AsNoTracking()
            .Where(w => w.OwnerSubject == subject
                || (email != null && db.Members.Any(m => m.WorkspaceId == w.Id && m.Email == email))
                || (w.GroupName != null && groups.Contains(w.GroupName)))
            .Select(w => new { Workspace = w, Member = db.Members.Where(m => m.WorkspaceId == w.Id && m.Email == email).Select(m => (WorkspaceRole?)m.Role).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Workspace.Id, r =>
        {
            var w = r.Workspace;
            WorkspaceRole?[] grants =
            [
                w.Kind == WorkspaceKind.Personal && w.OwnerSubject == subject ? WorkspaceRole.Owner : null,
                r.Member,
                w.GroupName is not null && groups.Contains(w.GroupName) ? w.GroupRole : null,
            ];
            return View(w, grants.Max() ?? WorkspaceRole.Viewer);
        });
    }

    /// <summary>The caller's workspace, or null when they cannot see it.</summary>
    public static async Task<Workspace?> FindAsync(PlansDbContext db, Caller caller, int workspaceId, CancellationToken cancellationToken) =>
        (await VisibleAsync(db, caller, cancellationToken)).GetValueOrDefault(workspaceId);

    /// <summary>The workspace when the caller has at least <paramref name="needed"/> in it; null when they cannot see it.</summary>
    public static async Task<Workspace?> RequireAsync(PlansDbContext db, Caller caller, int workspaceId, WorkspaceRole needed, CancellationToken cancellationToken)
    {
        var workspace = await FindAsync(db, caller, workspaceId, cancellationToken);
        return workspace is null ? null : Require(workspace, needed);
    }

    public static Workspace Require(Workspace workspace, WorkspaceRole needed) =>
        workspace.Role >= needed ? workspace : throw new AccessDeniedException(workspace.Name, workspace.Role, needed);

    /// <summary>The caller's personal workspace, made on first use.</summary>
    public static async Task<WorkspaceEntity> PersonalAsync(PlansDbContext db, Caller caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.Workspaces.SingleOrDefaultAsync(w => w.Kind == WorkspaceKind.Personal && w.OwnerSubject == caller.Subject, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var personal = new WorkspaceEntity
        {
            Name = PersonalName(caller.Name),
            Kind = WorkspaceKind.Personal,
            OwnerSubject = caller.Subject,
            CreatedAt = now,
            CreatedBy = caller.Label,
        };
        db.Workspaces.Add(personal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return personal;
        }
        catch (DbUpdateException e) when (StoreFaults.IsWriteConflict(e))
        {
            // The same user's other tab made it at the same moment (the subject is unique): use theirs.
            db.Entry(personal).State = EntityState.Detached;
            return await db.Workspaces.SingleAsync(w => w.Kind == WorkspaceKind.Personal && w.OwnerSubject == caller.Subject, cancellationToken);
        }
    }

    public static Workspace View(WorkspaceEntity w, WorkspaceRole role) => new(w.Id, w.Name, w.Kind, role, w.GroupName, w.GroupRole);

    private static string PersonalName(string name) => $"{name.Trim()}\u2019s plans".Cut(WorkspaceEntity.NameMaxLength);
}
