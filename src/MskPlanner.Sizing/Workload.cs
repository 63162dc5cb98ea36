namespace MskPlanner.Sizing;

/// <summary>
/// One stream of the workload as a user or API client describes it: a topic, or a group of topics alike.
/// Property names are the public JSON contract (the items of <c>streams</c>).
/// </summary>
public sealed record StreamRequest
{
    public string? Name { get; init; }
    public double? MessagesPerSecond { get; init; }

    /// <summary>Messages per second at peak; the average when left out.</summary>
    public double? PeakMessagesPerSecond { get; init; }

    /// <summary>The average message before compression: key, value and headers, bytes.</summary>
    public double? MessageBytes { get; init; }

    /// <summary>none, gzip, snappy, lz4 or zstd; none when left out.</summary>
    public string? Compression { get; init; }

    /// <summary>Bytes before over bytes after compression; the codec's typical ratio when left out.</summary>
    public double? CompressionRatio { get; init; }

    public int? ConsumerGroups { get; init; }

    /// <summary>How many of the groups lag or replay, reading from disk; left out on every stream keeps the plan's lagging factor.</summary>
    public int? LaggingGroups { get; init; }

    /// <summary>The most consumers one group runs at once: a partition count below it leaves consumers idle.</summary>
    public int? ConsumersPerGroup { get; init; }

    /// <summary>Hours kept; the plan's retention when left out.</summary>
    public double? RetentionHours { get; init; }

    /// <summary>Leader partitions; left out, the planner suggests a count (<see cref="Workload.SuggestionRule"/>).</summary>
    public int? Partitions { get; init; }

    /// <summary>A compacted topic (cleanup.policy=compact): MSK Serverless caps their partitions apart from the others.</summary>
    public bool? Compacted { get; init; }
}

/// <summary>A stream resolved: its traffic in MiB/s (after compression, as brokers carry and store it), partitions and storage.</summary>
/// <param name="PartitionsSuggested">True when <see cref="LeaderPartitions"/> is the planner's suggestion, not the user's figure.</param>
/// <param name="RetainedGiB">One copy of the retention: what the stream keeps, before replicas and headroom.</param>
public sealed record StreamFigures(
    string Name,
    double MessagesPerSecond,
    double PeakMessagesPerSecond,
    double MessageBytes,
    string Compression,
    double CompressionRatio,
    int ConsumerGroups,
    int? LaggingGroups,
    int? ConsumersPerGroup,
    double RetentionHours,
    int LeaderPartitions,
    bool PartitionsSuggested,
    double AvgDataInMiBps,
    double PeakDataInMiBps,
    double AvgDataOutMiBps,
    double PeakDataOutMiBps,
    double RetainedGiB,
    bool Compacted);

/// <summary>The streams added up into the plan's aggregate inputs.</summary>
/// <param name="RetentionHours">Byte-weighted: the average data in times it is exactly the streams' retained data, so storage is sized per stream.</param>
/// <param name="LaggingConsumerFactor">Lagging groups' reads as a multiple of data in; null when no stream marks any.</param>
public sealed record WorkloadTotals(
    IReadOnlyList<StreamFigures> Streams,
    double AvgDataInMiBps,
    double PeakDataInMiBps,
    double AvgDataOutMiBps,
    double PeakDataOutMiBps,
    double RetentionHours,
    int LeaderPartitions,
    double? LaggingConsumerFactor)
{
    public int ConsumerGroups => Streams.Sum(s => s.ConsumerGroups);

    public double LargestMessageBytes => Streams.Max(s => s.MessageBytes);

    /// <summary>The leader partitions of compacted streams, which MSK Serverless counts against a quota of their own.</summary>
    public int CompactedLeaderPartitions => Streams.Where(s => s.Compacted).Sum(s => s.LeaderPartitions);

    /// <summary>The byte-weighted primary retention for a plan-wide cap on broker disks: each stream keeps min(cap, its retention) there.</summary>
    public double PrimaryRetentionHours(double cap) => Streams.Sum(s => s.AvgDataInMiBps * Math.Min(cap, s.RetentionHours)) / AvgDataInMiBps;
}

/// <summary>The workload builder: streams, their limits, codecs, and how they add up (docs/sizing.md, "Workload builder").</summary>
public static class Workload
{
    public const string Key = "streams";
    public const int MaxStreams = 20;
    public const int NameMaxLength = 60;
    public const double MaxMessagesPerSecond = 100_000_000;
    public const double MaxMessageBytes = 100 * 1024 * 1024;
    public const double MaxCompressionRatio = 20;
    public const int MaxConsumerGroups = 1000;
    public const int MaxConsumersPerGroup = 10_000;
    public const int MaxLeaderPartitions = 1_000_000;

    /// <summary>
    /// Write throughput one partition is planned for when the planner suggests a count. Our assumption, stated in the
    /// results: MSK Serverless's per-partition cap, and a conservative figure for a partition on a provisioned broker.
    /// </summary>
    public const double SuggestedMiBpsPerPartition = 5;

