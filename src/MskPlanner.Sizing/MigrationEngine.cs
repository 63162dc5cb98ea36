namespace MskPlanner.Sizing;

/// <summary>USD rates of the move that the MSK offer and the transfer prices carry; null on a sheet that has none.</summary>
/// <param name="McuHour">MSK Connect, per MCU-hour.</param>
/// <param name="ReplicatorHour">MSK Replicator, per replicator-hour.</param>
/// <param name="ReplicatorPerGiB">MSK Replicator, per GB it replicates.</param>
/// <param name="InterRegionPerGiB">Data sent from one AWS region to another, per GB.</param>
/// <param name="Source">Where the rates come from: the live price list, or the bundled, dated rates and their source.</param>
public sealed record MigrationRates(double McuHour, double ReplicatorHour, double ReplicatorPerGiB, double InterRegionPerGiB, string Source);

/// <summary>What the parallel run costs, USD for the whole window, each line rounded to cents.</summary>
public sealed record MigrationCost(decimal Source, decimal Target, decimal Replication, decimal Transfer)
{
    public decimal Total => Source + Target + Replication + Transfer;

    /// <summary>How each line was worked out, with this plan's counts and rates.</summary>
    public MigrationCostHow? How { get; init; }
}

/// <summary>Each cost line's working: the counts, the rates and the window it multiplies.</summary>
public sealed record MigrationCostHow(string Source, string Target, string Replication, string Transfer);

/// <summary>The replication tool, sized.</summary>
/// <param name="Mcus">MSK Connect: every MCU billed, the MirrorSourceConnector's and the checkpoint and heartbeat connectors' one each.</param>
/// <param name="Workers">MSK Connect's or EC2's workers of the source connector.</param>
/// <param name="Tasks">tasks.max of the source connector: a task per vCPU, never more than the leader partitions.</param>
/// <param name="CapacityMiBps">What the tool copies at most, by the stated assumption.</param>
/// <param name="BackfillHours">Copying the retained data with what live traffic leaves of the capacity.</param>
/// <param name="Reason">How it was sized, and the assumption behind it.</param>
public sealed record ReplicationSizing(
    ReplicationTool Tool, int? Mcus, int? McusPerWorker, int? Workers, int Tasks, double CapacityMiBps, double BackfillHours, string Reason);

/// <summary>A tool the move cannot use, and why.</summary>
public sealed record UnavailableTool(ReplicationTool Tool, string Reason);

/// <summary>The steps of a cutover, in the runbook's order.</summary>
public enum MigrationStepKind
{
    CreateTarget,
    CreateTopics,
    StartReplication,
    Verify,
    LoadTest,
    MoveClients,
    Rollback,
    Decommission,
}

/// <summary>One step of the cutover runbook: what it does, what it checks, how long it takes at the plan's figures.</summary>
public sealed record MigrationStep(MigrationStepKind Kind, string Title, string Checks, string Duration);

/// <summary>The move onto the plan's cluster: its cost beside the target's month, the replication sized, and the runbook's steps.</summary>
/// <param name="BackfillGiB">The retained data, one copy: what the replication copies first.</param>
/// <param name="LiveGiB">The window's live traffic: what it copies while both run.</param>
/// <param name="Cost">Null when a rate it needs is not on the price sheet (<see cref="Notes"/> says which).</param>
/// <param name="Replication">Null when the chosen tool cannot serve this move (<see cref="ToolProblem"/> says why).</param>
public sealed record MigrationPlan(
    MigrationInput Input,
    BrokerOption Target,
    string TargetKafkaVersion,
    double BackfillGiB,
    double LiveGiB,
    MigrationCost? Cost,
    decimal? TargetMonthly,
    ReplicationSizing? Replication,
    IReadOnlyList<UnavailableTool> UnavailableTools,
    IReadOnlyList<MigrationStep> Steps,
    IReadOnlyList<string> Notes)
{
    public double CopiedGiB => BackfillGiB + LiveGiB;

    public string? ToolProblem => UnavailableTools.FirstOrDefault(t => t.Tool == Input.Tool)?.Reason;
}

