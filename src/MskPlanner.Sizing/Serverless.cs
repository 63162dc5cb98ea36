namespace MskPlanner.Sizing;

/// <summary>The limits of an MSK Serverless cluster the planner checks a workload against.</summary>
public enum ServerlessLimitKind
{
    Ingress,
    Egress,
    Partitions,
    PartitionIngress,
    PartitionEgress,
    ClientConnections,
    MessageSize,
    ConsumerGroups,
    CompactedPartitions,
}

/// <summary>One Serverless limit: what it caps, its cap, and how the planner reads it.</summary>
/// <param name="Phrase">How a sentence names it: "ingress of 200 MiB/s per cluster".</param>
public sealed record ServerlessLimit(ServerlessLimitKind Kind, string Key, string Label, double Cap, string Unit, string Phrase);

/// <summary>A limit checked: the workload's demand beside the cap.</summary>
public sealed record ServerlessCheck(ServerlessLimit Limit, double Demand)
{
    public bool Fits => Demand <= Limit.Cap;

    public double Utilization => Demand / Limit.Cap;
}

/// <summary>MSK Serverless rates for one region, USD.</summary>
/// <param name="Source">Where the rates come from: the live price list, or the bundled, dated rate and its source.</param>
public sealed record ServerlessRates(
    double ClusterHour, double PartitionHour, double StoragePerGiBMonth, double DataInPerGiB, double DataOutPerGiB, string Source);

/// <summary>A month (730 hours) of MSK Serverless charges, USD, each rounded to cents.</summary>
public sealed record ServerlessCost(decimal Cluster, decimal Partitions, decimal Storage, decimal DataIn, decimal DataOut)
{
    public decimal Total => Cluster + Partitions + Storage + DataIn + DataOut;
}

/// <summary>The workload on MSK Serverless: every limit checked, and its cost when it fits.</summary>
/// <param name="LeaderPartitions">Serverless bills and caps leader partitions: the plan's replicas over its replication factor.</param>
/// <param name="StorageGiB">What Serverless stores: one copy of the whole retention.</param>
/// <param name="RuledOutBy">The first check that fails, in the order of <see cref="ServerlessLimits.All"/>.</param>
/// <param name="UnavailableReason">Why Serverless cannot take this workload; null when it can.</param>
public sealed record ServerlessOption(
    int LeaderPartitions,
    double StorageGiB,
    IReadOnlyList<ServerlessCheck> Checks,
    ServerlessCheck? RuledOutBy,
    string? UnavailableReason,
    ServerlessCost? MonthlyCost,
    string? RatesSource)
{
    public bool IsAvailable => UnavailableReason is null;

    /// <summary>"$1,234.56 / month", or why it cannot take the workload, in a few words.</summary>
    public string Summary => MonthlyCost is { } cost
        ? $"{Figures.Usd(cost.Total)} / month"
        : RuledOutBy is { } failed ? $"ruled out: over its {failed.Limit.Label.ToLowerInvariant()} cap" : $"ruled out: {UnavailableReason}";
}

/// <summary>
/// MSK Serverless's per-cluster quotas, from the MSK developer guide's "MSK Serverless quota" table. AWS writes
/// the throughput caps in MBps; with no sign that it means MiB, the planner reads them conservatively as
/// 10^6 bytes per second (200 MBps = 190.7 MiB/s) and compares them with its MiB/s figures in that unit.
/// </summary>
public static class ServerlessLimits
{
    public static readonly ServerlessLimit Ingress = new(ServerlessLimitKind.Ingress, "ingress", "Ingress", MiBps(200), "MiB/s peak data in",
        "ingress of 200 MBps (190.7 MiB/s) per cluster");

    public static readonly ServerlessLimit Egress = new(ServerlessLimitKind.Egress, "egress", "Egress", MiBps(400), "MiB/s peak data out",
        "egress of 400 MBps (381.5 MiB/s) per cluster");

    /// <summary>Leader partitions of non-compacted topics; compacted ones count against <see cref="CompactedPartitions"/>.</summary>
    public static readonly ServerlessLimit Partitions = new(ServerlessLimitKind.Partitions, "partitions", "Partitions", 2400, "leader partitions",
        "2,400 leader partitions of non-compacted topics per cluster");

    /// <summary>Leader partitions of compacted topics: known only when streams mark them.</summary>
    public static readonly ServerlessLimit CompactedPartitions = new(ServerlessLimitKind.CompactedPartitions, "compactedPartitions", "Compacted partitions", 120,
        "leader partitions of compacted streams", "120 leader partitions of compacted topics per cluster");

    public static readonly ServerlessLimit PartitionIngress = new(ServerlessLimitKind.PartitionIngress, "partitionIngress", "Ingress per partition", MiBps(5),
        "MiB/s peak data in per partition", "5 MBps (4.77 MiB/s) of data in per partition");

