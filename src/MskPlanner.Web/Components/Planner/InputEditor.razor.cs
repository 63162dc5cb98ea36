using Microsoft.AspNetCore.Components;

using MskPlanner.Pricing;
using MskPlanner.Sizing;
using MskPlanner.Web.Planner;

namespace MskPlanner.Web.Components.Planner;

/// <summary>
/// One field, drawn only when what it shows changed: its value, its message or its help. Every keystroke
/// re-renders the form, and twenty MudBlazor fields redrawn for one changed value was most of a keystroke's work.
/// </summary>
public partial class InputEditor
{
    /// <summary>What a field shows: drawn again only when one of these changed.</summary>
    public readonly record struct Face(string? Value, string? Error, string? Helper);

    private const string FromStreamsHelp = "Added up from the streams";

    private Face _face;

    [Inject] private RegionCatalog Regions { get; set; } = default!;

    [Parameter, EditorRequired] public InputDefinition Input { get; set; } = default!;

    [Parameter, EditorRequired] public PlannerForm Form { get; set; } = default!;

    [Parameter] public IReadOnlyDictionary<string, string> Errors { get; set; } = new Dictionary<string, string>();

    /// <summary>Help that depends on other fields, in place of the catalog's fixed text.</summary>
    [Parameter] public string? Helper { get; set; }

    [Parameter] public EventCallback OnChange { get; set; }

    /// <summary>An aggregate the plan's streams add up to: shown, not typed.</summary>
    private bool Locked => Input.FromStreams && Form.Request.Streams is { Count: > 0 };

    private string? ShownHelper => Locked ? FromStreamsHelp : Helper;

    /// <summary>
    /// Taken when the parameters arrive, not when asked: the field's own change event must not draw it before the
    /// page has sized the new value and handed down its message.
    /// </summary>
    protected override Face Shown => _face;

    protected override void OnParametersSet() => _face = new(Input.Text(Form.Request), Errors.GetValueOrDefault(Input.Key), ShownHelper);

    private Task ChangeAsync(SizingRequest request)
    {
        Form.Request = request.WithStreamTotals();
        return OnChange.InvokeAsync();
    }
}
