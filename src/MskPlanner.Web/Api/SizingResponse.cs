using System.Text.Json.Serialization;

using MskPlanner.Sizing;

namespace MskPlanner.Web.Api;

/// <summary>The public JSON answer of <c>POST /api/v1/sizing</c>. Money is USD per month; throughput MiB/s; storage GiB.</summary>
public sealed record SizingResponse(
    SizingInput Input,
    IReadOnlyList<OptionResponse> Options,
    IReadOnlyDictionary<string, RecommendationResponse> Recommended,
    StorageFigures Storage,
    NetworkFigures Network,
    IReadOnlyList<Advice> Advice,
    PricesResponse Prices,
    GrowthResponse? Growth,
    IReadOnlyDictionary<string, Explanation>? Explain,
    MigrationResponse? Migration = null)
{
    /// <param name="family">The family a saved plan settles on, whose own advice joins the sizing's.</param>
    /// <param name="explain">Adds how every figure was worked out, keyed by its path in this answer.</param>
    public static SizingResponse From(SizingResult result, BrokerFamily? family = null, bool explain = false) => new(
        result.Input,
        [.. result.Options.Select(BrokerOptionResponse.From), .. result.Serverless is { } serverless ? [ServerlessOptionResponse.From(serverless)] : Array.Empty<OptionResponse>()],
        result.Recommended.ToDictionary(r => Names.Key(r.Family), RecommendationResponse.From),
        result.Storage,
        result.Network,
        PlanAdvice.For(result, family),
        new PricesResponse(result.Prices.Source, result.Prices.Region, result.Prices.AsOf, result.Prices.Note),
        GrowthResponse.From(result.Growth),
        explain ? MskPlanner.Sizing.Explain.All(result) : null,
        MigrationResponse.From(family is null ? result.Migration : MigrationEngine.For(result, family), result.Rates?.Migration));
}

/// <summary>
/// The move onto the plan's cluster, when the input has <c>migration</c>: costs in USD for the whole window,
/// <c>replication</c> null (and <c>problem</c> set) when the chosen tool cannot serve this move.
/// </summary>
public sealed record MigrationResponse(
    string TargetInstanceType, int TargetBrokers, string TargetKafkaVersion, int ParallelRunDays,
    MigrationCostResponse? Cost, decimal? TargetMonthlyCost, double CopiedGiB, double BackfillGiB, double LiveGiB,
    ReplicationResponse? Replication, string? Problem, IReadOnlyList<UnavailableToolResponse> UnavailableTools,
    IReadOnlyList<MigrationStepResponse> Steps, string? Rates, IReadOnlyList<string> Notes)
{
    public static MigrationResponse? From(MigrationPlan? move, MigrationRates? rates) => move is null ? null : new(
        move.Target.Type.Name, move.Target.Brokers, move.TargetKafkaVersion, move.Input.ParallelRunDays,
        move.Cost is { } c ? new MigrationCostResponse(c.Source, c.Target, c.Replication, c.Transfer, c.Total, c.How) : null,
        move.TargetMonthly, move.CopiedGiB, move.BackfillGiB, move.LiveGiB,
        move.Replication is { } r
            ? new ReplicationResponse(ClusterChoices.NameOf(r.Tool), r.Mcus, r.McusPerWorker, r.Workers, r.Tasks, r.CapacityMiBps, r.BackfillHours, r.Reason)
            : null,
        move.ToolProblem,
        [.. move.UnavailableTools.Select(t => new UnavailableToolResponse(ClusterChoices.NameOf(t.Tool), t.Reason))],
        [.. move.Steps.Select(s => new MigrationStepResponse(s.Title, s.Checks, s.Duration))],
        rates?.Source,
        move.Notes);
}

/// <param name="How">Each line's working, with this plan's counts and rates.</param>
public sealed record MigrationCostResponse(decimal Source, decimal Target, decimal Replication, decimal Transfer, decimal Total, MigrationCostHow? How);