/// <summary>
/// Plans the move onto MSK (docs/migration.md): which replication tools fit the source and the target, how big the
/// chosen one must be, what both clusters, the tool and the transfer cost over the parallel run, and the runbook
/// AWS's migration guide implies. Pure, as the sizing is.
/// </summary>
public static class MigrationEngine
{
    /// <summary>
    /// What MirrorMaker 2 copies per vCPU (one MCU is one vCPU and 4 GiB: MSK guide, "Understand connector
    /// capacity"). AWS publishes no per-MCU throughput: our assumption, on the low side. Measure it.
    /// </summary>
    public const double MiBpsPerVCpu = 10;

    /// <summary>
    /// The share of the tool's capacity the live traffic may take at its peak; the rest copies the retained data.
    /// Ours: it keeps the backfill finite and leaves the headroom the planner keeps on brokers by default.
    /// </summary>
    public const double LiveShareOfCapacity = 0.5;

    /// <summary>MCUs a worker can have (MSK Connect API, ProvisionedCapacity.mcuCount: 1, 2, 4, 8).</summary>
    public static IReadOnlyList<int> McusPerWorkerChoices { get; } = [1, 2, 4, 8];

    /// <summary>Workers of one connector. UNVERIFIED as MSK Connect's limit (its quota table was not read): the conservative figure.</summary>
    public const int MaxWorkersPerConnector = 10;

    /// <summary>Ours: a second worker keeps the copy going while one is replaced.</summary>
    public const int MinWorkers = 2;

    /// <summary>The checkpoint and heartbeat connectors: each its own connector, on one worker of one MCU.</summary>
    public const int SideConnectorMcus = 2;

    /// <summary>
    /// MSK Replicator's throughput per partition: AWS's sizing table asks 3,333 partitions for 1,000 MB/s (MSK guide,
    /// "MSK Replicator: Sizing and partitions"), read as 10^6 bytes/s.
    /// </summary>
    public const double ReplicatorMiBpsPerPartition = 1000.0 / 3333 * 1_000_000 / (1024 * 1024);

    /// <summary>The top of that table, 1,000 MB/s. UNVERIFIED as a ceiling: taken as one.</summary>
    public const double ReplicatorMaxMiBps = 1000.0 * 1_000_000 / (1024 * 1024);

    /// <summary>Share of a same-region copy that crosses an AZ: the tool reads leaders spread over three AZs. Ours.</summary>
    public const double SameRegionCrossAzShare = 2.0 / 3;


    /// <summary>The move to the cluster the plan deploys: the type it names, else its pick (in the chosen family); null without a migration section or a target.</summary>
    public static MigrationPlan? For(SizingResult result, BrokerFamily? family)
    {
        if (result.Input.Migration is not { } migration || TargetOf(result, family) is not { } target || result.Rates is not { } prices)
        {
            return null;
        }

        return Plan(migration, result, target, prices);
    }

    private static BrokerOption? TargetOf(SizingResult result, BrokerFamily? family) =>
        result.Input.BrokerType is { } named
            ? result.Options.FirstOrDefault(o => o.Type.Name == named && o.IsAvailable)
            : PlanHeadline.Pick(result, family)?.Option;

    public static MigrationPlan Plan(MigrationInput migration, SizingResult result, BrokerOption target, PriceSheet prices)
    {
        var input = result.Input;
        var version = input.KafkaVersion ?? ClusterChoices.RecommendedVersion(target.Type);
        var backfill = result.Storage.ExpressGiB;
        var live = input.AvgDataInMiBps * migration.WindowHours * SizingEngine.SecondsPerHour / SizingEngine.MiBPerGiB;
        var unavailable = Unavailable(migration, input, target, version);
        var notes = new List<string>();

        var replication = unavailable.Any(u => u.Tool == migration.Tool) ? null : Size(migration, input, backfill);
        var cost = replication is null ? null : Cost(migration, input, target, prices, replication, backfill, live, notes);
        return new MigrationPlan(
            migration, target, version, backfill, live, cost, target.MonthlyCost?.Total, replication, unavailable,
            Steps(migration, input, target, version, replication, backfill), notes);
    }

    /// <summary>Every tool the source and the target rule out, with the rule that does.</summary>
    public static IReadOnlyList<UnavailableTool> Unavailable(MigrationInput migration, SizingInput input, BrokerOption target, string targetVersion)
    {
        var source = migration.Source;
        var tools = new List<UnavailableTool>();
        if (!source.KafkaVersion.AtLeast(0, 11, 0))
        {
            var why = $"MirrorMaker 2 copies record headers, which Kafka brokers have only from 0.11.0 (KIP-82); the source runs {source.KafkaVersion}.";
            tools.Add(new(ReplicationTool.MskConnect, why));
            tools.Add(new(ReplicationTool.Ec2, why));
        }

        if ((ReplicatorProblem(migration, target, targetVersion) ?? ReplicatorPartitionsProblem(input)) is { } replicator)
        {
            tools.Add(new(ReplicationTool.Replicator, replicator));
        }

        return tools;
    }

