using Microsoft.AspNetCore.Components;

using MskPlanner.Persistence;
using MskPlanner.Sizing;
using MskPlanner.Web.Components.Dialogs;

using MudBlazor;

namespace MskPlanner.Web.Components.Plans;

/// <summary>Every saved plan, paged by the database so the list stays quick at any size.</summary>
public partial class PlansPage
{
    private MudTable<PlanSummary>? _table;
    private string? _search;
    private PlanSort _sort = PlanSort.UpdatedNewest;
    private HashSet<PlanSummary> _selected = [];

    /// <summary>The search lives in the address, so a reload or a shared link keeps it.</summary>
    [SupplyParameterFromQuery(Name = "search")] public string? SearchText { get; set; }

    [Inject] private PlanStore Store { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private string CompareLink => "compare?items=" + string.Join(',', _selected.OrderBy(p => p.Id).Select(p => p.Id));

    protected override void OnInitialized() => _search = SearchText;

    private async Task<TableData<PlanSummary>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = await Store.ListAsync(_search, _sort, state.Page + 1, state.PageSize, cancellationToken);
        return new TableData<PlanSummary> { Items = page.Items, TotalItems = page.Total };
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

    private async Task DeleteAsync(PlanSummary plan)
    {
        var confirmed = await Dialogs.ConfirmAsync(
            "Delete this plan?",
            $"\"{plan.Name}\" and its {Figures.Count(plan.LatestRevision, "revision")} disappear from the list and its share links stop working. Other plans are not touched, and you can undo this right after.",
            "Delete", destructive: true);
        if (!confirmed || !await Store.DeleteAsync(plan.Id))
        {
            return;
        }

        _selected.RemoveWhere(p => p.Id == plan.Id);
        Snackbar.Add($"Deleted \"{plan.Name}\".", Severity.Info, options =>
        {
            options.Action = "Undo";
            options.OnClick = async _ =>
            {
                await Store.RestoreAsync(plan.Id);
                await ReloadAsync();
            };
        });
        await ReloadAsync();
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
