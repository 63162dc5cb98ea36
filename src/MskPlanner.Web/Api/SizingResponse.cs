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
    GrowthResponse? Growth)
{
    /// <param name="family">The family a saved plan settles on, whose own advice joins the sizing's.</param>
    public static SizingResponse From(SizingResult result, BrokerFamily? family = null) => new(
        result.Input,
        [.. result.Options.Select(OptionResponse.From)],
        result.Recommended.ToDictionary(r => Names.Key(r.Family), RecommendationResponse.From),
        result.Storage,
        result.Network,
        PlanAdvice.For(result, family),
        new PricesResponse(result.Prices.Source, result.Prices.Region, result.Prices.AsOf, result.Prices.Note),
        GrowthResponse.From(result.Growth));
}

public sealed record GrowthPickResponse(string? InstanceType, int? Brokers, string? BindingLimit, decimal? MonthlyTotal);

public sealed record GrowthMonthResponse(int Month, double AvgDataInMiBps, double PeakDataInMiBps, double AvgDataOutMiBps, double PeakDataOutMiBps,
    IReadOnlyDictionary<string, GrowthPickResponse> Recommended);

public sealed record BrokersResponse(string? InstanceType, int? Brokers);

public sealed record ResizeResponse(string Family, int Month, BrokersResponse From, BrokersResponse To);

/// <summary>The plan month by month: <c>months</c> from 0 to the horizon, when each family resizes, and each family's total.</summary>
public sealed record GrowthResponse(
    IReadOnlyList<GrowthMonthResponse> Months, IReadOnlyList<ResizeResponse> Resizes, IReadOnlyDictionary<string, decimal?> TotalCost,
    string? CheapestOverHorizon, int? EndsEarlyAt)
{
    public static GrowthResponse? From(GrowthProjection? growth) => growth is null ? null : new(
        [.. growth.Months.Select(m => new GrowthMonthResponse(m.Month, m.AvgDataInMiBps, m.PeakDataInMiBps, m.AvgDataOutMiBps, m.PeakDataOutMiBps,
            m.Picks.ToDictionary(p => Names.Key(p.Family), p => new GrowthPickResponse(p.InstanceType, p.Brokers, p.BindingLimit is { } b ? Names.Of(b).Key : null, p.MonthlyTotal))))],
        [.. growth.Resizes.Select(r => new ResizeResponse(Names.Key(r.Family), r.Month, new(r.FromInstanceType, r.FromBrokers), new(r.ToInstanceType, r.ToBrokers)))],
        growth.TotalCost.ToDictionary(t => Names.Key(t.Key), t => t.Value),
        growth.CheapestOverHorizon is { } f ? Names.Key(f) : null,
        growth.EndsEarlyAt);
}

public sealed record OptionResponse(
    string InstanceType,
    BrokerClass BrokerClass,
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
    bool DevelopmentOnly)
{
    public static OptionResponse From(BrokerOption option) => new(
        option.Type.Name,
        option.Type.Class,
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
        option.Type.IsBurstable);
}

public sealed record LimitResponse(int BrokersNeeded, double Demand, double CapacityPerBroker, string Unit, double Utilization);

public sealed record CostResponse(decimal Brokers, decimal Storage, decimal TieredStorage, decimal ProvisionedThroughput, decimal DataIn, decimal CrossAz, decimal Total);

public sealed record SelfManagedResponse(decimal Brokers, decimal Controllers, decimal Storage, decimal CrossAz, decimal Total);

public sealed record RecommendationResponse(string? InstanceType, int? Brokers, decimal? MonthlyTotal, ClusterSplit? Split, string Reason)
{
    public static RecommendationResponse From(Recommendation r) =>
        new(r.Option?.Type.Name, r.Option?.Brokers, r.Option?.MonthlyCost?.Total, r.Split, r.Reason);
}

public sealed record PricesResponse(string Source, string Region, DateOnly AsOf, string? Note);