    private static string? ReplicatorProblem(MigrationInput migration, BrokerOption target, string targetVersion)
    {
        var source = migration.Source;
        if (source.SelfManaged)
        {
            if (target.Type.Class != BrokerClass.Express)
            {
                return $"MSK Replicator copies from self-managed Kafka only into MSK clusters of Express brokers; this plan deploys {target.Type.Name}. Choose the Express family to use it.";
            }

            if (!source.KafkaVersion.AtLeast(2, 8, 1))
            {
                return $"MSK Replicator needs a self-managed source on Kafka 2.8.1 or later; the source runs {source.KafkaVersion}.";
            }

            if (source.Authentication is not (SourceAuthentication.Scram or SourceAuthentication.Mtls))
            {
                return source.Authentication is null
                    ? "MSK Replicator signs in to a self-managed source with SASL/SCRAM or mTLS over TLS: say which the source uses (source.authentication)."
                    : "MSK Replicator signs in to a self-managed source with SASL/SCRAM or mTLS over TLS; the source uses neither.";
            }

            return null;
        }

        var sourceType = BrokerCatalog.Find(source.InstanceType!)!;
        if (sourceType.IsBurstable || target.Type.IsBurstable)
        {
            return "MSK Replicator does not run on kafka.t3.small clusters: both need m5.large or larger.";
        }

        if (source.Brokers < 3 || target.Brokers < 3)
        {
            return $"MSK Replicator needs at least three brokers in the source and the target ({source.Brokers} and {target.Brokers} here; four in two AZs).";
        }

        if (!source.KafkaVersion.AtLeast(2, 8, 1) || KafkaRelease.TryParse(targetVersion) is not { } targetRelease || !targetRelease.AtLeast(2, 8, 1))
        {
            return $"MSK Replicator keeps topic names identical only between clusters on Kafka 2.8.1 or later; the source runs {source.KafkaVersion}.";
        }

        return null;
    }

    /// <summary>What MSK Replicator carries by AWS's sizing table: its throughput follows the leader partitions, up to the table's top.</summary>
    public static double ReplicatorCapacityMiBps(SizingInput input) => Math.Min(ReplicatorMaxMiBps, input.LeaderPartitions * ReplicatorMiBpsPerPartition);

    /// <summary>
    /// Fewer partitions than AWS's table asks for the peak means the copy falls behind the live traffic: taken as
    /// ruling the Replicator out (AWS calls the table a recommended minimum; the conservative reading).
    /// </summary>
    private static string? ReplicatorPartitionsProblem(SizingInput input) => ReplicatorCapacityMiBps(input) >= input.PeakDataInMiBps
        ? null
        : $"AWS's MSK Replicator sizing table asks about {Math.Ceiling(input.PeakDataInMiBps / ReplicatorMiBpsPerPartition):N0} partitions to replicate the peak of {Figures.Number(input.PeakDataInMiBps)} MiB/s; "
          + $"the plan has {input.LeaderPartitions:N0} leader partitions, so the copy would fall behind. Add partitions, or choose MirrorMaker 2.";