    public static readonly ServerlessLimit PartitionEgress = new(ServerlessLimitKind.PartitionEgress, "partitionEgress", "Egress per partition", MiBps(10),
        "MiB/s peak data out per partition", "10 MBps (9.54 MiB/s) of data out per partition");

    public static readonly ServerlessLimit ClientConnections = new(ServerlessLimitKind.ClientConnections, "clientConnections", "Client connections", 3000,
        "connections", "3,000 client connections per cluster");

    public static readonly ServerlessLimit MessageSize = new(ServerlessLimitKind.MessageSize, "messageSize", "Message size", 8 * 1024 * 1024,
        "bytes, the largest stream's average message", "messages of at most 8 MiB");

    public static readonly ServerlessLimit ConsumerGroups = new(ServerlessLimitKind.ConsumerGroups, "consumerGroups", "Consumer groups", 500,
        "consumer groups", "500 consumer groups per cluster");

    /// <summary>AWS's MBps, read as 10^6 bytes per second, in MiB/s.</summary>
    public static double MiBps(double megabytesPerSecond) => megabytesPerSecond * 1_000_000 / (1024 * 1024);

    /// <summary>In the order a workload is checked: the first that fails is the one reported.</summary>
    public static IReadOnlyList<ServerlessLimit> All { get; } =
        [Ingress, Egress, Partitions, PartitionIngress, PartitionEgress, ClientConnections, MessageSize, ConsumerGroups, CompactedPartitions];
}

/// <summary>
/// Prices and checks a workload on MSK Serverless (docs/sizing.md, "MSK Serverless"). Serverless has no brokers to
/// size: AWS scales it within fixed quotas, so the question is whether the workload fits them, and what its usage costs.
/// </summary>
public static class ServerlessEngine
{

    public static ServerlessOption Size(SizingInput input, StorageFigures storage, PriceSheet prices)
    {
        // Serverless keeps three copies itself; the plan's partitions count replicas at its own factor.
        var leaders = input.LeaderPartitions;
        // An array, not a list and a query: this runs on every keystroke beside the 23 broker types.
        var checks = new ServerlessCheck[5 + (input.ClientConnections is null ? 0 : 1) + (input.Workload is null ? 0 : 3)];
        var compacted = input.Workload?.CompactedLeaderPartitions ?? 0;
        checks[0] = new(ServerlessLimits.Ingress, input.PeakDataInMiBps);
        checks[1] = new(ServerlessLimits.Egress, input.PeakDataOutMiBps);
        checks[2] = new(ServerlessLimits.Partitions, leaders - compacted);
        // Spread evenly over the leaders: the best case. A hot partition reaches the cap sooner.
        checks[3] = new(ServerlessLimits.PartitionIngress, input.PeakDataInMiBps / leaders);
        checks[4] = new(ServerlessLimits.PartitionEgress, input.PeakDataOutMiBps / leaders);
        var next = 5;
        if (input.ClientConnections is { } connections)
        {
            checks[next++] = new(ServerlessLimits.ClientConnections, connections);
        }

        if (input.Workload is { } workload)
        {
            checks[next++] = new(ServerlessLimits.MessageSize, workload.LargestMessageBytes);
            checks[next++] = new(ServerlessLimits.ConsumerGroups, workload.ConsumerGroups);
            checks[next] = new(ServerlessLimits.CompactedPartitions, compacted);
        }

        ServerlessCheck? ruledOutBy = null;
        foreach (var check in checks)
        {
            if (!check.Fits)
            {
                ruledOutBy = check;
                break;
            }
        }

        var reason = input.ClientAuthentication != Authentication.Iam
            ? $"MSK Serverless takes IAM authentication only; this plan uses {ClusterChoices.AuthenticationName(input.ClientAuthentication)}."
            : ruledOutBy is { } failed
                ? $"Over MSK Serverless's {failed.Limit.Phrase}: this workload needs {Figures.Number(failed.Demand)} {failed.Limit.Unit}."
                : prices.Serverless is null
                    ? $"No MSK Serverless rates for {prices.Origin.Region}."
                    : null;

        var storageGiB = storage.ExpressGiB;
        ServerlessCost? cost = null;
        if (prices.Serverless is { } rates)
        {
            cost = new ServerlessCost(
                SizingEngine.Money(rates.ClusterHour * SizingEngine.HoursPerMonth),
                SizingEngine.Money(leaders * rates.PartitionHour * SizingEngine.HoursPerMonth),
                SizingEngine.Money(storageGiB * rates.StoragePerGiBMonth),
                SizingEngine.Money(SizingEngine.GiBPerMonth(input.AvgDataInMiBps) * rates.DataInPerGiB),
                SizingEngine.Money(SizingEngine.GiBPerMonth(input.AvgDataOutMiBps) * rates.DataOutPerGiB));
        }

        return new ServerlessOption(leaders, storageGiB, checks, ruledOutBy, reason, reason is null ? cost : null, prices.Serverless?.Source);
    }


}
