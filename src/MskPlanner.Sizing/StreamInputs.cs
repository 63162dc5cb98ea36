using System.Globalization;

namespace MskPlanner.Sizing;

/// <summary>
/// One field of a stream, described once: the workload builder draws it from here and <see cref="Workload"/> checks it
/// with the same label and range, so a field and its message cannot name it differently.
/// </summary>
public abstract class StreamInput(string key, string label)
{
    /// <summary>The field's JSON name within a stream (<c>messageBytes</c>).</summary>
    public string Key { get; } = key;

    public string Label { get; } = label;

    /// <summary>What the form says under the field.</summary>
    public string? Help { get; init; }

    /// <summary>The field's form id and error key in stream <paramref name="index"/>: <c>streams[2].messageBytes</c>.</summary>
    public string KeyAt(int index) => $"{Workload.Key}[{index}].{Key}";
}

/// <summary>A quantity of a stream: a rate, a size, a ratio, hours; or, with <see cref="Whole"/>, a count.</summary>
public sealed class StreamNumberInput(string key, string label, string unit) : StreamInput(key, label)
{
    public string Unit { get; } = unit;

    public required Func<StreamRequest, double?> Get { get; init; }

    public required Func<StreamRequest, double?, StreamRequest> With { get; init; }

    public required double Min { get; init; }

    public required double Max { get; init; }

    /// <summary>A count (groups, partitions): the form takes whole numbers only.</summary>
    public bool Whole { get; init; }

    /// <summary>An empty field is refused; otherwise it means <see cref="Placeholder"/>.</summary>
    public bool Required { get; init; }

    /// <summary>What an empty field means ("same as average"), shown in it; <see cref="PlaceholderFrom"/> when it depends on the stream.</summary>
    public string? Placeholder { get; init; }

    public Func<StreamRequest, string>? PlaceholderFrom { get; init; }

    public string? PlaceholderFor(StreamRequest stream) => PlaceholderFrom?.Invoke(stream) ?? Placeholder;

    /// <summary>
    /// The value, or null with a message at stream <paramref name="index"/>'s field when it is missing but required, or
    /// outside <see cref="Min"/> (or <paramref name="floor"/>, another field's value) and <see cref="Max"/> (or <paramref name="ceiling"/>).
    /// </summary>
    public double? Check(double? value, int index, List<FieldError> errors, double? floor = null, double? ceiling = null)
    {
        if (value is null)
        {
            if (Required)
            {
                errors.Add(new(KeyAt(index), $"{Label} is required for every stream."));
            }

            return null;
        }

        var min = floor ?? Min;
        var max = ceiling ?? Max;
        if (!double.IsFinite(value.Value) || value < min || value > max)
        {
            errors.Add(new(KeyAt(index), $"{Label} must be at least {Text(min)} and at most {Text(max)} {Unit}."));
            return null;
        }

        return value;
    }

    private static string Text(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}

/// <summary>The stream's name: free text with a length limit.</summary>
public sealed class StreamNameInput(string key, string label) : StreamInput(key, label)
{
    public required int MaxLength { get; init; }

    /// <summary>The name a stream without one is called ("stream 3").</summary>
    public static string Default(int index) => $"stream {index + 1}";

    public string Check(string? given, int index, List<FieldError> errors)
    {
        var name = string.IsNullOrWhiteSpace(given) ? Default(index) : given.Trim();
        if (name.Length > MaxLength || name.Any(char.IsControl))
        {
            errors.Add(new(KeyAt(index), $"{Label} is at most {MaxLength} characters, without control characters."));
        }

        return name;
    }
}

/// <summary>The codec a stream's producers compress with.</summary>
public sealed class StreamCodecInput(string key, string label) : StreamInput(key, label)
{
    /// <summary>The codec, or default with a message when it is not one of <see cref="Workload.Codecs"/>; none when left out.</summary>
    public (string Name, double TypicalRatio) Check(string? given, int index, List<FieldError> errors)
    {
        var codec = Workload.Codecs.FirstOrDefault(c => string.Equals(c.Name, (given ?? "none").Trim(), StringComparison.OrdinalIgnoreCase));
        if (codec.Name is null)
        {
            errors.Add(new(KeyAt(index), $"{Label} must be {string.Join(", ", Workload.Codecs.Select(c => c.Name))}."));
        }

        return codec;
    }
}

/// <summary>On or off for a stream (a compacted topic).</summary>
public sealed class StreamSwitchInput(string key, string label) : StreamInput(key, label)
{
    public required Func<StreamRequest, bool?> Get { get; init; }

