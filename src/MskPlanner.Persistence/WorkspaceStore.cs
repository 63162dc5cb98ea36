using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using MskPlanner.Sizing;

namespace MskPlanner.Persistence;

/// <summary>
/// Workspaces, their members and the users seen signing in. As with plans, a workspace the caller does not
/// belong to does not exist for them; managing one needs its owner.
/// </summary>
public sealed class WorkspaceStore(IDbContextFactory<PlansDbContext> contexts, TimeProvider clock)
{
    /// <summary>The caller's workspaces, their personal one first (made on first use), then by name.</summary>
    public async Task<IReadOnlyList<Workspace>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var personal = await WorkspaceAccess.PersonalAsync(db, caller, clock.GetUtcNow(), cancellationToken);
        var visible = await WorkspaceAccess.VisibleAsync(db, caller, cancellationToken);
        return [.. visible.Values.OrderBy(w => w.Id != personal.Id).ThenBy(w => w.Kind).ThenBy(w => w.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(w => w.Id)];
    }

    public async Task<Workspace?> GetAsync(Caller caller, int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await WorkspaceAccess.FindAsync(db, caller, workspaceId, cancellationToken);
    }

    /// <summary>
    /// A team workspace with the caller as its first owner. Members are known by e-mail, so a caller whose
    /// sign-in carries none cannot own one (local mode's user owns every workspace anyway).
    /// </summary>
    public async Task<Outcome<Workspace>> CreateTeamAsync(Caller caller, string name, CancellationToken cancellationToken = default)
    {
        if (WorkspaceRules.CheckName(name) is { } error)
        {
            return Outcome.Failure<Workspace>([error]);
        }

        var email = Caller.NormalizeEmail(caller.Email);
        if (email is null && !caller.OwnsEverything)
        {
            return Outcome.Failure<Workspace>([new FieldError("name", "Your sign-in carries no e-mail address, and members are known by theirs: ask your provider's administrator to release the email claim.")]);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var workspace = new WorkspaceEntity { Name = name.Trim(), Kind = WorkspaceKind.Team, CreatedAt = now, CreatedBy = caller.Label };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync(cancellationToken);
        if (email is not null)
        {
            db.Members.Add(new MemberEntity { WorkspaceId = workspace.Id, Email = email, Role = WorkspaceRole.Owner, AddedAt = now, AddedBy = caller.Label });
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Success(WorkspaceAccess.View(workspace, WorkspaceRole.Owner));
    }

    /// <summary>The members of a workspace the caller belongs to, with the names of those who have signed in.</summary>
    public async Task<IReadOnlyList<Member>?> ListMembersAsync(Caller caller, int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await WorkspaceAccess.FindAsync(db, caller, workspaceId, cancellationToken) is null)
        {
            return null;
        }

        var members = await db.Members.AsNoTracking().Where(m => m.WorkspaceId == workspaceId)
            .Select(m => new { Member = m, Name = db.Users.Where(u => u.Email == m.Email).OrderByDescending(u => u.SeenAt).Select(u => u.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return [.. members
            .OrderByDescending(x => x.Member.Role).ThenBy(x => x.Member.Email, StringComparer.Ordinal)
            .Select(x => new Member(x.Member.Id, x.Member.Email, x.Name, x.Member.Role, x.Member.AddedAt, x.Member.AddedBy))];
    }

    /// <summary>What was done to the workspace's plans (moves in and out, and their share links), newest first, for its owners.</summary>
    public async Task<IReadOnlyList<WorkspaceEvent>?> ListEventsAsync(Caller caller, int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await ManagedAsync(db, caller, workspaceId, cancellationToken) is null)
        {
            return null;
        }

        var events = await db.WorkspaceEvents.AsNoTracking().Where(e => e.WorkspaceId == workspaceId)
            .OrderByDescending(e => e.Id).Take(MaxEvents).ToListAsync(cancellationToken);
        return [.. events.Select(e => new WorkspaceEvent(e.At, e.By, e.Text))];
    }

    /// <summary>The newest events a list shows; older ones stay in the database.</summary>
    public const int MaxEvents = 100;

    /// <summary>Adds a member by e-mail, or gives an existing one the new role. Only owners of a team workspace may.</summary>
    public Task<Outcome<Member>?> AddMemberAsync(Caller caller, int workspaceId, string email, WorkspaceRole role, CancellationToken cancellationToken = default) =>
        UnderWorkspaceLockAsync(workspaceId, db => AddMemberAsync(db, caller, workspaceId, email, role, cancellationToken), cancellationToken);

    private async Task<Outcome<Member>?> AddMemberAsync(PlansDbContext db, Caller caller, int workspaceId, string email, WorkspaceRole role, CancellationToken cancellationToken)
    {
        if (await ManagedAsync(db, caller, workspaceId, cancellationToken) is not { } workspace)
        {
            return null;
        }

        if (workspace.Kind == WorkspaceKind.Personal)
        {
            return Outcome.Failure<Member>([Personal]);
        }

        if (WorkspaceRules.CheckEmail(email) is { } error)
        {
            return Outcome.Failure<Member>([error]);
        }

        if (!Enum.IsDefined(role))
        {
            return Outcome.Failure<Member>([new FieldError("role", "Choose viewer, editor or owner.")]);
        }

        var address = Caller.NormalizeEmail(email)!;
        var member = await db.Members.SingleOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.Email == address, cancellationToken);
        if (member is null)
        {
            if (await db.Members.CountAsync(m => m.WorkspaceId == workspaceId, cancellationToken) >= WorkspaceRules.MaxMembers)
            {
                return Outcome.Failure<Member>([new FieldError("email", $"A workspace has at most {WorkspaceRules.MaxMembers} members; follow a group from your provider instead.")]);
            }

            member = new MemberEntity { WorkspaceId = workspaceId, Email = address, AddedAt = clock.GetUtcNow(), AddedBy = caller.Label };
            db.Members.Add(member);
        }
        else if (member.Role == WorkspaceRole.Owner && role != WorkspaceRole.Owner && await IsLastOwnerAsync(db, member, cancellationToken))
        {
            return Outcome.Failure<Member>([LastOwner]);
        }

        member.Role = role;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success(new Member(member.Id, member.Email, null, member.Role, member.AddedAt, member.AddedBy));
    }

    /// <summary>Removes a member (returned as they were); the last owner stays, or nobody could manage the workspace again.</summary>
    public Task<Outcome<Member>?> RemoveMemberAsync(Caller caller, int workspaceId, int memberId, CancellationToken cancellationToken = default) =>
        UnderWorkspaceLockAsync(workspaceId, db => RemoveMemberAsync(db, caller, workspaceId, memberId, cancellationToken), cancellationToken);

    private static async Task<Outcome<Member>?> RemoveMemberAsync(PlansDbContext db, Caller caller, int workspaceId, int memberId, CancellationToken cancellationToken)
    {
        if (await ManagedAsync(db, caller, workspaceId, cancellationToken) is null)
        {
            return null;
        }

        var member = await db.Members.SingleOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return null;
        }

        if (member.Role == WorkspaceRole.Owner && await IsLastOwnerAsync(db, member, cancellationToken))
        {
            return Outcome.Failure<Member>([LastOwner]);
        }

        db.Members.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success(new Member(member.Id, member.Email, null, member.Role, member.AddedAt, member.AddedBy));
    }

    /// <summary>
    /// Makes the workspace follow a group from the provider (its holders get <paramref name="role"/>), or no group
    /// when <paramref name="group"/> is empty.
    /// </summary>
    public async Task<Outcome<Workspace>?> SetGroupAsync(Caller caller, int workspaceId, string? group, WorkspaceRole role, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await ManagedAsync(db, caller, workspaceId, cancellationToken) is not { } view)
        {
            return null;
        }

        if (view.Kind == WorkspaceKind.Personal)
        {
            return Outcome.Failure<Workspace>([Personal]);
        }

        if (WorkspaceRules.CheckGroup(group) is { } error)
        {
            return Outcome.Failure<Workspace>([error]);
        }

        if (!Enum.IsDefined(role))
        {
            return Outcome.Failure<Workspace>([new FieldError("groupRole", "Choose viewer, editor or owner.")]);
        }

        var workspace = await db.Workspaces.SingleAsync(w => w.Id == workspaceId, cancellationToken);
        var name = string.IsNullOrWhiteSpace(group) ? null : group.Trim();
        workspace.GroupName = name;
        workspace.GroupRole = name is null ? null : role;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success(WorkspaceAccess.View(workspace, view.Role));
    }