    private static ReplicationSizing Size(MigrationInput migration, SizingInput input, double backfillGiB)
    {
        var needed = input.PeakDataInMiBps / LiveShareOfCapacity;
        switch (migration.Tool)
        {
            case ReplicationTool.MskConnect:
                {
                    var vcpus = (int)Math.Ceiling(needed / MiBpsPerVCpu - 1e-9);
                    var (perWorker, workers) = Workers(vcpus);
                    var capacity = perWorker * workers * MiBpsPerVCpu;
                    return new(ReplicationTool.MskConnect, perWorker * workers + SideConnectorMcus, perWorker, workers,
                        Math.Min(input.LeaderPartitions, perWorker * workers), capacity, BackfillHours(backfillGiB, capacity, input.AvgDataInMiBps),
                        $"{workers} workers of {perWorker} MCU{(perWorker == 1 ? "" : "s")} for the MirrorSourceConnector carry {Figures.Number(capacity)} MiB/s at {Figures.Number(MiBpsPerVCpu)} MiB/s an MCU, "
                        + $"twice the peak of {Figures.Number(input.PeakDataInMiBps)} MiB/s so half is left to copy the retained data; the checkpoint and heartbeat connectors add one MCU each. "
                        + $"AWS publishes no throughput per MCU: {Figures.Number(MiBpsPerVCpu)} MiB/s is our assumption, measure it.");
                }

            case ReplicationTool.Ec2:
                {
                    var vcpusPerWorker = MigrationLimits.Ec2Types[migration.WorkerInstanceType!];
                    var perWorker = vcpusPerWorker * MiBpsPerVCpu;
                    var workers = Math.Max(MinWorkers, (int)Math.Ceiling(needed / perWorker - 1e-9));
                    var capacity = workers * perWorker;
                    return new(ReplicationTool.Ec2, null, null, workers, Math.Min(input.LeaderPartitions, workers * vcpusPerWorker), capacity,
                        BackfillHours(backfillGiB, capacity, input.AvgDataInMiBps),
                        $"{workers} x {migration.WorkerInstanceType} ({vcpusPerWorker} vCPUs each) carry {Figures.Number(capacity)} MiB/s at {Figures.Number(MiBpsPerVCpu)} MiB/s a vCPU, "
                        + $"twice the peak of {Figures.Number(input.PeakDataInMiBps)} MiB/s so half is left to copy the retained data. {Figures.Number(MiBpsPerVCpu)} MiB/s a vCPU is our assumption, measure it.");
                }

            default:
                {
                    var capacity = ReplicatorCapacityMiBps(input);
                    var lagWarning = capacity < needed
                        ? $" AWS's sizing table asks about {Math.Ceiling(needed / ReplicatorMiBpsPerPartition):N0} partitions for {Figures.Number(needed)} MiB/s, twice the peak, and the plan has {input.LeaderPartitions:N0}: the retained data copies slowly while live traffic runs, so add partitions before the move."
                        : "";
                    return new(ReplicationTool.Replicator, null, null, null, input.LeaderPartitions, capacity, BackfillHours(backfillGiB, capacity, input.AvgDataInMiBps),
                        $"MSK Replicator scales itself; its throughput follows the partitions, about {Figures.Number(ReplicatorMiBpsPerPartition)} MiB/s each by AWS's sizing table, "
                        + $"so {input.LeaderPartitions:N0} leader partitions carry {Figures.Number(capacity)} MiB/s.{lagWarning}");
                }
        }
    }

    /// <summary>The fewest MCUs a worker that fit the vCPUs into the connector's workers, never fewer than two workers.</summary>
    private static (int PerWorker, int Workers) Workers(int vcpus)
    {
        foreach (var perWorker in McusPerWorkerChoices)
        {
            var workers = Math.Max(MinWorkers, (vcpus + perWorker - 1) / perWorker);
            if (workers <= MaxWorkersPerConnector)
            {
                return (perWorker, workers);
            }
        }

        // Past 10 workers of 8 MCUs the copy needs several connectors: sized as one, and the runbook says to split it.
        var largest = McusPerWorkerChoices[^1];
        return (largest, (vcpus + largest - 1) / largest);
    }

    /// <summary>The retained data at what live traffic leaves of the capacity; never below 1% of it, so a copy that only just keeps pace still ends.</summary>
    private static double BackfillHours(double backfillGiB, double capacityMiBps, double avgInMiBps) =>
        backfillGiB * SizingEngine.MiBPerGiB / Math.Max(capacityMiBps - avgInMiBps, capacityMiBps * 0.01) / SizingEngine.SecondsPerHour;

