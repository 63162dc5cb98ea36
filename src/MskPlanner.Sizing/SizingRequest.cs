namespace MskPlanner.Sizing;

/// <summary>
/// A workload as a user or API client gives it: every field but <see cref="AvgDataInMiBps"/> and the partitions
/// (<see cref="LeaderPartitions"/>, or <see cref="Partitions"/> as replicas) may be left out and then takes the model's default.
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
    public int? LeaderPartitions { get; init; }

    /// <summary>Partition replicas, as callers gave them before <see cref="LeaderPartitions"/>; give one of the two.</summary>
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
    public int? ClientConnections { get; init; }
    public string? Region { get; init; }
    public double? MonthlyGrowthPercent { get; init; }
    public double? MonthlyGrowthPercentOut { get; init; }
    public int? HorizonMonths { get; init; }
    public string? ClusterName { get; init; }
    public string? BrokerType { get; init; }
    public string? KafkaVersion { get; init; }
    public string? ClientAuthentication { get; init; }
    public string? ClientBrokerEncryption { get; init; }
    public bool? InClusterEncryption { get; init; }
    public string? BrokerLogs { get; init; }
    public string? EnhancedMonitoring { get; init; }
    public string? Tags { get; init; }

    /// <summary>The cluster the plan replaces and how to move off it; when given, the sizing plans the move too.</summary>
    public MigrationRequest? Migration { get; init; }

    /// <summary>The workload as streams; when given, they replace the aggregate data, retention, partitions and lagging inputs.</summary>
    public IReadOnlyList<StreamRequest>? Streams { get; init; }

    /// <summary>
    /// Applies the defaults and checks every rule of <see cref="InputCatalog"/>. Returns the input when all is
    /// well, otherwise one message per offending field, saying what is wrong and what is allowed.
    /// </summary>
    public Outcome<SizingInput> Resolve()
    {
        var errors = new List<FieldError>();
        if (Streams is not { Count: > 0 } streams)
        {
            return ResolveAggregates(errors);
        }

        if (Workload.Resolve(streams, RetentionHours ?? InputLimits.DefaultRetentionHours, errors) is not { } workload)
        {
            return Outcome.Failure<SizingInput>(errors);
        }

        if (PrimaryRetentionHours is { } diskCap && workload.Streams.FirstOrDefault(t => t.RetentionHours > diskCap && t.RetentionHours < ClusterChoices.MinTieredRetentionHours) is { } tooShort)
        {
            errors.Add(new(InputCatalog.PrimaryRetention.Key,
                $"{tooShort.Name} keeps {InputDefinition.Number(tooShort.RetentionHours)} hours, so it would be tiered after {InputDefinition.Number(diskCap)}, and MSK tiers a topic only with a retention of at least {ClusterChoices.MinTieredRetentionHours:0} hours (3 days): keep at least {InputDefinition.Number(tooShort.RetentionHours)} hours on broker disks."));
        }

        var derived = this with
        {
            AvgDataInMiBps = workload.AvgDataInMiBps,
            PeakDataInMiBps = workload.PeakDataInMiBps,
            AvgDataOutMiBps = workload.AvgDataOutMiBps,
            PeakDataOutMiBps = workload.PeakDataOutMiBps,
            RetentionHours = workload.RetentionHours,
            PrimaryRetentionHours = PrimaryRetentionHours is { } cap ? workload.PrimaryRetentionHours(cap) : null,
            LeaderPartitions = workload.LeaderPartitions,
            Partitions = null,
            LaggingConsumerFactor = workload.LaggingConsumerFactor ?? LaggingConsumerFactor,
        };
        var resolved = derived.ResolveAggregates(errors);
        if (resolved.Succeeded)
        {
            return Outcome.Success(resolved.Value with { Workload = workload });
        }

        if (errors.Any(e => InputCatalog.Find(e.Field)?.FromStreams == true))
        {
            errors.Add(new(Workload.Key, "The streams add up to figures a plan cannot size; the locked fields they fill in say which and why."));
        }

        return Outcome.Failure<SizingInput>(errors);
    }

    /// <summary>
    /// The request with its aggregate fields set to what its streams add up to (three decimals), so a form shows the
    /// sums in place, and a plan whose streams are later removed keeps them. Unchanged while any stream is invalid.
    /// </summary>
    public SizingRequest WithStreamTotals()
    {
        if (Streams is not { Count: > 0 } streams || Workload.Resolve(streams, RetentionHours ?? InputLimits.DefaultRetentionHours, []) is not { } workload)
        {
            return this;
        }

        static double Shown(double value) => Math.Max(InputLimits.MinThroughputMiBps, Math.Round(value, 3));
        return this with
        {
            AvgDataInMiBps = Shown(workload.AvgDataInMiBps),
            PeakDataInMiBps = Shown(workload.PeakDataInMiBps),
            AvgDataOutMiBps = Shown(workload.AvgDataOutMiBps),
            PeakDataOutMiBps = Shown(workload.PeakDataOutMiBps),
            RetentionHours = Shown(workload.RetentionHours),
            LeaderPartitions = workload.LeaderPartitions,
            Partitions = null,
            LaggingConsumerFactor = workload.LaggingConsumerFactor is { } lagging ? Math.Round(lagging, 3) : LaggingConsumerFactor,
        };
    }

    /// <summary>
    /// The request in today's terms: partitions given as replicas (<see cref="Partitions"/>, before leader partitions
    /// were asked for) become leader partitions at the request's replication factor, rounded up, since Kafka's
    /// replicas are always leaders × RF. A saved plan or an old link keeps its meaning.
    /// </summary>
    public SizingRequest InLeaderPartitions() => Partitions is { } replicas && LeaderPartitions is null
        ? this with
        {
            LeaderPartitions = (int)Math.Ceiling(replicas / (double)(ReplicationFactor is 2 or 3 ? ReplicationFactor.Value : InputLimits.DefaultReplicationFactor)),
            Partitions = null,
        }
        : this;

    /// <summary>The replicas the sizing counts: leader partitions × RF, or the replicas an older caller gave.</summary>
    private int? Replicas(int? replicationFactor, List<FieldError> errors)
    {
        if (LeaderPartitions is not null && Partitions is not null)
        {
            errors.Add(new(InputCatalog.LeaderPartitions.Key, "Give leaderPartitions or partitions (replicas, as before leader partitions were asked for), not both."));
            return null;
        }

        if (Partitions is not null)
        {
            return InputCatalog.Partitions.Check(Partitions, errors);
        }

        if (InputCatalog.LeaderPartitions.Check(LeaderPartitions, errors) is not { } leaders || replicationFactor is not { } rf)
        {
            return null;
        }

        if ((long)leaders * rf > InputLimits.MaxPartitions)
        {
            errors.Add(new(InputCatalog.LeaderPartitions.Key,
                $"{leaders:N0} leader partitions at replication factor {rf} are {(long)leaders * rf:N0} replicas; a plan sizes at most {InputLimits.MaxPartitions:N0}."));
            return null;
        }

        return leaders * rf;
    }

    private Outcome<SizingInput> ResolveAggregates(List<FieldError> errors)
    {
        var avgIn = InputCatalog.AvgDataIn.Check(AvgDataInMiBps, errors);
        var peakIn = AtLeast(InputCatalog.PeakDataIn, PeakDataInMiBps ?? avgIn, InputCatalog.AvgDataIn, avgIn, errors);
        var avgOut = InputCatalog.AvgDataOut.Check(AvgDataOutMiBps ?? avgIn, errors);
        var peakOut = AtLeast(InputCatalog.PeakDataOut, PeakDataOutMiBps ?? avgOut, InputCatalog.AvgDataOut, avgOut, errors);
        var retention = InputCatalog.Retention.Check(RetentionHours, errors);
        var primary = InputCatalog.PrimaryRetention.Check(PrimaryRetentionHours ?? retention, errors);
        if (primary is { } p && retention is { } r && p > r)
        {
            errors.Add(new(InputCatalog.PrimaryRetention.Key, $"{InputCatalog.PrimaryRetention.Label} must not exceed the retention of {InputDefinition.Number(r)} hours; less than the retention moves the rest to tiered storage."));
        }
        else if (Streams is not { Count: > 0 } && primary is { } local && retention is { } total && local < total && total < ClusterChoices.MinTieredRetentionHours)
        {
            errors.Add(new(InputCatalog.Retention.Key,
                $"With tiered storage (the rest after {InputDefinition.Number(local)} hours on broker disks), MSK needs a retention of at least {ClusterChoices.MinTieredRetentionHours:0} hours (3 days) on each tiered topic; keep it all on disk or retain it longer."));
        }

        var replicationFactor = InputCatalog.ReplicationFactor.Check(ReplicationFactor, errors);
        var partitions = Replicas(replicationFactor, errors);
        var tlsInTransit = TlsInTransit ?? InputCatalog.TlsInTransit.Default;
        var clientBroker = InputCatalog.ClientBrokerEncryption.Check(ClientBrokerEncryption, errors) is { } traffic
            ? ClusterChoices.Parse<ClientTraffic>(traffic)
            : ClientBrokerEncryption is null ? (tlsInTransit ? ClientTraffic.Tls : ClientTraffic.Plaintext) : (ClientTraffic?)null;

        // Plans saved before the cluster settings existed, with TLS off, keep sizing: only plaintext fits them.
        var authentication = ClientAuthentication is null && clientBroker == ClientTraffic.Plaintext
            ? Authentication.Unauthenticated
            : InputCatalog.ClientAuthentication.Check(ClientAuthentication, errors) is { } named ? ClusterChoices.Parse<Authentication>(named) : (Authentication?)null;
        if (authentication is { } auth && clientBroker == ClientTraffic.Plaintext && ClusterChoices.NeedsTls(auth))
        {
            errors.Add(new(InputCatalog.ClientAuthentication.Key,
                $"{ClusterChoices.AuthenticationName(auth)} authentication needs TLS between clients and brokers: turn TLS on, or choose no authentication."));
        }

        var growthIn = InputCatalog.MonthlyGrowth.Check(MonthlyGrowthPercent, errors);
        var growthOut = InputCatalog.MonthlyGrowthOut.Check(MonthlyGrowthPercentOut, errors);
        if (growthOut is not null && growthIn is null && MonthlyGrowthPercent is null)
        {
            errors.Add(new(InputCatalog.MonthlyGrowthOut.Key, $"Give {InputCatalog.MonthlyGrowth.Label.ToLowerInvariant()} too: data out's own rate refines it."));
        }

        // The inputs that decide their value alone are checked and set from their descriptions; the rest, checked
        // against each other above, are set here.
        var settings = CheckAlone(errors);
        if (settings.BrokerType is { } typeName && settings.KafkaVersion is { } version
            && ClusterChoices.VersionProblem(BrokerCatalog.Find(typeName)!, version) is { } versionProblem)
        {
            errors.Add(new(InputCatalog.KafkaVersion.Key, versionProblem));
        }

        if (avgIn is not { } avgInValue || peakIn is not { } peakInValue || avgOut is not { } avgOutValue || peakOut is not { } peakOutValue
            || retention is not { } retentionValue || primary is not { } primaryValue || partitions is not { } partitionsValue
            || replicationFactor is not { } replicationValue || authentication is not { } authenticationValue || clientBroker is not { } clientBrokerValue)
        {
            return Outcome.Failure<SizingInput>(errors);
        }

        var migration = Migration?.Resolve(errors);
        var input = settings with
        {
            Migration = migration,
            AvgDataInMiBps = avgInValue,
            PeakDataInMiBps = peakInValue,
            AvgDataOutMiBps = avgOutValue,
            PeakDataOutMiBps = peakOutValue,
            RetentionHours = retentionValue,
            PrimaryRetentionHours = primaryValue,
            Partitions = partitionsValue,
            ReplicationFactor = replicationValue,
            MonthlyGrowthPercent = growthIn,
            MonthlyGrowthPercentOut = growthOut,
            ClientAuthentication = authenticationValue,
            ClientBrokerEncryption = clientBrokerValue,
        };
        return errors.Count > 0 ? Outcome.Failure<SizingInput>(errors) : Outcome.Success(input);
    }

    /// <summary>
    /// The settings before a workload is set: what <see cref="CheckAlone"/> starts from. Its workload figures are
    /// always replaced; the settings start at their catalog defaults.
    /// </summary>
    private static readonly SizingInput NoWorkload = new()
    {
        AvgDataInMiBps = 0,
        PeakDataInMiBps = 0,
        AvgDataOutMiBps = 0,
        PeakDataOutMiBps = 0,
        RetentionHours = 0,
        PrimaryRetentionHours = 0,
        Partitions = 0,
        ReplicationFactor = InputCatalog.ReplicationFactor.Default,
    };

    /// <summary>Every input that decides its value alone, checked and set from its description in the catalog.</summary>
    private SizingInput CheckAlone(List<FieldError> errors)
    {
        var input = NoWorkload;
        foreach (var definition in InputCatalog.All)
        {
            input = definition.CheckInto(this, input, errors);
        }

        return input;
    }

    /// <summary>A peak: in range, and not below its average.</summary>
    private static double? AtLeast(NumberInput input, double? value, NumberInput floorInput, double? floor, List<FieldError> errors)
    {
        if (input.Check(value, errors) is not { } checkedValue)
        {
            return null;
        }

        if (floor is { } f && checkedValue < f)
        {
            errors.Add(new(input.Key, $"{input.Label} must be at least the {floorInput.Label.ToLowerInvariant()} of {InputDefinition.Number(f)} {input.Unit}."));
            return null;
        }

        return checkedValue;
    }
}