/// <param name="Mcus">MSK Connect only: every MCU billed, the source connector's and one each for the checkpoint and heartbeat connectors.</param>
/// <param name="Workers">MSK Connect's or EC2's workers of the source connector; null for MSK Replicator, which scales itself.</param>
public sealed record ReplicationResponse(
    string Tool, int? Mcus, int? McusPerWorker, int? Workers, int Tasks, double CapacityMiBps, double BackfillHours, string Reason);

public sealed record UnavailableToolResponse(string Tool, string Reason);

public sealed record MigrationStepResponse(string Title, string Checks, string Duration);

public sealed record GrowthPickResponse(string? InstanceType, int? Brokers, string? BindingLimit, decimal? MonthlyTotal);

public sealed record GrowthMonthResponse(int Month, double AvgDataInMiBps, double PeakDataInMiBps, double AvgDataOutMiBps, double PeakDataOutMiBps,
    IReadOnlyDictionary<string, GrowthPickResponse> Recommended);

public sealed record BrokersResponse(string? InstanceType, int? Brokers);

/// <param name="Instead">The other way that month: the next size up when the pick adds brokers, more of the old size when it changes size.</param>
public sealed record ResizeResponse(string Family, int Month, BrokersResponse From, BrokersResponse To, ResizeChoice? Instead);

/// <summary>The plan month by month: <c>months</c> from 0 to the horizon, when each family resizes, and each family's total.</summary>
public sealed record GrowthResponse(
    IReadOnlyList<GrowthMonthResponse> Months, IReadOnlyList<ResizeResponse> Resizes, IReadOnlyDictionary<string, decimal?> TotalCost,
    string? CheapestOverHorizon, int? EndsEarlyAt)
{
    public static GrowthResponse? From(GrowthProjection? growth) => growth is null ? null : new(
        [.. growth.Months.Select(m => new GrowthMonthResponse(m.Month, m.AvgDataInMiBps, m.PeakDataInMiBps, m.AvgDataOutMiBps, m.PeakDataOutMiBps,
            m.Picks.ToDictionary(p => Names.Key(p.Family), p => new GrowthPickResponse(p.InstanceType, p.Brokers, p.BindingLimit is { } b ? Names.Of(b).Key : null, p.MonthlyTotal))))],
        [.. growth.Resizes.Select(r => new ResizeResponse(Names.Key(r.Family), r.Month, new(r.FromInstanceType, r.FromBrokers), new(r.ToInstanceType, r.ToBrokers), r.Instead))],
        growth.TotalCost.ToDictionary(t => Names.Key(t.Key), t => t.Value),
        growth.CheapestOverHorizon is { } f ? Names.Key(f) : null,
        growth.EndsEarlyAt);
}

/// <summary>
/// One entry of <c>options</c>: a broker type, or MSK Serverless (<c>instanceType</c> and <c>brokerClass</c> "serverless").
/// Written as the entry's own type, so each carries the fields that mean something for it.
/// </summary>
[JsonDerivedType(typeof(BrokerOptionResponse))]
[JsonDerivedType(typeof(ServerlessOptionResponse))]
public abstract record OptionResponse(string InstanceType, string BrokerClass, string Family, bool Available, string? UnavailableReason);