    private static MigrationCost? Cost(
        MigrationInput migration, SizingInput input, BrokerOption target, PriceSheet prices, ReplicationSizing replication, double backfillGiB, double liveGiB, List<string> notes)
    {
        var window = new Window(migration.WindowHours);
        var (hours, months) = (window.Hours, window.Months);
        var copied = backfillGiB + liveGiB;
        var rates = prices.Migration;
        if (target.MonthlyCost is not { } targetMonth)
        {
            notes.Add($"{target.Type.Name} has no price in {input.Region}, so the move is not costed.");
            return null;
        }

        if (SourceCost(migration.Source, prices, window, backfillGiB, liveGiB) is not { } source)
        {
            notes.Add($"The source's {migration.Source.InstanceType} has no price on this price sheet, so the move is not costed.");
            return null;
        }

        if (rates is null && (migration.Tool != ReplicationTool.Ec2 || migration.Location == SourceLocation.OtherRegion))
        {
            notes.Add("This price sheet carries no MSK Connect, MSK Replicator or inter-region rates, so the move is not costed.");
            return null;
        }

        // Express bills every GB written, the backfill's too; the month's cost already holds the live traffic's.
        var expressBackfill = target.Type.Class == BrokerClass.Express ? backfillGiB * prices.ExpressDataInPerGiB : 0;
        var targetCost = ((double)targetMonth.Total * months) + expressBackfill;
        var targetHow = $"{Figures.Usd(targetMonth.Total)} a month x {window.MonthShare}"
            + (expressBackfill > 0 ? $" + {Gib(backfillGiB)} of retained data written again at {Rate(prices.ExpressDataInPerGiB)}/GiB (Express data in)" : "");
        double replicationCost;
        string replicationHow;
        switch (migration.Tool)
        {
            case ReplicationTool.MskConnect:
                replicationCost = replication.Mcus!.Value * rates!.McuHour * hours;
                replicationHow = $"{replication.Mcus} MCUs at {Rate(rates.McuHour)} an MCU-hour x {window.HoursText}";
                break;
            case ReplicationTool.Ec2:
                if (!prices.Ec2Hourly.TryGetValue(migration.WorkerInstanceType!, out var workerHourly))
                {
                    notes.Add($"{migration.WorkerInstanceType} has no price on this price sheet, so the move is not costed.");
                    return null;
                }

                replicationCost = replication.Workers!.Value * workerHourly * hours;
                replicationHow = $"{replication.Workers} x {migration.WorkerInstanceType} at {Rate(workerHourly)}/h x {window.HoursText}";
                break;
            default:
                replicationCost = (rates!.ReplicatorHour * hours) + (copied * rates.ReplicatorPerGiB);
                replicationHow = $"{Rate(rates.ReplicatorHour)} a replicator-hour x {window.HoursText} + {Gib(copied)} replicated at {Rate(rates.ReplicatorPerGiB)}/GB";
                break;
        }

        var (transfer, transferHow) = migration.Location switch
        {
            SourceLocation.OtherRegion => (copied * rates!.InterRegionPerGiB, $"{Gib(copied)} sent between regions at {Rate(rates.InterRegionPerGiB)}/GB"),
            SourceLocation.OnPremises => (copied * migration.TransferUsdPerGb!.Value, $"{Gib(copied)} over Direct Connect or VPN at the typed {Rate(migration.TransferUsdPerGb.Value)}/GB"),
            _ => (copied * SameRegionCrossAzShare * prices.CrossAzPerGiB, $"{Gib(copied)} x 2/3 crossing an AZ (our assumption) at {Rate(prices.CrossAzPerGiB)}/GiB"),
        };
        return new MigrationCost(SizingEngine.Money(source.Usd), SizingEngine.Money(targetCost), SizingEngine.Money(replicationCost), SizingEngine.Money(transfer))
        {
            How = new(source.How, targetHow, replicationHow, transferHow),
        };
    }

    /// <summary>The parallel run in hours and in months, and as each cost line's working writes them.</summary>
    private readonly record struct Window(double Hours)
    {
        public double Months => Hours / SizingEngine.HoursPerMonth;

        public string HoursText => $"{Figures.Number(Hours)} h";

        public string MonthShare => $"{Figures.Number(Hours)}/{Figures.Number(SizingEngine.HoursPerMonth)} of a month";
    }

    private static string Gib(double gib) => $"{Figures.Number(gib, "#,0")} GiB";

    /// <summary>A rate as the price list gives it: cents and their fractions, "$0.0456".</summary>
    private static string Rate(double usd) => usd.ToString("$0.00##", System.Globalization.CultureInfo.InvariantCulture);

