using System.Globalization;

namespace MskPlanner.Sizing;

/// <summary>
/// A workload as a user or API client gives it: every field but <see cref="AvgDataInMiBps"/> and
/// <see cref="Partitions"/> may be left out and then takes the model's default.
/// Property names are the public JSON contract (camelCased).
/// </summary>
public sealed record SizingRequest
{
    public double? AvgDataInMiBps { get; init; }
    public double? PeakDataInMiBps { get; init; }
    public double? AvgDataOutMiBps { get; init; }
    public double? PeakDataOutMiBps { get; init; }
    public double? RetentionHours { get; init; }
    public double? PrimaryRetentionHours { get; init; }
    public int? Partitions { get; init; }
    public int? ReplicationFactor { get; init; }
    public int? AvailabilityZones { get; init; }
    public bool? NearestReplicaFetching { get; init; }
    public double? DiskUtilizationTarget { get; init; }
    public double? PeakUtilization { get; init; }
    public double? LaggingConsumerFactor { get; init; }
    public double? ProvisionedThroughputMiBps { get; init; }
    public bool? UseMaxPartitions { get; init; }
    public bool? TlsInTransit { get; init; }
    public double? TlsDeratePercent { get; init; }
    public double? PageCacheSeconds { get; init; }
    public int? BrokerQuota { get; init; }
    public string? Region { get; init; }

    /// <summary>
    /// Applies the defaults and checks every rule. Returns the input when all is well, otherwise one message per
    /// offending field, saying what is wrong and what is allowed.
    /// </summary>
    public SizingResolution Resolve()
    {
        var errors = new List<FieldError>();

        var avgIn = Throughput(AvgDataInMiBps, "avgDataInMiBps", "Average data in", errors, required: true);
        var peakIn = AtLeast(PeakDataInMiBps ?? avgIn, avgIn, "peakDataInMiBps", "Peak data in", "average data in", "MiB/s", errors);
        var avgOut = Throughput(AvgDataOutMiBps ?? avgIn, "avgDataOutMiBps", "Average data out", errors);
        var peakOut = AtLeast(PeakDataOutMiBps ?? avgOut, avgOut, "peakDataOutMiBps", "Peak data out", "average data out", "MiB/s", errors);
        var retention = Positive(RetentionHours ?? InputLimits.DefaultRetentionHours, "retentionHours", "Retention", "hours", InputLimits.MaxRetentionHours, errors);
        var primary = Positive(PrimaryRetentionHours ?? retention, "primaryRetentionHours", "Primary retention", "hours", InputLimits.MaxRetentionHours, errors);
        if (primary is { } p && retention is { } r && p > r)
        {
            errors.Add(new("primaryRetentionHours", $"Primary (local) retention must not exceed the retention of {Format(r)} hours; less than the retention moves the rest to tiered storage."));
        }

        var partitions = Partitions;
        if (partitions is null)
        {
            errors.Add(new("partitions", "Partitions is required: the number of partition replicas (leaders plus followers), at least 1."));
        }
        else if (partitions < 1 || partitions > InputLimits.MaxPartitions)
        {
            errors.Add(new("partitions", $"Partitions must be between 1 and {InputLimits.MaxPartitions:N0}."));
        }

        var replicationFactor = ReplicationFactor ?? InputLimits.DefaultReplicationFactor;
        if (replicationFactor is not (2 or 3))
        {
            errors.Add(new("replicationFactor", "Replication factor must be 2 or 3 (Express brokers always replicate 3 ways)."));
        }

        var zones = AvailabilityZones ?? InputLimits.DefaultAvailabilityZones;
        if (zones is not (2 or 3))
        {
            errors.Add(new("availabilityZones", "Availability zones must be 2 or 3."));
        }

        var diskTarget = InRange(DiskUtilizationTarget ?? InputLimits.DefaultDiskUtilizationTarget, InputLimits.MinDiskUtilizationTarget, InputLimits.MaxDiskUtilizationTarget,
            "diskUtilizationTarget", "Disk utilization target", "(a fraction: 0.5 means volumes sized to be half full)", errors);
        var peakUtilization = InRange(PeakUtilization ?? InputLimits.DefaultPeakUtilization, InputLimits.MinPeakUtilization, 1,
            "peakUtilization", "Utilization at peak", "(a fraction of a broker's capacity)", errors);
        var lagging = InRange(LaggingConsumerFactor ?? InputLimits.DefaultLaggingConsumerFactor, 0, InputLimits.MaxLaggingConsumerFactor,
            "laggingConsumerFactor", "Lagging consumers", "(times data in read from disk)", errors);
        var tlsDerate = InRange(TlsDeratePercent ?? 0, 0, InputLimits.MaxTlsDeratePercent,
            "tlsDeratePercent", "TLS throughput derate", "(percent)", errors);
        var pageCache = InRange(PageCacheSeconds ?? 0, 0, InputLimits.MaxPageCacheSeconds,
            "pageCacheSeconds", "Page cache", "(seconds)", errors);

        if (ProvisionedThroughputMiBps is { } pst &&
            (!double.IsFinite(pst) || pst < InputLimits.MinProvisionedThroughputMiBps || pst > InputLimits.MaxProvisionedThroughputMiBps))
        {
            errors.Add(new("provisionedThroughputMiBps", $"Provisioned storage throughput must be between {InputLimits.MinProvisionedThroughputMiBps:N0} and {InputLimits.MaxProvisionedThroughputMiBps:N0} MiB/s per broker, or left empty."));
        }

        var quota = BrokerQuota ?? InputLimits.DefaultBrokerQuota;
        if (quota < 1 || quota > InputLimits.MaxBrokerQuota)
        {
            errors.Add(new("brokerQuota", $"Broker quota must be between 1 and {InputLimits.MaxBrokerQuota:N0} brokers per cluster."));
        }

        var region = string.IsNullOrWhiteSpace(Region) ? InputLimits.DefaultRegion : Region.Trim();
        if (!RegionCode.IsWellFormed(region))
        {
            errors.Add(new("region", "Region must be an AWS region code such as us-east-1 or eu-west-1."));
        }

        if (errors.Count > 0)
        {
            return SizingResolution.Invalid(errors);
        }

        return SizingResolution.Valid(new SizingInput
        {
            AvgDataInMiBps = avgIn!.Value,
            PeakDataInMiBps = peakIn!.Value,
            AvgDataOutMiBps = avgOut!.Value,
            PeakDataOutMiBps = peakOut!.Value,
            RetentionHours = retention!.Value,
            PrimaryRetentionHours = primary!.Value,
            Partitions = partitions!.Value,
            ReplicationFactor = replicationFactor,
            AvailabilityZones = zones,
            NearestReplicaFetching = NearestReplicaFetching ?? true,
            DiskUtilizationTarget = diskTarget!.Value,
            PeakUtilization = peakUtilization!.Value,
            LaggingConsumerFactor = lagging!.Value,
            ProvisionedThroughputMiBps = ProvisionedThroughputMiBps,
            UseMaxPartitions = UseMaxPartitions ?? false,
            TlsInTransit = TlsInTransit ?? true,
            TlsDeratePercent = tlsDerate!.Value,
            PageCacheSeconds = pageCache!.Value,
            BrokerQuota = quota,
            Region = region.ToLowerInvariant(),
        });
    }

