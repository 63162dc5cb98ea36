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
    PricesResponse Prices)
{
    /// <param name="family">The family a saved plan settles on, whose own advice joins the sizing's.</param>
    public static SizingResponse From(SizingResult result, BrokerFamily? family = null) => new(
        result.Input,
        [.. result.Options.Select(OptionResponse.From)],
        result.Recommended.ToDictionary(r => Names.Key(r.Family), RecommendationResponse.From),
        result.Storage,
        result.Network,
        PlanAdvice.For(result, family),
        new PricesResponse(result.Prices.Source, result.Prices.Region, result.Prices.AsOf, result.Prices.Note));
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
