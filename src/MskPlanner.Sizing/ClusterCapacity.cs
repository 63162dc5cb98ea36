namespace MskPlanner.Sizing;

/// <summary>
/// An existing (or proposed) cluster, for the reverse question: what can it take? Only <see cref="InstanceType"/>,
/// <see cref="Brokers"/> and, for Standard brokers, <see cref="VolumeGiBPerBroker"/> are required; the ratios take
/// the sizing's defaults. Property names are the public JSON contract (camelCased).
/// </summary>
public sealed record CapacityRequest
{
    public string? InstanceType { get; init; }
    public int? Brokers { get; init; }
    public int? AvailabilityZones { get; init; }
    public double? VolumeGiBPerBroker { get; init; }

    /// <summary>Data out over data in; or give both peaks and the fan-out is their ratio.</summary>
    public double? FanOut { get; init; }

    public double? PeakDataInMiBps { get; init; }
    public double? PeakDataOutMiBps { get; init; }
    public int? ReplicationFactor { get; init; }
    public double? RetentionHours { get; init; }
    public double? PeakUtilization { get; init; }
    public double? DiskUtilizationTarget { get; init; }
    public double? LaggingConsumerFactor { get; init; }
    public bool? TlsInTransit { get; init; }
    public double? TlsDeratePercent { get; init; }
    public bool? UseMaxPartitions { get; init; }

    /// <summary>Today's average data in, for how many hours of retention the volumes hold at it.</summary>
    public double? AvgDataInMiBps { get; init; }

    public const double MaxFanOut = 1_000;

    public Outcome<CapacityQuestion> Resolve()
    {
        var errors = new List<FieldError>();
        BrokerType? type = null;
        if (string.IsNullOrWhiteSpace(InstanceType))
        {
            errors.Add(new(CapacityInputs.InstanceType.Key, $"{CapacityInputs.InstanceType.Label} is required: one of MSK's broker types, such as kafka.m5.2xlarge or express.m7g.large."));
        }
        else if ((type = BrokerCatalog.Find(InstanceType.Trim())) is null)
        {
            errors.Add(new(CapacityInputs.InstanceType.Key, $"{CapacityInputs.InstanceType.Label} must be one of MSK's broker types, such as kafka.m5.2xlarge or express.m7g.large."));
        }

        var zones = InputCatalog.AvailabilityZones.Check(AvailabilityZones, errors);
        var replication = InputCatalog.ReplicationFactor.Check(ReplicationFactor, errors);
        if (type?.Class == BrokerClass.Express)
        {
            if (zones is not null and not SizingEngine.ExpressZones)
            {
                errors.Add(new(InputCatalog.AvailabilityZones.Key, "Express brokers run in exactly 3 availability zones."));
            }

            if (replication is not null and not SizingEngine.ExpressReplicationFactor)
            {
                errors.Add(new(InputCatalog.ReplicationFactor.Key, "Express brokers always replicate 3 ways."));
            }
        }

        var brokers = (int?)CapacityInputs.Brokers.Check(Brokers, null, errors);
        if (brokers is { } count && zones is { } z && count % z != 0)
        {
            errors.Add(new(CapacityInputs.Brokers.Key, $"MSK spreads brokers evenly over the AZs: {count} brokers cannot fill {z} AZs alike; use a multiple of {z}."));
        }

        var volume = CapacityInputs.VolumeGiBPerBroker.Applies(this) ? CapacityInputs.VolumeGiBPerBroker.Check(VolumeGiBPerBroker, null, errors) : null;

        var fanOut = FanOutFrom(errors);
        var retention = CapacityInputs.RetentionHours.Check(RetentionHours, null, errors);
        var utilization = CapacityInputs.PeakUtilization.Check(PeakUtilization, null, errors);
        var diskTarget = InputCatalog.DiskUtilizationTarget.Check(DiskUtilizationTarget, errors);
        var lagging = InputCatalog.LaggingConsumers.Check(LaggingConsumerFactor, errors);
        var tlsDerate = InputCatalog.TlsDerate.Check(TlsDeratePercent, errors);
        var avgIn = CapacityInputs.AvgDataInMiBps.Check(AvgDataInMiBps, null, errors);

        if (errors.Count > 0 || type is null || brokers is not { } brokerCount || zones is not { } zoneCount || replication is not { } rf || fanOut is not { } ratio
            || retention is not { } hours || utilization is not { } u || diskTarget is not { } target || lagging is not { } lag || tlsDerate is not { } derate)
        {
            return Outcome.Failure<CapacityQuestion>(errors);
        }

        return Outcome.Success(new CapacityQuestion(type, brokerCount, zoneCount, volume, ratio, rf, hours, u, target, lag,
            TlsInTransit ?? InputCatalog.TlsInTransit.Default, derate, UseMaxPartitions ?? InputCatalog.UseMaxPartitions.Default, avgIn));
    }

