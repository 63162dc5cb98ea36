namespace MskPlanner.Sizing;

/// <summary>One family's pick in one month of a projection.</summary>
public sealed record MonthPick(BrokerFamily Family, string? InstanceType, int? Brokers, LimitKind? BindingLimit, decimal? MonthlyTotal, ClusterSplit? Split);

/// <summary>The workload as it stands in month <paramref name="Month"/> (0 is today) and what each family needs then.</summary>
public sealed record GrowthMonth(int Month, double AvgDataInMiBps, double PeakDataInMiBps, double AvgDataOutMiBps, double PeakDataOutMiBps, IReadOnlyList<MonthPick> Picks);

/// <summary>The month a family's pick must change, and from what to what.</summary>
public sealed record Resize(BrokerFamily Family, int Month, string? FromInstanceType, int? FromBrokers, string? ToInstanceType, int? ToBrokers)
{
    /// <summary>
    /// The other way to take the growth that month: moving up a size when the pick adds brokers, or adding brokers of
    /// the type it had when the pick moves to another size; null when that way is not available or over the quota.
    /// </summary>
    public ResizeChoice? Instead { get; init; }
}

/// <summary>A cluster a resize could move to: its type, brokers and monthly cost at that month.</summary>
public sealed record ResizeChoice(string InstanceType, int Brokers, decimal? MonthlyTotal);

/// <summary>
/// The plan month by month over its horizon: each family's pick, when it must resize, and what the horizon costs.
/// </summary>
/// <param name="TotalCost">Per family, the sum of months 0 to horizon - 1 (a month is billed at its start's size); null when a month has no price.</param>
/// <param name="CheapestOverHorizon">The production family (M5, M7g, Express) cheapest over the whole horizon.</param>
/// <param name="EndsEarlyAt">The month the traffic would pass what a sizing can take (100,000 MiB/s); the projection stops before it.</param>
public sealed record GrowthProjection(
    IReadOnlyList<GrowthMonth> Months,
    IReadOnlyList<Resize> Resizes,
    IReadOnlyDictionary<BrokerFamily, decimal?> TotalCost,
    BrokerFamily? CheapestOverHorizon,
    int? EndsEarlyAt);

/// <summary>Projects a sizing forward: the same engine, month by month, on traffic that grows at the plan's rates.</summary>
public static class GrowthEngine
{
    /// <summary>Why a projection's storage never steps down (MSK guide, "Scale up Amazon MSK Standard broker storage").</summary>
    public const string VolumesOnlyGrow =
        "MSK volumes only grow: EBS storage per broker can be increased, never decreased, so a resize to more, smaller brokers keeps the larger volumes it had.";

    public static GrowthProjection? Project(SizingInput input, PriceSheet prices)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.MonthlyGrowthPercent is not { } growthIn)
        {
            return null;
        }

        var inFactor = 1 + (growthIn / 100);
        var outFactor = 1 + ((input.MonthlyGrowthPercentOut ?? growthIn) / 100);
        var months = new List<GrowthMonth>(input.HorizonMonths + 1);
        var options = new List<IReadOnlyList<BrokerOption>>(input.HorizonMonths + 1);
        int? endsEarlyAt = null;
        var today = input with { MonthlyGrowthPercent = null };
        for (var month = 0; month <= input.HorizonMonths; month++)
        {
            var grownIn = Math.Pow(inFactor, month);
            var grownOut = Math.Pow(outFactor, month);
            var grown = today with
            {
                AvgDataInMiBps = input.AvgDataInMiBps * grownIn,
                PeakDataInMiBps = input.PeakDataInMiBps * grownIn,
                AvgDataOutMiBps = input.AvgDataOutMiBps * grownOut,
                PeakDataOutMiBps = input.PeakDataOutMiBps * grownOut,
            };
            if (Math.Max(grown.PeakDataInMiBps, grown.PeakDataOutMiBps) > InputLimits.MaxThroughputMiBps
                || Math.Min(grown.AvgDataInMiBps, grown.AvgDataOutMiBps) < InputLimits.MinThroughputMiBps)
            {
                endsEarlyAt = month;
                break;
            }

            var result = SizingEngine.Size(grown, prices);
            options.Add(result.Options);
            months.Add(new GrowthMonth(month, grown.AvgDataInMiBps, grown.PeakDataInMiBps, grown.AvgDataOutMiBps, grown.PeakDataOutMiBps,
                [.. result.Recommended.Select(r => new MonthPick(r.Family, r.Option?.Type.Name, r.Option?.Brokers, r.Option?.BindingLimit, r.Option?.MonthlyCost?.Total, r.Split))]));
        }

        var families = Enum.GetValues<BrokerFamily>();
        var resizes = new List<Resize>();
        foreach (var family in families)
        {
            for (var i = 1; i < months.Count; i++)
            {
                var before = months[i - 1].Picks.Single(p => p.Family == family);
                var after = months[i].Picks.Single(p => p.Family == family);
                if (before.InstanceType != after.InstanceType || before.Brokers != after.Brokers)
                {
                    resizes.Add(new Resize(family, months[i].Month, before.InstanceType, before.Brokers, after.InstanceType, after.Brokers)
                    {
                        Instead = Instead(before, after, options[i], input),
                    });
                }
            }
        }

        // A month is billed at the size it starts with; the last entry is the cluster the horizon ends on.
        var billed = months.Count > 1 ? months.Take(months.Count - 1).ToList() : months;
        var totals = families.ToDictionary(f => f, f =>
        {
            var costs = billed.Select(m => m.Picks.Single(p => p.Family == f).MonthlyTotal).ToList();
            return costs.All(c => c is not null) ? costs.Sum(c => c!.Value) : (decimal?)null;
        });
        var cheapest = PlanHeadline.Production.Where(f => totals[f] is not null).OrderBy(f => totals[f]).Cast<BrokerFamily?>().FirstOrDefault();
        return new GrowthProjection(months, [.. resizes.OrderBy(r => r.Month).ThenBy(r => r.Family)], totals, cheapest, endsEarlyAt);
    }

    /// <summary>
    /// When the pick adds brokers of its type, the next size up that month; when it changes size, its old type with
    /// as many brokers as that month needs. Only types available and within the quota.
    /// </summary>
    private static ResizeChoice? Instead(MonthPick before, MonthPick after, IReadOnlyList<BrokerOption> month, SizingInput input)
    {
        if (before.InstanceType is null || after.InstanceType is null)
        {
            return null;
        }

        BrokerOption? other;
        if (before.InstanceType == after.InstanceType)
        {
            // The catalog lists each family from its smallest size up.
            other = month.SkipWhile(o => o.Type.Name != after.InstanceType).Skip(1).FirstOrDefault(o => o.Type.Family == after.Family);
        }
        else
        {
            other = month.FirstOrDefault(o => o.Type.Name == before.InstanceType);
        }

        return other is { IsAvailable: true } && other.FitsQuota(input) && other.Type.Name != after.InstanceType
            ? new ResizeChoice(other.Type.Name, other.Brokers, other.MonthlyCost?.Total)
            : null;
    }
}
