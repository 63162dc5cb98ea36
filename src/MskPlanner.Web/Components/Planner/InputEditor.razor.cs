using Microsoft.AspNetCore.Components;

using MskPlanner.Pricing;
using MskPlanner.Sizing;
using MskPlanner.Web.Planner;

namespace MskPlanner.Web.Components.Planner;

/// <summary>
/// One field, drawn only when what it shows changed: its value, its message, its help, whether it is locked, or
/// the choices it offers. Every keystroke re-renders the form, and twenty MudBlazor fields redrawn for one changed
/// value was most of a keystroke's work.
/// </summary>
public partial class InputEditor
{
    /// <summary>Everything a field shows; the markup reads nothing else.</summary>
    public readonly record struct Face(InputDefinition Input, object? Value, string? Error, string? Helper, bool Locked, IReadOnlyList<(string Value, string Text)> Options)
    {
        /// <summary>The message as NumberField takes it, keyed by the field.</summary>
        public IReadOnlyDictionary<string, string> Errors => Error is null ? NoErrors : new Dictionary<string, string> { [Input.Key] = Error };
    }

    private const string FromStreamsHelp = "Added up from the streams";

    private static readonly Dictionary<string, string> NoErrors = [];

    private Face _face;

    [Inject] private RegionCatalog Regions { get; set; } = default!;

    [Parameter, EditorRequired] public InputDefinition Input { get; set; } = default!;

    [Parameter, EditorRequired] public PlannerForm Form { get; set; } = default!;

    [Parameter] public IReadOnlyDictionary<string, string> Errors { get; set; } = new Dictionary<string, string>();

    /// <summary>Help that depends on other fields, in place of the catalog's fixed text.</summary>
    [Parameter] public string? Helper { get; set; }

    [Parameter] public EventCallback OnChange { get; set; }

    /// <summary>
    /// Taken when the parameters arrive, not when asked: the field's own change event must not draw it before the
    /// page has sized the new value and handed down its message.
    /// </summary>
    protected override Face Shown => _face;

    protected override bool Same(Face drawn, Face now) =>
        drawn.Input == now.Input && Equals(drawn.Value, now.Value) && drawn.Error == now.Error && drawn.Helper == now.Helper
        && drawn.Locked == now.Locked && (ReferenceEquals(drawn.Options, now.Options) || drawn.Options.SequenceEqual(now.Options));

    protected override void OnParametersSet()
    {
        // An aggregate the plan's streams add up to: shown, not typed.
        var locked = Input.FromStreams && Form.Request.Streams is { Count: > 0 };
        _face = new(Input, Input.ValueIn(Form.Request), Errors.GetValueOrDefault(Input.Key), locked ? FromStreamsHelp : Helper ?? Input.Help, locked, OptionsOf(Input, Form.Request));
    }

    private IReadOnlyList<(string Value, string Text)> OptionsOf(InputDefinition input, SizingRequest request) => input switch
    {
        RegionInput => Regions.Choices,
        OptionInput option => option.OptionsFor(request),
        _ => [],
    };

    private Task ChangeAsync(SizingRequest request)
    {
        Form.Request = request.WithStreamTotals();
        return OnChange.InvokeAsync();
    }
}