    private static double? Throughput(double? value, string field, string label, List<FieldError> errors, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(new(field, $"{label} is required: a number of MiB/s, at least {Format3(InputLimits.MinThroughputMiBps)}."));
            }

            return null;
        }

        if (!double.IsFinite(value.Value) || value < InputLimits.MinThroughputMiBps || value > InputLimits.MaxThroughputMiBps)
        {
            errors.Add(new(field, ThroughputRange(label)));
            return null;
        }

        return value;
    }

    private static string ThroughputRange(string label) =>
        $"{label} must be at least {Format3(InputLimits.MinThroughputMiBps)} and at most {Format(InputLimits.MaxThroughputMiBps)} MiB/s.";

    private static double? Positive(double? value, string field, string label, string unit, double max, List<FieldError> errors, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(new(field, $"{label} is required: a number of {unit} greater than 0."));
            }

            return null;
        }

        if (!double.IsFinite(value.Value) || value <= 0 || value > max)
        {
            errors.Add(new(field, $"{label} must be greater than 0 and at most {Format(max)} {unit}."));
            return null;
        }

        return value;
    }

    private static double? AtLeast(double? value, double? floor, string field, string label, string floorLabel, string unit, List<FieldError> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (!double.IsFinite(value.Value) || value < InputLimits.MinThroughputMiBps || value > InputLimits.MaxThroughputMiBps)
        {
            errors.Add(new(field, ThroughputRange(label)));
            return null;
        }

        if (floor is { } f && value < f)
        {
            errors.Add(new(field, $"{label} must be at least the {floorLabel} of {Format(f)} {unit}."));
            return null;
        }

        return value;
    }

    private static double? InRange(double value, double min, double max, string field, string label, string unitNote, List<FieldError> errors)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            errors.Add(new(field, $"{label} must be between {Format(min)} and {Format(max)} {unitNote}."));
            return null;
        }

        return value;
    }

    private static string Format(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Format3(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}

/// <summary>Either a valid <see cref="SizingInput"/> or the field errors that prevent one.</summary>
public sealed record SizingResolution(SizingInput? Input, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Input is not null;

    public static SizingResolution Valid(SizingInput input) => new(input, []);

    public static SizingResolution Invalid(IReadOnlyList<FieldError> errors) => new(null, errors);
}
