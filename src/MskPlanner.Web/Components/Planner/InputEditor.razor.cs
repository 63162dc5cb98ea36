using Microsoft.AspNetCore.Components;

using MskPlanner.Pricing;
using MskPlanner.Sizing;
using MskPlanner.Web.Planner;

namespace MskPlanner.Web.Components.Planner;

public partial class InputEditor
{
    [Inject] private RegionCatalog Regions { get; set; } = default!;

    [Parameter, EditorRequired] public InputDefinition Input { get; set; } = default!;

    [Parameter, EditorRequired] public PlannerForm Form { get; set; } = default!;

    [Parameter] public IReadOnlyDictionary<string, string> Errors { get; set; } = new Dictionary<string, string>();

    /// <summary>Help that depends on other fields, in place of the catalog's fixed text.</summary>
    [Parameter] public string? Helper { get; set; }

    [Parameter] public EventCallback OnChange { get; set; }

    private Task ChangeAsync(SizingRequest request)
    {
        Form.Request = request;
        return OnChange.InvokeAsync();
    }
}
