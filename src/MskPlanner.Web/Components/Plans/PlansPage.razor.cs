using Microsoft.AspNetCore.Components;

using MskPlanner.Persistence;
using MskPlanner.Sizing;
using MskPlanner.Web.Access;
using MskPlanner.Web.Components.Dialogs;
using MskPlanner.Web.Planner;

using MudBlazor;

namespace MskPlanner.Web.Components.Plans;

/// <summary>Every plan in the user's workspaces (or one of them), paged by the database so the list stays quick at any size.</summary>
public partial class PlansPage
{
    private MudTable<PlanSummary>? _table;
    private string? _search;
    private PlanSort _sort = PlanSort.UpdatedNewest;
    private HashSet<PlanSummary> _selected = [];
    private IReadOnlyList<Workspace> _workspaces = [];

    /// <summary>The workspace shown, or 0 for all of the user's.</summary>
    private int _workspace;

    /// <summary>The search lives in the address, so a reload or a shared link keeps it.</summary>
    [SupplyParameterFromQuery(Name = "search")] public string? SearchText { get; set; }

    /// <summary>So does the workspace; anything but a workspace of the user's shows all of them.</summary>
    [SupplyParameterFromQuery(Name = "workspace")] public string? WorkspaceText { get; set; }

    [Inject] private PlanStore Store { get; set; } = default!;

    [Inject] private WorkspaceStore Workspaces { get; set; } = default!;

    [Inject] private CurrentCaller Me { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private string CompareLink => "compare?items=" + string.Join(',', _selected.OrderBy(p => p.Id).Select(p => p.Id));

    protected override async Task OnInitializedAsync()
    {
        _search = SearchText;
        _workspaces = await Workspaces.ListAsync(await Me.GetAsync());
        _workspace = QueryNumber.Parse(WorkspaceText) is { } id && _workspaces.Any(w => w.Id == id) ? id : 0;
    }

    private async Task<TableData<PlanSummary>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = await Store.ListAsync(await Me.GetAsync(), _workspace == 0 ? null : _workspace, _search, _sort, state.Page + 1, state.PageSize, cancellationToken);
        return new TableData<PlanSummary> { Items = page.Items, TotalItems = page.Total };
    }

    private Task WorkspaceAsync(int workspace)
    {
        _workspace = workspace;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("workspace", workspace == 0 ? null : workspace), replace: true);
        return ReloadAsync();
    }

    private Task SearchAsync(string? search)
    {
        _search = search;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("search", string.IsNullOrEmpty(search) ? null : search), replace: true);
        return ReloadAsync();
    }

    private Task SortAsync(PlanSort sort)
    {
        _sort = sort;
        return ReloadAsync();
    }

    private void SelectionChanged(HashSet<PlanSummary> selected) => _selected = selected;

    private Task DeleteAsync(PlanSummary plan) => Snackbar.TryAsync(async () =>
    {
        var confirmed = await Dialogs.ConfirmAsync(
            "Delete this plan?",
            $"\"{plan.Name}\" and its {Figures.Count(plan.LatestRevision, "revision")} disappear from the list and its share links stop working. Other plans are not touched, and you can undo this right after.",
            "Delete", destructive: true);
        if (!confirmed || !await Store.DeleteAsync(await Me.GetAsync(), plan.Id))
        {
            return;
        }

        _selected.RemoveWhere(p => p.Id == plan.Id);
        Snackbar.Add($"Deleted \"{plan.Name}\".", Severity.Info, options =>
        {
            options.Action = "Undo";
            options.OnClick = async _ =>
            {
                await Store.RestoreAsync(await Me.GetAsync(), plan.Id);
                await ReloadAsync();
            };
        });
        await ReloadAsync();
    });

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