    private double? FanOutFrom(List<FieldError> errors)
    {
        if (FanOut is not null)
        {
            return CapacityInputs.FanOut.Check(FanOut, null, errors);
        }

        if (PeakDataInMiBps is null && PeakDataOutMiBps is null)
        {
            return 1;
        }

        var peakIn = InputCatalog.PeakDataIn.Check(PeakDataInMiBps, errors);
        var peakOut = InputCatalog.PeakDataOut.Check(PeakDataOutMiBps ?? PeakDataInMiBps, errors);
        if (PeakDataInMiBps is null)
        {
            errors.Add(new(InputCatalog.PeakDataIn.Key, "Give peak data in with peak data out, or the fan-out itself."));
        }

        return peakIn is { } i && peakOut is { } o ? Math.Min(o / i, MaxFanOut) : null;
    }
}

/// <summary>A validated capacity question.</summary>
public sealed record CapacityQuestion(
    BrokerType Type, int Brokers, int AvailabilityZones, double? VolumeGiBPerBroker, double FanOut, int ReplicationFactor, double RetentionHours,
    double PeakUtilization, double DiskUtilizationTarget, double LaggingConsumerFactor, bool TlsInTransit, double TlsDeratePercent, bool UseMaxPartitions,
    double? AvgDataInMiBps);

/// <summary>What the cluster can take, by the same per-broker capacities the forward sizing uses.</summary>
/// <param name="IngressPerBrokerMiBps">What one broker takes in at full use: the same figure as the sizing's <c>ingressPerBrokerMiBps</c>.</param>
/// <param name="IngressCapacityPerBrokerMiBps">Ingress per broker at the question's utilization: the sizing's <c>limits.ingress.capacityPerBroker</c>.</param>
/// <param name="EgressCapacityPerBrokerMiBps">Egress per broker at the question's utilization: the sizing's <c>limits.egress.capacityPerBroker</c>.</param>
/// <param name="BindingLimit">
/// The limit reached first: ingress or egress at peak, or storage when the volumes cannot keep the retention of the
/// peak the brokers could carry (read as if that peak ran all day: the conservative reading) or of today's data in.
/// </param>
/// <param name="RetentionHoursAtIngress">Hours of data the volumes hold at <see cref="CapacityQuestion.AvgDataInMiBps"/>; null without it, or for Express (managed storage).</param>
/// <param name="MaxAvgDataInMiBpsForRetention">The average data in the volumes hold for the whole retention; null for Express.</param>
public sealed record ClusterCapacity(
    CapacityQuestion Question,
    double IngressPerBrokerMiBps,
    double IngressCapacityPerBrokerMiBps,
    double EgressCapacityPerBrokerMiBps,
    double MaxPeakDataInMiBps,
    double MaxPeakDataOutMiBps,
    int MaxPartitions,
    double? RetentionHoursAtIngress,
    double? MaxAvgDataInMiBpsForRetention,
    LimitKind BindingLimit);

/// <summary>
/// The reverse of <see cref="SizingEngine"/>: from brokers to the traffic they carry. The per-broker capacities come
/// from the forward sizing itself (a nominal workload with the question's ratios), so the two cannot drift apart:
/// the answer fed back into a sizing needs no more brokers than were given.
/// </summary>
public static class CapacityEngine
{
    private const double NominalPeakInMiBps = 1;

    /// <summary>Capacity does not depend on price: the forward sizing runs with none, which only marks types unpriced.</summary>
    private static readonly PriceSheet NoPrices = new()
    {
        Origin = new PriceOrigin("none", InputLimits.DefaultRegion, default),
        BrokerHourly = new Dictionary<string, double>(),
        StoragePerGiBMonth = 0,
        TieredStoragePerGiBMonth = 0,
        ProvisionedThroughputPerMiBpsMonth = 0,
        ExpressStoragePerGiBMonth = 0,
        ExpressDataInPerGiB = 0,
        CrossAzPerGiB = 0,
    };

