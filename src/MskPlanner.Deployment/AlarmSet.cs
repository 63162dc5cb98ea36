using MskPlanner.Sizing;

namespace MskPlanner.Deployment;

/// <summary>Per broker (dimensions Cluster Name and Broker ID) or for the whole cluster (Cluster Name).</summary>
public enum AlarmScope
{
    Broker,
    Cluster,
}

/// <summary>What the alarm watches: one metric, the sum of several (metric math), or a Metrics Insights query.</summary>
public abstract record AlarmSignal;

public sealed record MetricSignal(string Metric) : AlarmSignal;

/// <summary>Metric math: <paramref name="Expression"/> over the metrics in order, named m1, m2, …</summary>
public sealed record MathSignal(IReadOnlyList<string> Metrics, string Expression) : AlarmSignal;

/// <summary>A Metrics Insights query over every series of the cluster (all consumer groups and topics).</summary>
public sealed record InsightsSignal(string Metric, string Function) : AlarmSignal;

/// <summary>
/// One CloudWatch alarm in namespace AWS/Kafka, with its threshold and what it protects. Cluster-level metrics
/// are read with Maximum: only the active controller reports them, so an average across brokers dilutes them.
/// </summary>
public sealed record Alarm(
    string Id,
    string Title,
    AlarmScope Scope,
    AlarmSignal Signal,
    string Statistic,
    string Comparison,
    double Threshold,
    string Unit,
    int PeriodSeconds,
    int EvaluationPeriods,
    string Protects,
    string WhenItFires,
    string ThresholdSource)
{
    public const string Namespace = "AWS/Kafka";

    /// <summary>CloudWatch's TreatMissingData: "missing" unless silence itself means trouble ("breaching").</summary>
    public string MissingData { get; init; } = "missing";

    /// <summary>The operator and threshold as people read them ("&gt; 60 %"; bytes per second in MiB/s).</summary>
    public string Condition
    {
        get
        {
            var operation = Comparison switch
            {
                GreaterThan => ">",
                GreaterOrEqual => ">=",
                LessThan => "<",
                _ => Comparison,
            };
            return Unit == "bytes/s"
                ? $"{operation} {Figures.Number(Threshold / (1024 * 1024))} MiB/s"
                : $"{operation} {Figures.Number(Threshold)} {Unit}".TrimEnd();
        }
    }

    public string Duration => PeriodSeconds * EvaluationPeriods is var seconds && seconds >= 120 ? $"{seconds / 60} min" : $"{seconds} s";

    /// <summary>The description the exports carry: what it protects, then what to do.</summary>
    public string Description => $"{Protects} When it fires: {WhenItFires}";

    public const string GreaterThan = "GreaterThanThreshold";
    public const string GreaterOrEqual = "GreaterThanOrEqualToThreshold";
    public const string LessThan = "LessThanThreshold";
}

/// <summary>The alarm set AWS recommends for MSK, with the thresholds the plan's own figures give.</summary>
public static class Alarms
{
    private const double BytesPerMiB = 1024 * 1024;

    /// <summary>
    /// Throughput alarms fire at 80% of what the sizing gave each broker, leaving time to act before the limit, and
    /// never at or below the plan's own peak per broker: an alarm that the planned load trips is noise from day one.
    /// </summary>
    public const double ThroughputAlarmShare = 0.8;

    /// <summary>Keep total CPU (user + system) under 60% (MSK best practices; the Express guide's "Monitor CPU usage").</summary>
    public const double CpuPercentCeiling = 60;

    /// <summary>
    /// IAM access control caps client connections per broker (MSK developer guide, "IAM access control" quotas:
    /// 3,000 TCP connections per broker). UNVERIFIED: not re-read from AWS in this session.
    /// </summary>
    public const int IamConnectionsPerBroker = 3_000;

    /// <summary>
    /// T3 CPU credits: below this the broker is close to its baseline. Our own assumption (about four hours of the
    /// 24 credits a t3.small earns an hour), not an AWS figure.
    /// </summary>
    public const double T3CreditFloor = 100;

