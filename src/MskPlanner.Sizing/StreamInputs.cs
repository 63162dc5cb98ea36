namespace MskPlanner.Sizing;

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