    public static ClusterCapacity Capacity(CapacityQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var input = new SizingInput
        {
            AvgDataInMiBps = NominalPeakInMiBps,
            PeakDataInMiBps = NominalPeakInMiBps,
            AvgDataOutMiBps = NominalPeakInMiBps * question.FanOut,
            PeakDataOutMiBps = NominalPeakInMiBps * question.FanOut,
            RetentionHours = question.RetentionHours,
            PrimaryRetentionHours = question.RetentionHours,
            Partitions = 1,
            ReplicationFactor = question.ReplicationFactor,
            AvailabilityZones = question.AvailabilityZones,
            NearestReplicaFetching = true,
            DiskUtilizationTarget = question.DiskUtilizationTarget,
            PeakUtilization = question.PeakUtilization,
            LaggingConsumerFactor = question.LaggingConsumerFactor,
            ProvisionedThroughputMiBps = null,
            UseMaxPartitions = question.UseMaxPartitions,
            TlsInTransit = question.TlsInTransit,
            TlsDeratePercent = question.TlsDeratePercent,
            PageCacheSeconds = 0,
            BrokerQuota = InputLimits.MaxBrokerQuota,
            Region = InputLimits.DefaultRegion,
        };
        var option = SizingEngine.Size(input, NoPrices).Options.Single(o => o.Type == question.Type);
        var ingress = option.Limits.Single(l => l.Kind == LimitKind.Ingress).CapacityPerBroker;
        var egress = option.Limits.Single(l => l.Kind == LimitKind.Egress).CapacityPerBroker;
        var partitions = option.Limits.Single(l => l.Kind == LimitKind.Partitions).CapacityPerBroker;

        var byIngress = question.Brokers * ingress;
        var byEgress = question.Brokers * egress / question.FanOut;
        var maxPeakIn = Math.Min(byIngress, byEgress);
        var binding = byEgress < byIngress ? LimitKind.Egress : LimitKind.Ingress;

        double? retentionHours = null;
        double? maxAvgIn = null;
        if (question.VolumeGiBPerBroker is { } volume)
        {
            // The forward sizing's storage rule turned round: avg in x hours x 3600 x RF / 1024 / target = the volumes.
            var usableMiB = question.Brokers * volume * question.DiskUtilizationTarget * 1024;
            maxAvgIn = usableMiB / (question.RetentionHours * 3600 * question.ReplicationFactor);
            if (question.AvgDataInMiBps is { } avgIn)
            {
                retentionHours = usableMiB / (avgIn * 3600 * question.ReplicationFactor);
            }

            if (maxAvgIn < maxPeakIn || retentionHours < question.RetentionHours)
            {
                binding = LimitKind.Storage;
            }
        }

        return new ClusterCapacity(question, option.IngressPerBrokerMiBps, ingress, egress, maxPeakIn, maxPeakIn * question.FanOut, (int)(question.Brokers * partitions),
            retentionHours, maxAvgIn, binding);
    }
}

/// <summary>The fields of the capacity question the form asks, in its order: drawn from here and checked with them.</summary>
public static class CapacityInputs
{
    public static readonly OptionOf<CapacityRequest> InstanceType = new("instanceType", "Broker type")
    {
        Options = [.. BrokerCatalog.All.Select(t => (t.Name, t.Name))],
        Get = r => r.InstanceType,
        With = (r, v) => r with { InstanceType = v },
    };

    public static readonly NumberOf<CapacityRequest> Brokers = new("brokers", "Brokers", "brokers")
    {
        Get = r => r.Brokers,
        With = (r, v) => r with { Brokers = (int?)v },
        Min = 1,
        Max = InputLimits.MaxBrokerQuota,
        Whole = true,
        Required = true,
        Help = "A multiple of the AZs",
    };

    public static readonly ChoiceOf<CapacityRequest> AvailabilityZones = new(InputCatalog.AvailabilityZones)
    {
        Get = r => r.AvailabilityZones,
        With = (r, v) => r with { AvailabilityZones = v },
    };

    /// <summary>
    /// Standard brokers only: Express storage is managed and grows with the data, and a type not known has no class
    /// to ask for (its own message says so).
    /// </summary>
    public static readonly NumberOf<CapacityRequest> VolumeGiBPerBroker = new("volumeGiBPerBroker", "Storage per broker", "GiB")
    {
        Get = r => r.VolumeGiBPerBroker,
        With = (r, v) => r with { VolumeGiBPerBroker = v },
        Min = 1,
        Max = SizingEngine.MaxVolumeGiBPerBroker,
        Required = true,
        AppliesTo = r => BrokerCatalog.Find(r.InstanceType?.Trim() ?? "") is { Class: BrokerClass.Standard },
    };

    public static readonly NumberOf<CapacityRequest> FanOut = new("fanOut", "Fan-out (data out ÷ data in)", null)
    {
        Get = r => r.FanOut,
        With = (r, v) => r with { FanOut = v },
        Min = 0,
        MinExcluded = true,
        Max = CapacityRequest.MaxFanOut,
        Placeholder = "1",
    };

    public static readonly NumberOf<CapacityRequest> RetentionHours =
        NumberOf.Like<CapacityRequest>(InputCatalog.Retention, r => r.RetentionHours, (r, v) => r with { RetentionHours = v });

    /// <summary>Asked as the planner asks it, but of the cluster as it runs today, for the hours of retention its volumes hold.</summary>
    public static readonly NumberOf<CapacityRequest> AvgDataInMiBps =
        NumberOf.Like<CapacityRequest>(InputCatalog.AvgDataIn, r => r.AvgDataInMiBps, (r, v) => r with { AvgDataInMiBps = v },
            optional: true, help: "Today's, for the hours of retention the volumes hold");

    public static readonly NumberOf<CapacityRequest> PeakUtilization =
        NumberOf.Like<CapacityRequest>(InputCatalog.PeakUtilization, r => r.PeakUtilization, (r, v) => r with { PeakUtilization = v });

    public static readonly ChoiceOf<CapacityRequest> ReplicationFactor = new(InputCatalog.ReplicationFactor)
    {
        Get = r => r.ReplicationFactor,
        With = (r, v) => r with { ReplicationFactor = v },
    };

    public static IReadOnlyList<FieldOf<CapacityRequest>> All { get; } =
        [InstanceType, Brokers, AvailabilityZones, VolumeGiBPerBroker, FanOut, RetentionHours, AvgDataInMiBps, PeakUtilization, ReplicationFactor];
}