    public static IReadOnlyList<Alarm> For(ClusterBlueprint plan)
    {
        var alarms = new List<Alarm>();
        var ingress = IngressCapacity(plan);
        var egress = EgressCapacity(plan);
        alarms.Add(new("cpu", "CPU user + system", AlarmScope.Broker, new MathSignal(["CpuUser", "CpuSystem"], "m1 + m2"), "Maximum", Alarm.GreaterThan, CpuPercentCeiling, "%", 60, 5,
            "Keeps each broker's CPU under the 60% MSK recommends, so it can absorb a broker failure.",
            "add brokers or move to a larger size; check for clients reconnecting in a loop.",
            plan.IsExpress ? "MSK Express best practices: monitor CPU usage, total under 60%" : "MSK developer guide: total CPU under 60%"));
        if (plan.IsExpress)
        {
            alarms.Add(Throttle("produce-throttle", "Produce throttling", "ProduceThrottleTime"));
            alarms.Add(Throttle("fetch-throttle", "Fetch throttling", "FetchThrottleTime"));
        }
        else
        {
            alarms.Add(new("disk", "Data disk used", AlarmScope.Broker, new MetricSignal("KafkaDataLogsDiskUsed"), "Maximum", Alarm.GreaterThan, 85, "%", 300, 1,
                "Warns before a broker's data volume fills, which stops writes to its partitions.",
                "raise the volume size (the plan's target is " + Figures.Number(plan.Input.DiskUtilizationTarget * 100) + "%), shorten retention or turn on tiered storage.",
                "MSK developer guide: alarm at 85% disk used"));
            alarms.Add(new("under-replicated", "Under-replicated partitions", AlarmScope.Broker, new MetricSignal("UnderReplicatedPartitions"), "Maximum", Alarm.GreaterThan, 0, "", 300, 3,
                "Catches followers falling behind for 15 minutes: one more failure could lose acknowledged data.",
                "look for a broker under CPU, disk or network pressure; check the broker's logs.", "MSK developer guide: alert above 0"));
            alarms.Add(new("under-min-isr", "Partitions under min ISR", AlarmScope.Broker, new MetricSignal("UnderMinIsrPartitionCount"), "Maximum", Alarm.GreaterOrEqual, 1, "", 60, 1,
                "Producers with acks=all cannot write to these partitions.",
                "treat as an outage: find the brokers that left the ISR and restore them.", "MSK developer guide: expected value 0"));
            var kraft = ClusterChoices.VersionFor(plan.Type, plan.KafkaVersion).KRaft;
            alarms.Add(new("offline-partitions", "Offline partitions", AlarmScope.Cluster, new MetricSignal("OfflinePartitionsCount"), "Maximum", Alarm.GreaterThan, 0, "", 60, 1,
                kraft
                    ? "Partitions without a leader can be neither read nor written. In KRaft mode MSK runs the controllers itself, so this alarm, not ActiveControllerCount, is what watches leadership."
                    : "Partitions without a leader can be neither read nor written.",
                "treat as an outage: check broker health and the cluster's events in the MSK console.", "MSK developer guide: alert above 0"));
            if (!kraft)
            {
                // Each broker reports 1 while it is the controller: the cluster's sum must be exactly 1, and silence
                // (no broker reporting) is as bad as none or two.
                alarms.Add(new("active-controller", "Active controllers (sum over the cluster)", AlarmScope.Cluster, new MathSignal(["ActiveControllerCount"], "ABS(m1 - 1)"), "Sum", Alarm.GreaterThan, 0, "", 60, 3,
                    "Exactly one broker must be the active controller: none cannot elect leaders or change topics, two means a split.",
                    "open an AWS support case; check the cluster's state in the MSK console.", "MSK developer guide: the sum over the cluster is 1")
                {
                    MissingData = "breaching",
                });
            }
            if (plan.Input.EnhancedMonitoring != MonitoringLevel.Default)
            {
                alarms.Add(new("heap", "Heap after garbage collection", AlarmScope.Broker, new MetricSignal("HeapMemoryAfterGC"), "Maximum", Alarm.GreaterThan, 60, "%", 300, 3,
                    "Sustained heap pressure precedes long pauses and broker restarts.",
                    "reduce partitions or connections per broker, or move to a larger size.", "MSK developer guide: heap after GC below 60%"));
            }

            if (plan.Type.IsBurstable)
            {
                alarms.Add(new("cpu-credits", "CPU credit balance", AlarmScope.Broker, new MetricSignal("CPUCreditBalance"), "Minimum", Alarm.LessThan, T3CreditFloor, "credits", 300, 1,
                    "A T3 broker out of credits falls to its baseline CPU and slows every client.",
                    "lower the load or move to an M5 or M7g type: T3 is for development.", "our assumption: about four hours of t3.small credits"));
            }
        }

        var partitionLimit = plan.Input.UseMaxPartitions ? plan.Type.MaxPartitions : plan.Type.RecommendedPartitions;
        alarms.Add(new("partitions", "Partitions per broker", AlarmScope.Broker, new MetricSignal("PartitionCount"), "Maximum", Alarm.GreaterThan, partitionLimit, "partitions", 300, 1,
            $"Keeps each broker within the {Figures.Number(partitionLimit)} partitions {plan.Type.Name} is sized for.",
            "delete unused topics, or add brokers and reassign partitions.", $"MSK's {(plan.Input.UseMaxPartitions ? "maximum" : "recommended")} partitions for {plan.Type.Name}"));
        alarms.Add(Throughput("bytes-in", "Data in per broker", "BytesInPerSec", "data in", ingress, plan.Input.AvgDataInMiBps, plan.Input.PeakDataInMiBps, plan.Option.Brokers,
            "traffic is outgrowing the plan: re-size with today's figures and add brokers."));
        alarms.Add(Throughput("bytes-out", "Data out per broker", "BytesOutPerSec", "data out", egress, plan.Input.AvgDataOutMiBps, plan.Input.PeakDataOutMiBps, plan.Option.Brokers,
            "consumers are reading more than planned: re-size with the new fan-out."));
        var lagSeconds = Math.Round(plan.Input.RetentionHours * 3600 / 2);
        alarms.Add(new("consumer-lag", "Consumer lag", AlarmScope.Cluster, new InsightsSignal("EstimatedMaxTimeLag", "MAX"), "Maximum", Alarm.GreaterThan, lagSeconds, "s", 300, 3,
            $"A consumer further behind than half the {Figures.Number(plan.Input.RetentionHours)} hours of retention risks reading data that is deleted first.",
            "scale the consumer group or find the stuck consumer before retention overtakes it.", "the plan: half its retention"));
        if (plan.Input.ClientAuthentication == Authentication.Iam)
        {
            alarms.Add(new("connections", "Connections per broker", AlarmScope.Broker, new MetricSignal("ClientConnectionCount"), "Maximum", Alarm.GreaterThan, IamConnectionsPerBroker * 0.8, "connections", 300, 1,
                $"IAM authentication caps each broker at {Figures.Number(IamConnectionsPerBroker)} connections; this warns at 80%.",
                "pool or reuse client connections, or add brokers.", "MSK's IAM connection quota per broker"));
        }

        return alarms;
    }

