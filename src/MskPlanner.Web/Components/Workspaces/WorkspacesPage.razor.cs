using Microsoft.AspNetCore.Components;

using MskPlanner.Persistence;
using MskPlanner.Web.Access;

namespace MskPlanner.Web.Components.Workspaces;

/// <summary>The user's workspaces, and a new team workspace with them as its owner.</summary>
public partial class WorkspacesPage
{
    private IReadOnlyList<Workspace> _workspaces = [];
    private string? _name;
    private string? _nameError;

    [Inject] private WorkspaceStore Workspaces { get; set; } = default!;

    [Inject] private CurrentCaller Me { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _workspaces = await Workspaces.ListAsync(await Me.GetAsync());

    private async Task CreateAsync()
    {
        var created = await Workspaces.CreateTeamAsync(await Me.GetAsync(), _name ?? "");
        _nameError = created.Errors is [var error, ..] ? error.Message : null;
        if (created.Value is { } workspace)
        {
            Navigation.NavigateTo($"workspaces/{workspace.Id}");
        }
    }
}
