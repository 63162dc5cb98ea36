using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

using MskPlanner.Persistence;
using MskPlanner.Web.Access;
using MskPlanner.Web.Components.Dialogs;

using MudBlazor;

namespace MskPlanner.Web.Components.Workspaces;

/// <summary>
/// One workspace: its members (managed by owners, by e-mail or a group), every share link to its plans and what was
/// moved in and out (owners), and its deleted plans (editors, to restore). A workspace the user does not belong to is not found.
/// </summary>
public partial class WorkspacePage
{
    private static readonly WorkspaceRole[] Roles = [WorkspaceRole.Viewer, WorkspaceRole.Editor, WorkspaceRole.Owner];

    private Workspace? _workspace;
    private IReadOnlyList<Member> _members = [];
    private IReadOnlyList<WorkspaceShareLink> _links = [];
    private IReadOnlyList<DeletedPlan> _deleted = [];
    private IReadOnlyList<WorkspaceEvent> _events = [];
    private string? _email;
    private string? _emailError;
    private string? _memberError;

    /// <summary>How many role changes were refused: the role selects are keyed by it, so a refused one shows the role kept.</summary>
    private int _refusedRoleChanges;
    private WorkspaceRole _role = WorkspaceRole.Editor;
    private string? _group;
    private string? _groupError;
    private WorkspaceRole _groupRole = WorkspaceRole.Viewer;

    [Parameter] public int Id { get; set; }

    [Inject] private WorkspaceStore Workspaces { get; set; } = default!;

    [Inject] private PlanStore Plans { get; set; } = default!;

    [Inject] private CurrentCaller Me { get; set; } = default!;

    [Inject] private IOptions<AuthOptions> Auth { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    private string? GroupsClaim => Auth.Value.Oidc.GroupsClaim;

    private bool GroupsConfigured => Auth.Value.Mode == AuthMode.Oidc && !string.IsNullOrWhiteSpace(GroupsClaim);

    protected override async Task OnParametersSetAsync()
    {
        var me = await Me.GetAsync();
        _workspace = await Workspaces.GetAsync(me, Id);
        if (_workspace is null)
        {
            Navigation.NotFound();
            return;
        }

        _group = _workspace.GroupName;
        _groupRole = _workspace.GroupRole ?? WorkspaceRole.Viewer;
        await LoadAsync(me);
    }

    private async Task LoadAsync(Caller me)
    {
        _members = await Workspaces.ListMembersAsync(me, Id) ?? [];
        _links = _workspace!.Role == WorkspaceRole.Owner ? await Plans.ListWorkspaceSharesAsync(me, Id) ?? [] : [];
        _events = _workspace.Role == WorkspaceRole.Owner ? await Workspaces.ListEventsAsync(me, Id) ?? [] : [];
        _deleted = _workspace.CanEdit ? await Plans.ListDeletedAsync(me, Id) ?? [] : [];
    }

    private Task AddAsync() => Snackbar.TryAsync(async () =>
    {
        _emailError = WorkspaceRules.CheckEmail(_email)?.Message;
        if (_emailError is not null)
        {
            return;
        }

        var added = await Workspaces.AddMemberAsync(await Me.GetAsync(), Id, _email!, _role);
        _emailError = added?.Errors is [var error, ..] ? error.Message : null;
        if (added?.Value is { } member)
        {
            _email = null;
            Snackbar.Add($"{member.Email} is {member.Role.Word()}.", Severity.Success);
            await RefreshAsync();
        }
    });

    private Task ChangeRoleAsync(Member member, object? value) => Snackbar.TryAsync(async () =>
    {
        if (!Enum.TryParse<WorkspaceRole>(value?.ToString(), out var role) || role == member.Role)
        {
            return;
        }

        var changed = await Workspaces.AddMemberAsync(await Me.GetAsync(), Id, member.Email, role);
        _memberError = changed?.Errors is [var error, ..] ? error.Message : null;
        if (_memberError is not null)
        {
            _refusedRoleChanges++;
        }

        await RefreshAsync();
    });

    private Task RemoveAsync(Member member) => Snackbar.TryAsync(async () =>
    {
        if (!await Dialogs.ConfirmAsync("Remove this member?", $"{member.Email} loses access to every plan in {_workspace!.Name} at once (unless a group still grants it).",
            "Remove", destructive: true))
        {
            return;
        }

        var removed = await Workspaces.RemoveMemberAsync(await Me.GetAsync(), Id, member.Id);
        _memberError = removed?.Errors is [var error, ..] ? error.Message : null;
        await RefreshAsync();
    });

    private Task SaveGroupAsync() => Snackbar.TryAsync(async () =>
    {
        var saved = await Workspaces.SetGroupAsync(await Me.GetAsync(), Id, _group, _groupRole);
        _groupError = saved?.Errors is [var error, ..] ? error.Message : null;
        if (saved?.Value is { } workspace)
        {
            _workspace = workspace;
            Snackbar.Add(workspace.GroupName is { } group ? $"Members of {group} are {_groupRole.Word()}s." : "The workspace follows no group.", Severity.Success);
        }
    });

    private Task RevokeAsync(WorkspaceShareLink shared) => Snackbar.TryAsync(async () =>
    {
        if (!await Dialogs.ConfirmAsync("Revoke this link?", $"Link #{shared.Link.Id} to {shared.PlanName} stops working at once for everyone who has it.",
            "Revoke", destructive: true))
        {
            return;
        }

        await Plans.RevokeShareAsync(await Me.GetAsync(), shared.PlanId, shared.Link.Id);
        await RefreshAsync();
    });

    private Task RestoreAsync(DeletedPlan plan) => Snackbar.TryAsync(async () =>
    {
        if (await Plans.RestoreAsync(await Me.GetAsync(), plan.Id))
        {
            Snackbar.Add($"Restored \"{plan.Name}\".", Severity.Success);
        }

        await RefreshAsync();
    });

    /// <summary>After a change the user's own role may have changed too (an owner making themselves an editor).</summary>
    private async Task RefreshAsync()
    {
        var me = await Me.GetAsync();
        _workspace = await Workspaces.GetAsync(me, Id);
        if (_workspace is null)
        {
            Navigation.NavigateTo("workspaces");
            return;
        }

        await LoadAsync(me);
    }
}
