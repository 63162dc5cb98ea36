using System.Globalization;

namespace MskPlanner.Sizing;

/// <summary>
/// One field of a request other than the workload's (a stream, the capacity question), described once: the form
/// draws it from here and the request is checked with the same label and range, so a field and its message cannot
/// name it differently.
/// </summary>
/// <typeparam name="TRequest">The request the field belongs to.</typeparam>
public abstract class FieldOf<TRequest>(string key, string label)
{
    /// <summary>The field's JSON name within its request (<c>messageBytes</c>).</summary>
    public string Key { get; } = key;

    public string Label { get; } = label;

    /// <summary>What the form says under the field.</summary>
    public string? Help { get; init; }

    /// <summary>Whether the form shows the field for this request; null shows it always.</summary>
    public Func<TRequest, bool>? AppliesTo { get; init; }

    public bool Applies(TRequest request) => AppliesTo?.Invoke(request) ?? true;
}

/// <summary>A quantity: a rate, a size, a ratio, hours; or, with <see cref="Whole"/>, a count.</summary>
public sealed class NumberOf<TRequest>(string key, string label, string? unit) : FieldOf<TRequest>(key, label)
{
    public string? Unit { get; } = unit;

    public required Func<TRequest, double?> Get { get; init; }

    public required Func<TRequest, double?, TRequest> With { get; init; }

    public required double Min { get; init; }

    public required double Max { get; init; }

    /// <summary>The value must be above <see cref="Min"/>, not equal to it (a fan-out of 0).</summary>
    public bool MinExcluded { get; init; }

    /// <summary>A count (groups, partitions, brokers): the form takes whole numbers only.</summary>
    public bool Whole { get; init; }

    /// <summary>An empty field is refused; otherwise it means <see cref="Placeholder"/>.</summary>
    public bool Required { get; init; }

    /// <summary>What an empty field means ("same as average"), shown in it; <see cref="PlaceholderFrom"/> when it depends on the request.</summary>
    public string? Placeholder { get; init; }

    public Func<TRequest, string>? PlaceholderFrom { get; init; }

    public string? PlaceholderFor(TRequest request) => PlaceholderFrom?.Invoke(request) ?? Placeholder;

    /// <summary>The workload input whose rule this field shares (see <see cref="NumberOf.Like"/>).</summary>
    internal NumberInput? Shared { get; init; }

    /// <summary>The field's error key: its <see cref="FieldOf{TRequest}.Key"/>, within a part of a request when it is in one (<c>streams[2]</c>).</summary>
    public string KeyWithin(string? within) => within is null ? Key : $"{within}.{Key}";

    /// <summary>
    /// The value, or null with a message at the field when it is missing but required, or outside <see cref="Min"/> (or
    /// <paramref name="floor"/>, another field's value) and <see cref="Max"/> (or <paramref name="ceiling"/>). A field
    /// <see cref="NumberOf.Like{TRequest}"/> a workload input is checked by that input, with its message.
    /// </summary>
    /// <param name="within">The part of the request the field is in (<c>streams[2]</c>), or null.</param>
    public double? Check(double? value, string? within, List<FieldError> errors, double? floor = null, double? ceiling = null)
    {
        var field = KeyWithin(within);
        if (Shared is not null)
        {
            return value is null && !Required && Shared.Default is null ? null : Shared.Check(value, errors);
        }

        if (value is null)
        {
            if (Required)
            {
                errors.Add(new(field, $"{Label} is required."));
            }

            return null;
        }

        var min = floor ?? Min;
        var max = ceiling ?? Max;
        var belowMin = MinExcluded ? value <= min : value < min;
        if (!double.IsFinite(value.Value) || belowMin || value > max)
        {
            errors.Add(new(field, $"{Label} must be {(MinExcluded ? "greater than" : "at least")} {Text(min)} and at most {Text(max)}{(Unit is null ? "" : $" {Unit}")}."));
            return null;
        }

        return value;
    }

    private static string Text(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}

/// <summary>Fields that ask one of the workload's inputs again.</summary>
public static class NumberOf
{
    /// <summary>
    /// A field that is one of the workload's inputs asked again (the capacity question's retention): it takes that
    /// input's label, unit, range and message.
    /// </summary>
    /// <param name="optional">Asked only when given, though the workload requires it.</param>
    /// <param name="help">What this form says under it, when the workload's words do not fit.</param>
    public static NumberOf<TRequest> Like<TRequest>(
        NumberInput input, Func<TRequest, double?> get, Func<TRequest, double?, TRequest> with, bool optional = false, string? help = null) =>
        new(input.Key, input.Label, input.Unit)
        {
            Get = get,
            With = with,
            Min = input.Min,
            Max = input.Max,
            MinExcluded = input.MinExcluded,
            Required = input.Required && !optional,
            Placeholder = input.Placeholder,
            Help = help ?? input.Help,
            Shared = input,
        };
}

/// <summary>A pick from a few whole numbers, as one of the workload's choices (availability zones) asks it.</summary>
public sealed class ChoiceOf<TRequest>(ChoiceInput input) : FieldOf<TRequest>(input.Key, input.Label)
{
    public ChoiceInput Input { get; } = input;

    public required Func<TRequest, int?> Get { get; init; }

    public required Func<TRequest, int?, TRequest> With { get; init; }
}

/// <summary>A pick from named values: the form's choices and their text.</summary>
public sealed class OptionOf<TRequest>(string key, string label) : FieldOf<TRequest>(key, label)
{
    public required IReadOnlyList<(string Value, string Text)> Options { get; init; }

    public required Func<TRequest, string?> Get { get; init; }

    public required Func<TRequest, string?, TRequest> With { get; init; }
}
