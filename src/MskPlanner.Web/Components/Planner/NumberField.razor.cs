using Microsoft.AspNetCore.Components;

using MudBlazor;

namespace MskPlanner.Web.Components.Planner;

/// <summary>
/// A number input whose error is the sizing's message for its field. The message is given to MudBlazor as the
/// field's own validation result, so the field turns red and says aria-invalid: MudBlazor runs a field's
/// validation after every keystroke and would reset an error passed in from outside.
/// </summary>
public partial class NumberField<T>
{
    /// <summary>
    /// The keys a number may be typed with. MudBlazor's default drops "e", so "1e9" became 19: a different number
    /// than the one typed. With it, scientific notation is read as written, and a range error says if it is too big.
    /// </summary>
    private const string Keys = @"[0-9,.\-eE+]";

    private MudNumericField<T>? _input;
    private string? _shown;

    /// <summary>The API's name for the field; also the input's id and the key of its error.</summary>
    [Parameter, EditorRequired] public string Field { get; set; } = "";

    [Parameter, EditorRequired] public string Label { get; set; } = "";

    [Parameter] public string? Unit { get; set; }

    [Parameter] public string? Helper { get; set; }

    [Parameter] public string? Placeholder { get; set; }

    [Parameter] public bool Optional { get; set; }

    /// <summary>Shown but not typed in: its value is worked out from other inputs.</summary>
    [Parameter] public bool Locked { get; set; }

    [Parameter] public T? Value { get; set; }

    [Parameter] public EventCallback<T?> ValueChanged { get; set; }

    [Parameter] public IReadOnlyDictionary<string, string> Errors { get; set; } = new Dictionary<string, string>();

    private string? Message => Errors.GetValueOrDefault(Field);

    /// <summary>MudBlazor gives the message this id and points the input's aria-describedby to it.</summary>
    private string ErrorId => $"{Field}-error";

    /// <summary>
    /// Another field's change can make this one valid or invalid (a peak below its average): validate again
    /// whenever the message for this field changes, not only when it is typed in.
    /// </summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_input is not null && Message != _shown)
        {
            _shown = Message;
            await _input.ValidateAsync();
        }
    }

    private Task OnValueChanged(T? value) => ValueChanged.InvokeAsync(value);

    /// <summary>A count's own reading of what is typed (see <see cref="WholeNumberConverter"/>); MudBlazor's for other numbers.</summary>
    private static IReversibleConverter<T?, string?>? Counts => WholeNumberConverter.Instance as IReversibleConverter<T?, string?>;
}