    public required Func<StreamRequest, bool?, StreamRequest> With { get; init; }
}

/// <summary>Every field of a stream, in the builder's order.</summary>
public static class StreamInputs
{
    public static readonly StreamNameInput Name = new("name", "Name") { MaxLength = Workload.NameMaxLength };

    public static readonly StreamNumberInput MessagesPerSecond = new("messagesPerSecond", "Messages per second", "msg/s")
    {
        Get = s => s.MessagesPerSecond,
        With = (s, v) => s with { MessagesPerSecond = v },
        Min = 0.001,
        Max = Workload.MaxMessagesPerSecond,
        Required = true,
    };

    public static readonly StreamNumberInput PeakMessagesPerSecond = new("peakMessagesPerSecond", "Peak messages per second", "msg/s")
    {
        Get = s => s.PeakMessagesPerSecond,
        With = (s, v) => s with { PeakMessagesPerSecond = v },
        Min = 0.001,
        Max = Workload.MaxMessagesPerSecond,
        Placeholder = "same as average",
    };

    public static readonly StreamNumberInput MessageBytes = new("messageBytes", "Average message size", "bytes")
    {
        Get = s => s.MessageBytes,
        With = (s, v) => s with { MessageBytes = v },
        Min = 1,
        Max = Workload.MaxMessageBytes,
        Required = true,
        Help = "Before compression: key, value and headers",
    };

    public static readonly StreamCodecInput Compression = new("compression", "Compression");

    public static readonly StreamNumberInput CompressionRatio = new("compressionRatio", "Compression ratio", "×")
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

    public static readonly StreamNumberInput ConsumerGroups = new("consumerGroups", "Consumer groups", "groups")
    {
        Get = s => s.ConsumerGroups,
        With = (s, v) => s with { ConsumerGroups = (int?)v },
        Min = 1,
        Max = Workload.MaxConsumerGroups,
        Whole = true,
        Help = "Each group reads the whole stream",
    };

    public static readonly StreamNumberInput LaggingGroups = new("laggingGroups", "Lagging or replaying groups", "groups")
    {
        Get = s => s.LaggingGroups,
        With = (s, v) => s with { LaggingGroups = (int?)v },
        Min = 0,
        Max = Workload.MaxConsumerGroups,
        Whole = true,
        Placeholder = "none marked",
        Help = "They read from disk",
    };

    public static readonly StreamNumberInput ConsumersPerGroup = new("consumersPerGroup", "Consumers in the largest group", "consumers")
    {
        Get = s => s.ConsumersPerGroup,
        With = (s, v) => s with { ConsumersPerGroup = (int?)v },
        Min = 1,
        Max = Workload.MaxConsumersPerGroup,
        Whole = true,
        Placeholder = "not known",
    };

    public static readonly StreamNumberInput RetentionHours = new("retentionHours", "Retention", "hours")
    {
        Get = s => s.RetentionHours,
        With = (s, v) => s with { RetentionHours = v },
        Min = 0.001,
        Max = InputLimits.MaxRetentionHours,
    };

    public static readonly StreamNumberInput Partitions = new("partitions", "Leader partitions", "partitions")
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

    public static IReadOnlyList<StreamInput> All { get; } =
        [Name, MessagesPerSecond, PeakMessagesPerSecond, MessageBytes, Compression, CompressionRatio, ConsumerGroups, LaggingGroups, ConsumersPerGroup, RetentionHours, Partitions, Compacted];
}
