using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

using MskPlanner.Persistence;
using MskPlanner.Sizing;
using MskPlanner.Web.Access;
using MskPlanner.Web.Components.Dialogs;
using MskPlanner.Web.Planner;
using MskPlanner.Web.Services;

using MudBlazor;

namespace MskPlanner.Web.Components.Plans;

/// <summary>
/// One saved plan: edit its inputs live, save revisions, browse and restore history, share, move and copy it. A
/// viewer may try inputs and save a copy elsewhere, but not change the plan: the page offers only what their role allows.
/// </summary>
public partial class PlanPage
{
    private PlanDetails? _plan;
    private PlannerForm _form = new();
    private BrokerFamily? _family;
    private string? _comment;
    private SizingResult? _result;
    private Dictionary<string, string> _errors = [];
    private IReadOnlyList<PricedPlan> _history = [];
    private (IReadOnlyDictionary<string, string?> Inputs, BrokerFamily? Family) _saved = (new Dictionary<string, string?>(), null);

    [Parameter] public int Id { get; set; }

    /// <summary>Taken as text: Blazor would throw on "revision=abc" before the page could say it is not found.</summary>
    [SupplyParameterFromQuery(Name = "revision")] public string? RevisionText { get; set; }

    private int? Revision => QueryNumber.Parse(RevisionText);

    [Inject] private PlanService Plans { get; set; } = default!;

