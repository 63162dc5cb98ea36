namespace MskPlanner.Sizing;

/// <summary>The one option a plan is costed by: its chosen family's pick, or the cheapest production pick.</summary>
public static class PlanHeadline
{
    /// <summary>The families a production plan is costed by when none is chosen: T3 is for development only.</summary>
    public static IReadOnlyList<BrokerFamily> Production { get; } = [BrokerFamily.M5, BrokerFamily.M7g, BrokerFamily.Express];

    public static Recommendation? Pick(SizingResult result, BrokerFamily? family)
    {
        if (family is { } chosen)
        {
            var pick = result.Recommended.Single(r => r.Family == chosen);
            return pick.Option?.MonthlyCost is null ? null : pick;
        }

        return result.Recommended
            .Where(r => Production.Contains(r.Family) && r.Option?.MonthlyCost is not null)
            .OrderBy(r => r.Split is null ? 0 : 1)
            .ThenBy(r => r.Option!.MonthlyCost!.Total)
            .FirstOrDefault();
    }
}