    /// <summary>
    /// Remembers who signed in, with the e-mail and groups their provider vouched for, so their API tokens reach
    /// the same workspaces their browser does.
    /// </summary>
    public async Task RecordSignInAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Subject == caller.Subject, cancellationToken);
        if (user is null)
        {
            user = new UserEntity { Subject = caller.Subject };
            db.Users.Add(user);
        }

        user.Name = caller.Name.Cut(ApiTokenEntity.OwnerMaxLength);
        user.Email = Caller.NormalizeEmail(caller.Email);
        user.GroupsJson = GroupsJson(caller.Groups);
        user.SeenAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (StoreFaults.IsWriteConflict(e))
        {
            // Signed in twice at the same moment: the other sign-in wrote the same facts.
        }
    }

    /// <summary>The user as last seen signing in, or null for one never seen.</summary>
    public async Task<Caller?> FindUserAsync(string subject, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Subject == subject, cancellationToken);
        return user is null ? null : new Caller(user.Subject, user.Name, user.Email, JsonSerializer.Deserialize<List<string>>(user.GroupsJson) ?? []);
    }

    /// <summary>
    /// Runs a change to a workspace's members in one transaction that first takes the workspace row's lock (a row
    /// lock on PostgreSQL, the write lock on SQLite), as a save takes its plan's: two owners demoting each other at
    /// the same moment are then checked one after the other, and the second sees that it would leave no owner.
    /// </summary>
    private async Task<T> UnderWorkspaceLockAsync<T>(int workspaceId, Func<PlansDbContext, Task<T>> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Workspaces.Where(w => w.Id == workspaceId).ExecuteUpdateAsync(w => w.SetProperty(x => x.Name, x => x.Name), cancellationToken);
            var result = await change(db);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }

    private static readonly FieldError LastOwner = new("role", "A workspace keeps at least one owner: make someone else an owner first.");

    private static readonly FieldError Personal = new("workspace", "A personal workspace is yours alone: make a team workspace to share plans.");

    private static Task<Workspace?> ManagedAsync(PlansDbContext db, Caller caller, int workspaceId, CancellationToken cancellationToken) =>
        WorkspaceAccess.RequireAsync(db, caller, workspaceId, WorkspaceRole.Owner, cancellationToken);

    private static async Task<bool> IsLastOwnerAsync(PlansDbContext db, MemberEntity member, CancellationToken cancellationToken) =>
        !await db.Members.AnyAsync(m => m.WorkspaceId == member.WorkspaceId && m.Id != member.Id && m.Role == WorkspaceRole.Owner, cancellationToken);

    /// <summary>The groups that fit the column: a provider can list hundreds, and only the first ones are kept.</summary>
    private static string GroupsJson(IReadOnlyList<string> groups)
    {
        var kept = Caller.KeepGroups(groups).ToList();
        var json = JsonSerializer.Serialize(kept);
        while (json.Length > UserEntity.GroupsMaxLength)
        {
            kept.RemoveAt(kept.Count - 1);
            json = JsonSerializer.Serialize(kept);
        }

        return json;
    }
}
