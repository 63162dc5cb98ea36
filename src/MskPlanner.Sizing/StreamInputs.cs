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

/// <summary>The stream's name: free text with a length limit.</summary>
public sealed class StreamNameInput(string key, string label) : FieldOf<StreamRequest>(key, label)
{
    public required int MaxLength { get; init; }

    /// <summary>The name a stream without one is called ("stream 3").</summary>
    public static string Default(int index) => $"stream {index + 1}";

    public string Check(string? given, int index, List<FieldError> errors)
    {
        var name = string.IsNullOrWhiteSpace(given) ? Default(index) : given.Trim();
        if (name.Length > MaxLength || name.Any(char.IsControl))
        {
            errors.Add(new(StreamInputs.KeyAt(index, Key), $"{Label} is at most {MaxLength} characters, without control characters."));
        }

        return name;
    }
}

/// <summary>The codec a stream's producers compress with.</summary>
public sealed class StreamCodecInput(string key, string label) : FieldOf<StreamRequest>(key, label)
{
    /// <summary>The codec, or default with a message when it is not one of <see cref="Workload.Codecs"/>; none when left out.</summary>
    public (string Name, double TypicalRatio) Check(string? given, int index, List<FieldError> errors)
    {
        var codec = Workload.Codecs.FirstOrDefault(c => string.Equals(c.Name, (given ?? "none").Trim(), StringComparison.OrdinalIgnoreCase));
        if (codec.Name is null)
        {
            errors.Add(new(StreamInputs.KeyAt(index, Key), $"{Label} must be {string.Join(", ", Workload.Codecs.Select(c => c.Name))}."));
        }

        return codec;
    }
}

/// <summary>On or off for a stream (a compacted topic).</summary>
public sealed class StreamSwitchInput(string key, string label) : FieldOf<StreamRequest>(key, label)
{
    public required Func<StreamRequest, bool?> Get { get; init; }

    public required Func<StreamRequest, bool?, StreamRequest> With { get; init; }
}

/// <summary>Every field of a stream, in the builder's order.</summary>
public static class StreamInputs
{
    /// <summary>The part of the request that stream <paramref name="index"/> is: <c>streams[2]</c>, which its fields' keys start with.</summary>
    public static string Within(int index) => $"{Workload.Key}[{index}]";

    /// <summary>A field's form id and error key in stream <paramref name="index"/>: <c>streams[2].messageBytes</c>.</summary>
    public static string KeyAt(int index, string key) => $"{Within(index)}.{key}";

    public static readonly StreamNameInput Name = new("name", "Name") { MaxLength = Workload.NameMaxLength };

    public static readonly NumberOf<StreamRequest> MessagesPerSecond = new("messagesPerSecond", "Messages per second", "msg/s")
    {
        Get = s => s.MessagesPerSecond,
        With = (s, v) => s with { MessagesPerSecond = v },
        Min = 0.001,
        Max = Workload.MaxMessagesPerSecond,
        Required = true,
    };

    public static readonly NumberOf<StreamRequest> PeakMessagesPerSecond = new("peakMessagesPerSecond", "Peak messages per second", "msg/s")
    {
        Get = s => s.PeakMessagesPerSecond,
        With = (s, v) => s with { PeakMessagesPerSecond = v },
        Min = 0.001,
        Max = Workload.MaxMessagesPerSecond,
        Placeholder = "same as average",
    };

    public static readonly NumberOf<StreamRequest> MessageBytes = new("messageBytes", "Average message size", "bytes")
    {
        Get = s => s.MessageBytes,
        With = (s, v) => s with { MessageBytes = v },
        Min = 1,
        Max = Workload.MaxMessageBytes,
        Required = true,
        Help = "Before compression: key, value and headers",
    };

    public static readonly StreamCodecInput Compression = new("compression", "Compression");

    public static readonly NumberOf<StreamRequest> CompressionRatio = new("compressionRatio", "Compression ratio", "×")
    {
        Get = s => s.CompressionRatio,
        With = (s, v) => s with { CompressionRatio = v },
        Min = 1,
        Max = Workload.MaxCompressionRatio,
        Help = "Our assumption for text such as JSON; measure yours",
        PlaceholderFrom = s => Workload.Codecs.FirstOrDefault(c => c.Name == (s.Compression ?? "none")) is { Name: not null } codec
            ? $"{Figures.Number(codec.TypicalRatio)} (typical)"
            : "",
    };

    public static readonly NumberOf<StreamRequest> ConsumerGroups = new("consumerGroups", "Consumer groups", "groups")
    {
        Get = s => s.ConsumerGroups,
        With = (s, v) => s with { ConsumerGroups = (int?)v },
        Min = 1,
        Max = Workload.MaxConsumerGroups,
        Whole = true,
        Help = "Each group reads the whole stream",
    };

    public static readonly NumberOf<StreamRequest> LaggingGroups = new("laggingGroups", "Lagging or replaying groups", "groups")
    {
        Get = s => s.LaggingGroups,
        With = (s, v) => s with { LaggingGroups = (int?)v },
        Min = 0,
        Max = Workload.MaxConsumerGroups,
        Whole = true,
        Placeholder = "none marked",
        Help = "They read from disk",
    };

    public static readonly NumberOf<StreamRequest> ConsumersPerGroup = new("consumersPerGroup", "Consumers in the largest group", "consumers")
    {
        Get = s => s.ConsumersPerGroup,
        With = (s, v) => s with { ConsumersPerGroup = (int?)v },
        Min = 1,
        Max = Workload.MaxConsumersPerGroup,
        Whole = true,
        Placeholder = "not known",
    };

    public static readonly NumberOf<StreamRequest> RetentionHours = new("retentionHours", "Retention", "hours")
    {
        Get = s => s.RetentionHours,
        With = (s, v) => s with { RetentionHours = v },
        Min = 0.001,
        Max = InputLimits.MaxRetentionHours,
    };

    public static readonly NumberOf<StreamRequest> Partitions = new("partitions", "Leader partitions", "partitions")
    {
        Get = s => s.Partitions,
        With = (s, v) => s with { Partitions = (int?)v },
        Min = 1,
        Max = Workload.MaxLeaderPartitions,
        Whole = true,
        Placeholder = "suggest",
    };

    public static readonly StreamSwitchInput Compacted = new("compacted", "Compacted topic (cleanup.policy=compact)")
    {
        Get = s => s.Compacted,
        With = (s, v) => s with { Compacted = v is true ? true : null },
    };

    public static IReadOnlyList<FieldOf<StreamRequest>> All { get; } =
        [Name, MessagesPerSecond, PeakMessagesPerSecond, MessageBytes, Compression, CompressionRatio, ConsumerGroups, LaggingGroups, ConsumersPerGroup, RetentionHours, Partitions, Compacted];
}
