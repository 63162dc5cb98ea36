using System.Globalization;

using Microsoft.AspNetCore.Components;

using MudBlazor;

namespace MskPlanner.Web.Components.Planner;

/// <summary>
/// A number input whose error is the sizing's message for its field, or what is wrong with the text typed. It is
/// MudBlazor's numeric field drawn as plain HTML in MudBlazor's classes: that field is eight components, each kept with
/// its state by every live page, and the planner shows up to a dozen (decision record 0011).
/// </summary>
/// <typeparam name="T"><c>double?</c>, or <c>int?</c> for a count.</typeparam>
public partial class NumberField<T>
{
    /// <summary>
    /// The keys a number may be typed with, as a hint to the browser's keyboard: scientific notation ("1e9") is read
    /// as written, and a range error says if it is too big.
    /// </summary>
    private const string Keys = @"[0-9,.\-eE+]*";

    /// <summary>
    /// Longer than any number a field takes ("100000", "1.5e9"), far shorter than the circuit's message limit: a pasted
    /// page of text is cut in the browser rather than ending the circuit.
    /// </summary>
    private const int MaxLength = 40;

    private static readonly MarkupString ClearIcon = Markup.Icon(Icons.Material.Filled.Clear);
    private static readonly bool Counts = typeof(T) == typeof(int?);

    private string _text = "";
    private string? _typingError;
    private T? _shownValue;

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

    /// <summary>Text that is not a number says so first; otherwise the sizing's message for the field.</summary>
    private string? Message => _typingError ?? Errors.GetValueOrDefault(Field);

    /// <summary>The text under the field, which the input's aria-describedby names: its error, or else its helper.</summary>
    private string BelowId => Message is null ? $"{Field}-helper-text" : $"{Field}-error";

    private static string InputMode => Counts ? "numeric" : "decimal";

    /// <summary>The label sits on the border, as MudBlazor's does, once there is text or a placeholder under it.</summary>
    private bool Shrink => _text.Length > 0 || !string.IsNullOrEmpty(Placeholder);

    /// <summary>The classes MudBlazor gives each part of an outlined, dense field in its state.</summary>
    private readonly record struct Look(bool Invalid, bool Adorned, bool Shrink, bool Disabled)
    {
        private string Error => Invalid ? " mud-input-error" : "";

        private string Off => Disabled ? " mud-disabled" : "";

        public string Control => $"mud-input-control mud-input-control-margin-dense{Error} mud-input-outlined-with-label mud-input-input-control mud-input-number-control mud-input-nospin";

        public string Box => $"mud-input mud-input-outlined mud-input-outlined-with-label{(Adorned ? " mud-input-adorned-end" : "")} mud-input-margin-dense{(Shrink ? " mud-shrink" : "")}{Error}{Off} mud-typography-subtitle1 mud-input-sizing-fixed";

        public string Input => $"mud-input-slot mud-input-root mud-input-root-outlined{(Adorned ? " mud-input-root-adorned-end" : "")} mud-input-root-margin-dense";

        public string Label => $"mud-input-label mud-input-label-animated mud-input-label-outlined mud-input-label-margin-dense{Error}{Off} mud-input-label-inputcontrol";

        public string Helper => $"d-flex mud-input-helper-text{Error}";
    }

    /// <summary>
    /// A value from outside (a plan loaded, a reset, an address) replaces the text; the value this field sent as it
    /// was typed does not, so "1e3" or "2." stay as typed, and text that is not yet a number stays with its message.
    /// </summary>
    protected override void OnParametersSet()
    {
        // The first value too: an empty field's text is already empty.
        if (EqualityComparer<T?>.Default.Equals(Value, _shownValue))
        {
            return;
        }

        _shownValue = Value;
        if (TryRead(_text, out var typed, out _) && EqualityComparer<T?>.Default.Equals(typed, Value))
        {
            return;
        }

        _text = Show(Value);
        _typingError = null;
    }

    private async Task OnInputAsync(string? typed)
    {
        _text = typed ?? "";
        if (TryRead(_text, out var value, out _typingError))
        {
            _shownValue = value;
            await ValueChanged.InvokeAsync(value);
        }
    }

    /// <summary>As if the text were deleted: the field sends no value.</summary>
    private Task ClearAsync() => OnInputAsync("");

    private static string Show(T? value) => value switch
    {
        double number => number.ToString(CultureInfo.InvariantCulture),
        int count => count.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };

    /// <summary>Reads the text as typed, in the invariant culture; a count must be a whole number within an int.</summary>
    private static bool TryRead(string text, out T? value, out string? error)
    {
        value = default;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            error = Counts ? "Not a number: type digits, such as 2000." : "Not a number: type digits, such as 12.5.";
            return false;
        }

        if (!Counts)
        {
            value = (T)(object)number;
            return true;
        }

        if (number != Math.Floor(number))
        {
            error = "A whole number is needed here, such as 2000.";
            return false;
        }

        if (number is < int.MinValue or > int.MaxValue)
        {
            error = "Too large a number for this field.";
            return false;
        }

        value = (T)(object)(int)number;
        return true;
    }
}