    private static (double Usd, string How)? SourceCost(MigrationSource source, PriceSheet prices, Window window, double backfillGiB, double liveGiB)
    {
        var (hours, months) = (window.Hours, window.Months);
        switch (source.Kind)
        {
            case MigrationSourceKind.OnPremises:
                return (source.MonthlyCost!.Value * months, $"the typed {Figures.WholeUsd(source.MonthlyCost.Value)} a month x {window.MonthShare}");
            case MigrationSourceKind.Ec2:
                return prices.Ec2Hourly.TryGetValue(source.InstanceType!, out var hourly) && prices.Ec2Gp3PerGiBMonth is { } gp3
                    ? (source.Brokers * ((hourly * hours) + (source.VolumeGiBPerBroker * gp3 * months)),
                        $"{source.Brokers} x {source.InstanceType} at {Rate(hourly)}/h x {window.HoursText} + {source.Brokers} x {Gib(source.VolumeGiBPerBroker)} of gp3 at {Rate(gp3)}/GiB-month x {window.MonthShare}")
                    : null;
            default:
                if (!prices.BrokerHourly.TryGetValue(source.InstanceType!, out var brokerHourly))
                {
                    return null;
                }

                var brokers = $"{source.Brokers} x {source.InstanceType} at {Rate(brokerHourly)}/h x {window.HoursText}";
                return BrokerCatalog.Find(source.InstanceType!)!.Class == BrokerClass.Express
                    ? ((source.Brokers * brokerHourly * hours) + (backfillGiB * prices.ExpressStoragePerGiBMonth * months) + (liveGiB * prices.ExpressDataInPerGiB),
                        $"{brokers} + {Gib(backfillGiB)} stored at {Rate(prices.ExpressStoragePerGiBMonth)}/GiB-month x {window.MonthShare} + {Gib(liveGiB)} written at {Rate(prices.ExpressDataInPerGiB)}/GiB")
                    : ((source.Brokers * brokerHourly * hours) + (source.Brokers * source.VolumeGiBPerBroker * prices.StoragePerGiBMonth * months),
                        $"{brokers} + {source.Brokers} x {Gib(source.VolumeGiBPerBroker)} at {Rate(prices.StoragePerGiBMonth)}/GiB-month x {window.MonthShare}");
        }
    }