    /// <summary>The peak data in the sizing allows each broker, MiB/s; Express alarms at its sustained limit.</summary>
    public static double IngressCapacity(ClusterBlueprint plan) => plan.IsExpress
        ? plan.Type.ExpressIngressMiBps
        : plan.Option.Limits.First(l => l.Kind == LimitKind.Ingress).CapacityPerBroker;

    public static double EgressCapacity(ClusterBlueprint plan) => plan.Option.Limits.First(l => l.Kind == LimitKind.Egress).CapacityPerBroker;

    /// <summary>
    /// A per-broker throughput alarm at 80% of the broker's capacity, raised to the plan's peak per broker when
    /// that is higher, so the load the plan expects never trips it.
    /// </summary>
    private static Alarm Throughput(string id, string title, string metric, string what, double capacity, double average, double peak, int brokers, string whenItFires)
    {
        var averagePerBroker = average / brokers;
        var peakPerBroker = peak / brokers;
        var threshold = Math.Max(capacity * ThroughputAlarmShare, peakPerBroker);
        var basis = threshold > peakPerBroker
            ? $"80% of the {Figures.Number(capacity)} MiB/s of {what} the plan gives each broker"
            : $"the plan's own peak of {Figures.Number(peakPerBroker)} MiB/s per broker (80% of the {Figures.Number(capacity)} MiB/s capacity would sit under it)";
        return new(id, title, AlarmScope.Broker, new MetricSignal(metric), "Average", Alarm.GreaterThan, Math.Round(threshold * BytesPerMiB), "bytes/s", 300, 3,
            $"Fires above {basis}; the plan expects {Figures.Number(averagePerBroker)} MiB/s per broker on average and {Figures.Number(peakPerBroker)} at peak.",
            whenItFires, "the plan: 80% of its per-broker capacity, never under its peak per broker");
    }

    private static Alarm Throttle(string id, string title, string metric) => new(id, title, AlarmScope.Broker, new MetricSignal(metric), "Maximum", Alarm.GreaterThan, 0, "ms", 300, 3,
        "Express brokers throttle clients that go past their sustained limits.",
        "add brokers or move to a larger Express size; the plan's per-broker limits are in the sizing.", "MSK Express guidance: throttle time above 0");
}