    [Inject] private SizingService Sizing { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private CurrentCaller Me { get; set; } = default!;

    private bool CanEdit => _plan?.Plan.Workspace.CanEdit == true;

    protected override async Task OnParametersSetAsync()
    {
        _plan = QueryNumber.IsValid(RevisionText) ? await Plans.Store.GetAsync(await Me.GetAsync(), Id, Revision) : null;
        if (_plan is null)
        {
            Navigation.NotFound();
            return;
        }

        _form = PlannerForm.FromRequest(_plan.Revision.Inputs);
        _form.MeasuredFrom = _plan.Revision.MeasuredFrom;
        _family = _plan.Revision.SelectedFamily;
        _comment = null;
        MarkSaved();
        await SizeAsync();
        await LoadHistoryAsync();
    }

    /// <summary>The inputs or the chosen family on screen differ from the revision shown.</summary>
    private bool IsDirty => _family != _saved.Family || !_form.ToQuery().OrderBy(p => p.Key).SequenceEqual(_saved.Inputs.OrderBy(p => p.Key));

    /// <summary>What is on screen: the revision as saved, or the unsaved edits with their inputs in the address.</summary>
    private string PdfLink
    {
        get
        {
            var revision = $"api/v1/plans/{Id}/summary.pdf?revision={_plan!.Revision.Number}";
            if (!IsDirty)
            {
                return revision;
            }

            var parameters = _form.QueryParameters();
            parameters["unsaved"] = "true";
            parameters["family"] = _family?.ToString();
            return Navigation.GetUriWithQueryParameters(Navigation.ToAbsoluteUri(revision).ToString(), parameters);
        }
    }

    /// <summary>The deploy files of what is on screen, saved or not, named for the plan.</summary>
    private string ZipLink
    {
        get
        {
            var parameters = _form.QueryParameters();
            parameters["family"] = _family?.ToString();
            parameters["plan"] = _plan!.Plan.Name;
            return Navigation.GetUriWithQueryParameters(Navigation.ToAbsoluteUri($"api/v1/sizing/export/{Api.ExportEndpoints.Zip}").ToString(), parameters);
        }
    }

    private void MarkSaved() => _saved = (_form.ToQuery(), _family);

    /// <summary>Leaving with edits not saved asks first; the browser's own prompt covers reloads and closing.</summary>
    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!await ConfirmDiscardAsync())
        {
            context.PreventNavigation();
        }
    }

    private async Task<bool> ConfirmDiscardAsync()
    {
        if (!IsDirty)
        {
            return true;
        }

        var leave = await Dialogs.ConfirmAsync(
            "Discard unsaved changes?",
            "Your changes to this plan's inputs are not saved. Discard them, or keep them and save a revision.",
            "Discard", "Keep editing", destructive: true);
        if (leave)
        {
            MarkSaved();
        }

        return leave;
    }

    private async Task SizeAsync()
    {
        var outcome = await Sizing.SizeAsync(_form.Request);
        _errors = outcome.Errors.FirstByField();
        if (outcome.Succeeded)
        {
            _result = outcome.Value;
        }
    }

    private Task FamilyChangedAsync(BrokerFamily? family)
    {
        _family = family;
        return Task.CompletedTask;
    }

    private async Task LoadHistoryAsync()
    {
        var revisions = await Plans.Store.ListRevisionsAsync(await Me.GetAsync(), Id) ?? [];
        var priced = new List<PricedPlan>(revisions.Count);
        foreach (var revision in revisions)
        {
            priced.Add(await Plans.PriceAsync(new PlanDetails(_plan!.Plan, revision)));
        }

        _history = priced;
    }

    private Task SaveRevisionAsync() => Snackbar.TryAsync(async () =>
    {
        var saved = await Plans.SaveRevisionAsync(await Me.GetAsync(), Id, _form.Request, _family, _comment, _form.MeasuredFrom);
        if (saved is null)
        {
            Navigation.NotFound();
            return;
        }

        if (saved.Value is { } revision)
        {
            MarkSaved();
            Snackbar.Add($"Saved revision {revision.Number}.", Severity.Success);
            await ReloadLatestAsync();
        }
        else
        {
            Snackbar.Add(string.Join(" ", saved.Errors.Select(e => e.Message)), Severity.Error);
        }
    });

    /// <summary>The running cluster's measurements, with the plan's own settings, as the next revision.</summary>
    private Task SaveMeasuredAsync(PlanCheckResult check) => Snackbar.TryAsync(async () =>
    {
        if (!await ConfirmDiscardAsync())
        {
            return;
        }

        var saved = await Plans.SaveRevisionAsync(await Me.GetAsync(), Id, check.MeasuredInputs, _plan!.Revision.SelectedFamily,
            $"Measured from {check.MeasuredFrom.Text}", check.MeasuredFrom);
        if (saved?.Value is { } revision)
        {
            Snackbar.Add($"Saved revision {revision.Number} from the measurements.", Severity.Success);
            await ReloadLatestAsync();
        }
        else if (saved is not null)
        {
            Snackbar.Add(string.Join(" ", saved.Errors.Select(e => e.Message)), Severity.Error);
        }
    });

    private Task RestoreAsync(int number) => Snackbar.TryAsync(async () =>
    {
        var old = _history.FirstOrDefault(h => h.Details.Revision.Number == number)?.Details.Revision;
        if (old is null || !await ConfirmDiscardAsync())
        {
            return;
        }

        var saved = await Plans.SaveRevisionAsync(await Me.GetAsync(), Id, old.Inputs, old.SelectedFamily, $"Restored revision {number}", old.MeasuredFrom);
        if (saved?.Value is { } revision)
        {
            Snackbar.Add($"Revision {number} restored as revision {revision.Number}.", Severity.Success);
            await ReloadLatestAsync();
        }
    });

    private async Task ReloadLatestAsync()
    {
        if (Revision is null)
        {
            await OnParametersSetAsync();
        }
        else
        {
            Navigation.NavigateTo($"plans/{Id}");
        }
    }

    private async Task SaveAsNewAsync()
    {
        var dialog = await Dialogs.ShowAsync<SavePlanDialog>("Save as new plan", new DialogParameters<SavePlanDialog>
        {
            { d => d.Inputs, _form.Request },
            { d => d.MeasuredFrom, _form.MeasuredFrom },
            { d => d.Family, _family },
            { d => d.Name, PlanStore.CopyName(_plan!.Plan.Name) },
            { d => d.Description, _plan.Plan.Description },
            { d => d.WorkspaceId, _plan.Plan.Workspace.Id },
        });
        if (await dialog.Result is { Canceled: false, Data: int id })
        {
            MarkSaved();
            Navigation.NavigateTo($"plans/{id}");
        }
    }

    private async Task RenameAsync()
    {
        var dialog = await Dialogs.ShowAsync<RenamePlanDialog>("Rename plan", new DialogParameters<RenamePlanDialog>
        {
            { d => d.PlanId, Id },
            { d => d.Name, _plan!.Plan.Name },
            { d => d.Description, _plan.Plan.Description },
        });
        if (await dialog.Result is { Canceled: false })
        {
            // The new name and description only: reloading the whole page would drop edits not saved yet.
            _plan = await Plans.Store.GetAsync(await Me.GetAsync(), Id, Revision) ?? _plan;
        }
    }

    private Task DeleteAsync() => Snackbar.TryAsync(async () =>
    {
        var confirmed = await Dialogs.ConfirmAsync(
            "Delete this plan?",
            $"\"{_plan!.Plan.Name}\" and its {Figures.Count(_plan.Plan.LatestRevision, "revision")} disappear from the list and its share links stop working. You can undo this right after.",
            "Delete", destructive: true);
        if (!confirmed || !await Plans.Store.DeleteAsync(await Me.GetAsync(), Id))
        {
            return;
        }

        var id = Id;
        MarkSaved();
        Snackbar.Add($"Deleted \"{_plan.Plan.Name}\".", Severity.Info, options =>
        {
            options.Action = "Undo";
            options.OnClick = async _ =>
            {
                await Plans.Store.RestoreAsync(await Me.GetAsync(), id);
                Navigation.NavigateTo($"plans/{id}");
            };
        });
        Navigation.NavigateTo("plans");
    });

    private async Task MoveOrCopyAsync()
    {
        var dialog = await Dialogs.ShowAsync<MovePlanDialog>(MovePlanDialog.Title(_plan!.Plan), new DialogParameters<MovePlanDialog>
        {
            { d => d.Plan, _plan.Plan },
            { d => d.CopiesEdits, IsDirty },
        });
        if (await dialog.Result is not { Canceled: false, Data: PlanSummary placed })
        {
            return;
        }

        if (placed.Id == Id)
        {
            Snackbar.Add($"Moved to \"{placed.Workspace.Name}\".", Severity.Success);
            _plan = await Plans.Store.GetAsync(await Me.GetAsync(), Id, Revision) ?? _plan;
            return;
        }

        // The copy takes what is on screen: edits the user could not save here (a viewer's) become its latest revision.
        if (IsDirty && await Plans.SaveRevisionAsync(await Me.GetAsync(), placed.Id, _form.Request, _family, "Copied with the changes made before copying", _form.MeasuredFrom) is not { Succeeded: true })
        {
            Snackbar.Add($"Copied to \"{placed.Workspace.Name}\" as last saved: the changes on screen could not be added to the copy.", Severity.Warning);
        }
        else
        {
            Snackbar.Add($"Copied to \"{placed.Workspace.Name}\" as \"{placed.Name}\".", Severity.Success);
        }

        MarkSaved();
        Navigation.NavigateTo($"plans/{placed.Id}");
    }

    private string VariantLink(VariantKind kind) =>
        $"compare?plan={Id}{(Revision is { } r ? $"&revision={r}" : "")}&variants={kind.ToString().ToLowerInvariant()}";
}