    private static IReadOnlyList<MigrationStep> Steps(
        MigrationInput migration, SizingInput input, BrokerOption target, string targetVersion, ReplicationSizing? replication, double backfillGiB)
    {
        var source = migration.Source;
        var nearest = NearestVersion(source.KafkaVersion, target.Type);
        var version = nearest ?? targetVersion;
        var topics = input.Workload?.Streams.Count;
        var tool = ToolName(migration.Tool);
        var backfill = replication is null
            ? "Not sized: the chosen tool cannot serve this move."
            : $"About {Figures.Number(replication.BackfillHours, "#,0.#")} hours to copy the {Figures.Number(backfillGiB)} GiB retained at {Figures.Number(replication.CapacityMiBps)} MiB/s, then it keeps pace with {Figures.Number(input.AvgDataInMiBps)} MiB/s in.";
        return
        [
            new(MigrationStepKind.CreateTarget, $"Create {target.Brokers} x {target.Type.Name} at Kafka {version}",
                (version == source.KafkaVersion.Text
                    ? $"The cluster is ACTIVE and runs {source.KafkaVersion}, the source's version: AWS's guide migrates between identical versions, then upgrades on MSK."
                    : nearest is not null
                        ? $"MSK does not create {target.Type.Name} on the source's {source.KafkaVersion}: {version} is the nearest it does at or above it, as close to identical versions as AWS's guide asks. Test the clients on it first."
                        : $"MSK creates {target.Type.Name} on no version at or above the source's {source.KafkaVersion}: upgrade the source first, as AWS's guide asks for identical versions.")
                + (version == targetVersion ? "" : $" Set the plan's Kafka version (cluster settings) to {version}: its files create {targetVersion}."),
                "Tens of minutes: MSK shows CREATING until the cluster is ACTIVE."),
            new(MigrationStepKind.CreateTopics, "Create the topics with their partitions and configurations",
                topics is { } count
                    ? $"{count} topic{(count == 1 ? "" : "s")} with {input.LeaderPartitions:N0} leader partitions, replication factor {(target.Type.Class == BrokerClass.Express ? 3 : input.ReplicationFactor)} and the plan's retention: kafka-topics.sh --describe on both clusters lists the same partitions."
                    : $"The plan gives no streams: create the source's topics with their own partitions ({input.LeaderPartitions:N0} in all) and configurations; kafka-topics.sh --describe on both clusters lists the same.",
                "Minutes."),
            new(MigrationStepKind.StartReplication, $"Start the replication with {tool}",
                migration.Tool == ReplicationTool.Replicator
                    ? "From the earliest offset, topic names identical, consumer group offsets synchronised: the replicator is RUNNING and its ReplicationLatency falls."
                    : "From the earliest offset, topic names identical (IdentityReplicationPolicy), consumer group offsets synchronised (sync.group.offsets.enabled): every connector is RUNNING.",
                backfill),
            new(MigrationStepKind.Verify, "Verify replication lag and message counts",
                migration.Tool == ReplicationTool.Replicator
                    ? "CloudWatch MessageLag and ReplicationLatency near zero, ReplicatorFailure at zero; each partition's end offset on the target matches the source's once producers pause; consumer groups' offsets are on the target."
                    : "MirrorMaker 2's replication-latency-ms and record-age-ms stay low and the source connector's consumer lag near zero; each partition's end offset on the target matches the source's once producers pause; consumer groups' offsets are on the target.",
                "Before each move, and daily through the window."),
            new(MigrationStepKind.LoadTest, "Run the load test against the target",
                $"The target holds the plan's peak of {Figures.Number(input.PeakDataInMiBps)} MiB/s on its own test topic beside the replication, within the load test's pass marks.",
                $"{LoadTestMinutesAtPeak} minutes at peak, before any client moves."),
            new(MigrationStepKind.MoveClients, "Move consumers, then producers",
                "Each consumer group resumes on the target from its synchronised offset with no gap or replay beyond the last sync; producers move only once every consumer of their topics reads from the target.",
                $"Application by application, within the {migration.ParallelRunDays}-day window."),
            new(MigrationStepKind.Rollback, "Keep a way back",
                migration.Tool == ReplicationTool.Replicator
                    ? "Before producers move, a reverse replicator (target to source, enhanced consumer offset sync) is ready; rolling back points clients' bootstrap servers at the source again."
                    : "Until producers move, consumers go back by pointing at the source; after, a reverse MirrorMaker 2 flow (target to source) keeps the source current so clients can return.",
                "Minutes an application: change its bootstrap servers and restart it."),
            new(MigrationStepKind.Decommission, $"Delete the source and the replication after {migration.ParallelRunDays} days",
                "No client connects to the source (its connection count is zero) and no consumer group is left on it; then delete the replication and the source.",
                $"At the end of the {migration.ParallelRunDays}-day window."),
        ];
    }

    /// <summary>
    /// The version MSK creates this type on that is the source's, or else the lowest above it (KRaft first on a tie,
    /// as MSK recommends it); null when every version MSK offers is below the source's.
    /// </summary>
    public static string? NearestVersion(KafkaRelease source, BrokerType type) => ClusterChoices.VersionsFor(type)
        .Where(v => v.Name == source.Text || (KafkaRelease.TryParse(v.Name) is { } offered && offered.AtLeast(source.Major, source.Minor, source.Patch)))
        .OrderBy(v => v.Name == source.Text ? 0 : 1)
        .ThenBy(v => KafkaRelease.TryParse(v.Name) is { } r ? (r.Major * 1_000_000) + (r.Minor * 1_000) + r.Patch : int.MaxValue)
        .ThenBy(v => v.KRaft ? 0 : 1)
        .Select(v => v.Name)
        .FirstOrDefault();

    /// <summary>How long the load test holds the peak: Kafka's sustained throughput, not its first minutes, is what the plan sized.</summary>
    public const int LoadTestMinutesAtPeak = 30;

    /// <summary>The source in a few words, as tables and the runbook name it.</summary>
    public static string SourceText(MigrationSource source) => source.Kind switch
    {
        MigrationSourceKind.Ec2 => $"self-managed Kafka {source.KafkaVersion} on {source.Brokers} x {source.InstanceType}",
        MigrationSourceKind.Msk => $"MSK on {source.Brokers} x {source.InstanceType} (Kafka {source.KafkaVersion})",
        _ => $"Kafka {source.KafkaVersion} on premises",
    };

    public static string ToolName(ReplicationTool tool) => tool switch
    {
        ReplicationTool.MskConnect => "MirrorMaker 2 on MSK Connect",
        ReplicationTool.Ec2 => "MirrorMaker 2 on EC2",
        _ => "MSK Replicator",
    };
}