public sealed record BrokerOptionResponse(
    string InstanceType,
    string BrokerClass,
    string Family,
    int Brokers,
    string BindingLimit,
    IReadOnlyDictionary<string, LimitResponse> Limits,
    double IngressPerBrokerMiBps,
    double VolumePerBrokerGiB,
    MemoryCheck Memory,
    CostResponse? MonthlyCost,
    SelfManagedResponse? SelfManagedMonthlyCost,
    bool Available,
    string? UnavailableReason,
    bool DevelopmentOnly,
    double? ProvisionedThroughputMiBps,
    BrokerCountResponse? WithoutProvisionedThroughput,
    int? BrokersAtSustainedIngress) : OptionResponse(InstanceType, BrokerClass, Family, Available, UnavailableReason)
{
    public static BrokerOptionResponse From(BrokerOption option) => new(
        option.Type.Name,
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(option.Type.Class.ToString()),
        Names.Key(option.Type.Family),
        option.Brokers,
        Names.Of(option.BindingLimit).Key,
        option.Limits.ToDictionary(l => Names.Of(l.Kind).Key, l => new LimitResponse(l.BrokersNeeded, l.Demand, l.CapacityPerBroker, l.Unit, l.Utilization)),
        option.IngressPerBrokerMiBps,
        option.VolumePerBrokerGiB,
        option.Memory,
        option.MonthlyCost is { } c ? new CostResponse(c.Brokers, c.Storage, c.TieredStorage, c.ProvisionedThroughput, c.DataIn, c.CrossAz, c.Total) : null,
        option.SelfManaged is { } s ? new SelfManagedResponse(s.Brokers, s.Controllers, s.Storage, s.CrossAz, s.Total) : null,
        option.IsAvailable,
        option.UnavailableReason,
        option.Type.IsBurstable,
        option.ProvisionedThroughputMiBps,
        option.WithoutProvisionedThroughput is { } plain ? new(plain.Brokers, plain.MonthlyCost?.Total) : null,
        option.BrokersAtSustainedIngress);
}

/// <summary>The same type on MSK's default 250 MiB/s volumes, when that needs more brokers than the option's provisioned throughput.</summary>
public sealed record BrokerCountResponse(int Brokers, decimal? MonthlyTotal);

/// <param name="BindingLimit">The first Serverless limit the workload is over; null when it fits them all.</param>
/// <param name="Limits">Each limit checked: the workload's demand beside Serverless's cap for the whole cluster (or per partition).</param>
public sealed record ServerlessOptionResponse(
    string InstanceType,
    string BrokerClass,
    string Family,
    int LeaderPartitions,
    double StorageGiB,
    string? BindingLimit,
    IReadOnlyDictionary<string, ServerlessLimitResponse> Limits,
    ServerlessCostResponse? MonthlyCost,
    string? RatesSource,
    bool Available,
    string? UnavailableReason) : OptionResponse(InstanceType, BrokerClass, Family, Available, UnavailableReason)
{
    public const string Serverless = "serverless";

    public static ServerlessOptionResponse From(ServerlessOption option) => new(
        Serverless,
        Serverless,
        Serverless,
        option.LeaderPartitions,
        option.StorageGiB,
        option.RuledOutBy?.Limit.Key,
        option.Checks.ToDictionary(c => c.Limit.Key, c => new ServerlessLimitResponse(c.Demand, c.Limit.Cap, c.Limit.Unit, c.Utilization, c.Fits)),
        option.MonthlyCost is { } c ? new ServerlessCostResponse(c.Cluster, c.Partitions, c.Storage, c.DataIn, c.DataOut, c.Total) : null,
        option.RatesSource,
        option.IsAvailable,
        option.UnavailableReason);
}

public sealed record ServerlessLimitResponse(double Demand, double Cap, string Unit, double Utilization, bool Fits);

public sealed record ServerlessCostResponse(decimal Cluster, decimal Partitions, decimal Storage, decimal DataIn, decimal DataOut, decimal Total);

public sealed record LimitResponse(int BrokersNeeded, double Demand, double CapacityPerBroker, string Unit, double Utilization);

public sealed record CostResponse(decimal Brokers, decimal Storage, decimal TieredStorage, decimal ProvisionedThroughput, decimal DataIn, decimal CrossAz, decimal Total);

public sealed record SelfManagedResponse(decimal Brokers, decimal Controllers, decimal Storage, decimal CrossAz, decimal Total);

public sealed record RecommendationResponse(string? InstanceType, int? Brokers, decimal? MonthlyTotal, ClusterSplit? Split, string Reason)
{
    public static RecommendationResponse From(Recommendation r) =>
        new(r.Option?.Type.Name, r.Option?.Brokers, r.Option?.MonthlyCost?.Total, r.Split, r.Reason);
}

public sealed record PricesResponse(string Source, string Region, DateOnly AsOf, string? Note);
