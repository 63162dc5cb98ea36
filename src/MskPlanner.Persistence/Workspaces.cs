using MskPlanner.Sizing;

namespace MskPlanner.Persistence;

/// <summary>What a member may do in a workspace; each role can do everything the one before it can.</summary>
public enum WorkspaceRole
{
    /// <summary>Read, compare and export the workspace's plans.</summary>
    Viewer = 1,

    /// <summary>Also save, share, delete, move and copy them.</summary>
    Editor = 2,

    /// <summary>Also manage the members and see every share link in the workspace.</summary>
    Owner = 3,
}

public static class WorkspaceRoles
{
    /// <summary>The role as the pages, the messages and the API's JSON write it: "viewer", "editor", "owner".</summary>
    public static string Word(this WorkspaceRole role) => role.ToString().ToLowerInvariant();
}

public enum WorkspaceKind
{
    /// <summary>One user's own: nobody else is ever a member.</summary>
    Personal,

    /// <summary>Shared by its members, added by e-mail or by a group from the identity provider.</summary>
    Team,
}

/// <summary>Where plans live: every plan belongs to exactly one workspace, and access to a plan is access to its workspace.</summary>
public sealed class WorkspaceEntity
{
    public const int NameMaxLength = 80;
    public const int GroupMaxLength = 256;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public WorkspaceKind Kind { get; set; }

    /// <summary>A personal workspace's user (the provider's subject); null for a team workspace.</summary>
    public string? OwnerSubject { get; set; }

    /// <summary>A group claim value whose holders get <see cref="GroupRole"/>, or null when the workspace follows no group.</summary>
    public string? GroupName { get; set; }

    public WorkspaceRole? GroupRole { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

/// <summary>A team workspace's member, known by e-mail until and after they first sign in.</summary>
public sealed class MemberEntity
{
    public const int EmailMaxLength = 254;

    public int Id { get; set; }
    public int WorkspaceId { get; set; }

    /// <summary>Lower case, as <see cref="Caller.NormalizeEmail"/> leaves it.</summary>
    public string Email { get; set; } = "";

    public WorkspaceRole Role { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedBy { get; set; }
}

/// <summary>
/// A user as last seen signing in: what an API token, which carries only the subject, needs to find the user's
/// workspaces (their e-mail and groups), and a name to show beside a member's e-mail.
/// </summary>
public sealed class UserEntity
{
    public const int GroupsMaxLength = 8000;

    public string Subject { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Email { get; set; }

    /// <summary>The group claim's values as a JSON array.</summary>
    public string GroupsJson { get; set; } = "[]";

    public DateTimeOffset SeenAt { get; set; }
}

/// <summary>
/// Who is asking: the signed-in user as the store needs them to decide what they may see and do, and to record
/// who did what.
/// </summary>
/// <param name="OwnsEverything">
/// Local and open mode's one implicit user: the only user there is, so every workspace on the instance is theirs.
/// </param>
public sealed record Caller(string Subject, string Name, string? Email, IReadOnlyList<string> Groups, bool OwnsEverything = false)
{
    public const int MaxGroups = 100;

    /// <summary>Local and open mode's user.</summary>
    public static Caller LocalUser { get; } = new("local", "Local user", null, [], OwnsEverything: true);

    /// <summary>How the audit names them: a name can be shared, an e-mail address tells who it was.</summary>
    public string Label => (Email is null ? Name : $"{Name} <{Email}>").Cut(AuditMaxLength);

    public const int AuditMaxLength = 320;

    /// <summary>
    /// E-mail addresses compare without case, as the providers treat them. One longer than a member's address can
    /// be matches no member, and is kept as none.
    /// </summary>
    public static string? NormalizeEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) || email.Trim().Length > MemberEntity.EmailMaxLength ? null : email.Trim().ToLowerInvariant();

    /// <summary>The groups the stores act on: named, no longer than a workspace's group, each once, and at most <see cref="MaxGroups"/>.</summary>
    public static IReadOnlyList<string> KeepGroups(IEnumerable<string> groups) =>
        [.. groups.Where(g => g.Length is > 0 and <= WorkspaceEntity.GroupMaxLength).Distinct(StringComparer.Ordinal).Take(MaxGroups)];
}

/// <summary>A workspace as one caller sees it: with their role in it.</summary>
public sealed record Workspace(int Id, string Name, WorkspaceKind Kind, WorkspaceRole Role, string? GroupName, WorkspaceRole? GroupRole)
{
    public bool CanEdit => Role >= WorkspaceRole.Editor;

    public bool CanManage => Role == WorkspaceRole.Owner && Kind == WorkspaceKind.Team;
}

public sealed record Member(int Id, string Email, string? Name, WorkspaceRole Role, DateTimeOffset AddedAt, string? AddedBy);

/// <summary>A share link in a workspace's list of them: which plan it opens, and who made and revoked it.</summary>
public sealed record WorkspaceShareLink(ShareLink Link, int PlanId, string PlanName);

/// <summary>A deleted plan, still restorable, and who deleted it.</summary>
public sealed record DeletedPlan(int Id, string Name, DateTimeOffset DeletedAt, string? DeletedBy);

/// <summary>
/// The caller may see the workspace but not do this in it (a viewer saving, an editor managing members).
/// Someone who may not even see it gets "not found" instead: a refusal would confirm that it exists.
/// </summary>
public sealed class AccessDeniedException(string workspace, WorkspaceRole role, WorkspaceRole needed)
    : Exception($"Your role in \u201c{workspace}\u201d is {role.Word()}; this needs {needed.Word()} or above.")
{
    public WorkspaceRole Role => role;

    public WorkspaceRole Needed => needed;
}

/// <summary>The limits on a workspace's words and members, checked once for the API and the pages.</summary>
public static class WorkspaceRules
{
    public const int MaxMembers = 500;

    public static FieldError? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? new("name", "Give the workspace a name.")
        : name.Trim().Length > WorkspaceEntity.NameMaxLength ? new("name", $"A workspace name has at most {WorkspaceEntity.NameMaxLength} characters.")
        : PlanRules.HasControlCharacters(name, allowLineBreaks: false) ? new("name", "A workspace name is one line of text, without control characters.")
        : null;

    /// <summary>An address a provider could put in the e-mail claim: one @ with text either side, no spaces.</summary>
    public static FieldError? CheckEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? new("email", "Give the member's e-mail address.")
        : email.Trim().Length > MemberEntity.EmailMaxLength ? new("email", $"An e-mail address has at most {MemberEntity.EmailMaxLength} characters.")
        : !LooksLikeEmail(email.Trim()) ? new("email", "Give an e-mail address such as name@example.com.")
        : null;

    public static FieldError? CheckGroup(string? group) =>
        group is null || group.Length == 0 ? null
        : group.Trim().Length > WorkspaceEntity.GroupMaxLength ? new("group", $"A group name has at most {WorkspaceEntity.GroupMaxLength} characters.")
        : PlanRules.HasControlCharacters(group, allowLineBreaks: false) ? new("group", "A group name is one line of text, without control characters.")
        : null;

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
    }
}

/// <summary>
/// Something done to a workspace's plans that its owners should be able to see afterwards: a plan moved out of it
/// or into it, and what became of its share links.
/// </summary>
public sealed class WorkspaceEventEntity
{
    public const int TextMaxLength = 1000;

    public long Id { get; set; }
    public int WorkspaceId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? By { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>A workspace's event as its owners read it.</summary>
public sealed record WorkspaceEvent(DateTimeOffset At, string? By, string Text);
