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
    private static readonly BrokerFamily[] Families = Enum.GetValues<BrokerFamily>();

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
        var resizes = new List<Resize>();
        int? endsEarlyAt = null;
        var today = input with { MonthlyGrowthPercent = null };

        // Each month needs only each type's fit and the picks, not whole options; one buffer serves every month, and a
        // resize's other way to grow is read from its month's fits while they are there.
        var rates = new SizingEngine.BrokerRates(prices);
        var fits = new SizingEngine.Fit[BrokerCatalog.All.Count];
        var picks = new SizingEngine.Pick[Families.Length];
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

            var pass = new SizingEngine.SizingPass(grown, rates);
            pass.FitAll(fits);
            pass.PickAll(fits, picks);
            var monthPicks = new MonthPick[picks.Length];
            for (var f = 0; f < picks.Length; f++)
            {
                var pick = picks[f];
                monthPicks[f] = new MonthPick(pick.Family, pick.Fit?.Type.Name, pick.Fit?.Brokers, pick.Fit?.Binding, pick.Fit?.Total, pick.Split);
                if (months.Count > 0 && months[^1].Picks[f] is var before && (before.InstanceType != monthPicks[f].InstanceType || before.Brokers != monthPicks[f].Brokers))
                {
                    var after = monthPicks[f];
                    resizes.Add(new Resize(pick.Family, month, before.InstanceType, before.Brokers, after.InstanceType, after.Brokers)
                    {
                        Instead = Instead(before, after, fits, input),
                    });
                }
            }

            months.Add(new GrowthMonth(month, grown.AvgDataInMiBps, grown.PeakDataInMiBps, grown.AvgDataOutMiBps, grown.PeakDataOutMiBps, monthPicks));
        }

        // A month is billed at the size it starts with; the last entry is the cluster the horizon ends on.
        var billed = months.Count > 1 ? months.Take(months.Count - 1).ToList() : months;
        var totals = new Dictionary<BrokerFamily, decimal?>(Families.Length);
        for (var f = 0; f < Families.Length; f++)
        {
            decimal? total = 0m;
            foreach (var month in billed)
            {
                total += month.Picks[f].MonthlyTotal;
            }

            totals[Families[f]] = total;
        }

        var cheapest = PlanHeadline.Production.Where(f => totals[f] is not null).OrderBy(f => totals[f]).Cast<BrokerFamily?>().FirstOrDefault();
        return new GrowthProjection(months, resizes, totals, cheapest, endsEarlyAt);
    }

    /// <summary>
    /// When the pick adds brokers of its type, the next size up that month; when it changes size, its old type with
    /// as many brokers as that month needs. Only types available and within the quota.
    /// </summary>
    private static ResizeChoice? Instead(MonthPick before, MonthPick after, ReadOnlySpan<SizingEngine.Fit> month, SizingInput input)
    {
        if (before.InstanceType is null || after.InstanceType is null)
        {
            return null;
        }

        SizingEngine.Fit? other = null;
        for (var i = 0; i < month.Length && other is null; i++)
        {
            if (before.InstanceType == after.InstanceType)
            {
                // The catalog lists each family from its smallest size up.
                if (month[i].Type.Name == after.InstanceType)
                {
                    for (var j = i + 1; j < month.Length && other is null; j++)
                    {
                        other = month[j].Type.Family == after.Family ? month[j] : null;
                    }

                    break;
                }
            }
            else if (month[i].Type.Name == before.InstanceType)
            {
                other = month[i];
            }
        }

        return other is { Available: true } fit && fit.FitsQuota(input) && fit.Type.Name != after.InstanceType
            ? new ResizeChoice(fit.Type.Name, fit.Brokers, fit.Total)
            : null;
    }
}