    public const string SuggestionRule =
        "the larger of the stream's peak data in over 5 MiB/s per partition and the most consumers one group runs, at least 1";

    private const double BytesPerMiB = 1024 * 1024;

    /// <summary>
    /// The codecs with the ratio assumed when the stream gives none. ASSUMPTION (ours, not AWS's): typical ratios for
    /// text-like payloads such as JSON; binary or already-compressed payloads compress far less, so measure yours.
    /// </summary>
    public static IReadOnlyList<(string Name, double TypicalRatio)> Codecs { get; } =
        [("none", 1.0), ("gzip", 3.0), ("snappy", 2.0), ("lz4", 2.2), ("zstd", 3.2)];

    /// <summary>Checks every stream (errors keyed <c>streams[i].field</c>) and adds them up; null when any is wrong.</summary>
    public static WorkloadTotals? Resolve(IReadOnlyList<StreamRequest> streams, double defaultRetentionHours, List<FieldError> errors)
    {
        if (streams.Count > MaxStreams)
        {
            errors.Add(new(Key, $"A plan may describe at most {MaxStreams} streams; group topics alike into one stream."));
            return null;
        }

        var resolved = new List<StreamFigures>(streams.Count);
        var before = errors.Count;
        for (var i = 0; i < streams.Count; i++)
        {
            if (ResolveOne(streams[i], i, defaultRetentionHours, errors) is { } stream)
            {
                resolved.Add(stream);
            }
        }

        if (errors.Count > before || resolved.Count == 0)
        {
            return null;
        }

        var avgIn = resolved.Sum(s => s.AvgDataInMiBps);
        var lagging = resolved.Any(s => s.LaggingGroups is not null)
            ? resolved.Sum(s => s.AvgDataInMiBps * (s.LaggingGroups ?? 0)) / avgIn
            : (double?)null;
        return new WorkloadTotals(
            resolved,
            avgIn,
            resolved.Sum(s => s.PeakDataInMiBps),
            resolved.Sum(s => s.AvgDataOutMiBps),
            resolved.Sum(s => s.PeakDataOutMiBps),
            resolved.Sum(s => s.AvgDataInMiBps * s.RetentionHours) / avgIn,
            resolved.Sum(s => s.LeaderPartitions),
            lagging);
    }

    private static StreamFigures? ResolveOne(StreamRequest stream, int index, double defaultRetentionHours, List<FieldError> errors)
    {
        var before = errors.Count;
        var at = StreamInputs.Within(index);
        var name = StreamInputs.Name.Check(stream.Name, index, errors);
        var rate = StreamInputs.MessagesPerSecond.Check(stream.MessagesPerSecond, at, errors);
        var peak = StreamInputs.PeakMessagesPerSecond.Check(stream.PeakMessagesPerSecond ?? rate, at, errors, floor: rate);
        var bytes = StreamInputs.MessageBytes.Check(stream.MessageBytes, at, errors);
        var codec = StreamInputs.Compression.Check(stream.Compression, index, errors);

        // An unknown codec has no typical ratio to check; its own message says what to choose.
        var ratio = StreamInputs.CompressionRatio.Check(stream.CompressionRatio ?? (codec.Name is null ? 1 : codec.TypicalRatio), at, errors);
        var groups = StreamInputs.ConsumerGroups.Check(stream.ConsumerGroups ?? 1, at, errors);
        var lagging = StreamInputs.LaggingGroups.Check(stream.LaggingGroups, at, errors, ceiling: groups);
        var consumers = StreamInputs.ConsumersPerGroup.Check(stream.ConsumersPerGroup, at, errors);
        var retention = StreamInputs.RetentionHours.Check(stream.RetentionHours ?? defaultRetentionHours, at, errors);
        var partitions = StreamInputs.Partitions.Check(stream.Partitions, at, errors);
        if (errors.Count > before)
        {
            return null;
        }

        var avgIn = rate!.Value * bytes!.Value / ratio!.Value / BytesPerMiB;
        var peakIn = peak!.Value * bytes.Value / ratio.Value / BytesPerMiB;
        var suggested = Math.Max(Math.Max(1, (int?)consumers ?? 1), (int)Math.Min(MaxLeaderPartitions, Math.Ceiling((peakIn / SuggestedMiBpsPerPartition) - 1e-9)));
        return new StreamFigures(
            name, rate.Value, peak.Value, bytes.Value, codec.Name!, ratio.Value, (int)groups!.Value, (int?)lagging, (int?)consumers, retention!.Value,
            (int?)partitions ?? suggested, partitions is null,
            avgIn, peakIn, avgIn * groups.Value, peakIn * groups.Value, avgIn * retention.Value * 3600 / 1024, stream.Compacted ?? false);
    }
}
