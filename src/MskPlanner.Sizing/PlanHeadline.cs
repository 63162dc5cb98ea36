namespace MskPlanner.Sizing;

/// <summary>The pick a plan is costed and deployed by, and why it is the one.</summary>
/// <param name="Pick">The headline pick; null when no production family fits.</param>
/// <param name="RunnerUp">The next production pick in the same order; null when no other fits.</param>
/// <param name="Why">One line that says why the pick beats the runner-up.</param>
public sealed record Headline(Recommendation? Pick, Recommendation? RunnerUp, string Why);

/// <summary>Which family's pick heads a plan.</summary>
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

        return Ranked(result).FirstOrDefault();
    }

    /// <summary>The pick, the runner-up and the line between them that the planner's headline shows.</summary>
    public static Headline Of(SizingResult result, BrokerFamily? family)
    {
        var pick = Pick(result, family);
        var runnerUp = Ranked(result).FirstOrDefault(r => r.Family != pick?.Family);
        return new(pick, runnerUp, Why(pick, runnerUp, family is not null));
    }

    /// <summary>
    /// Every family's pick, best first: the production picks that fit one cluster by cost, then those that need
    /// several clusters, then the rest (T3, and families with no type that fits).
    /// </summary>
    public static IReadOnlyList<Recommendation> Suited(SizingResult result)
    {
        var ranked = Ranked(result);
        return [.. ranked, .. result.Recommended.Where(r => !ranked.Contains(r))];
    }

    private static List<Recommendation> Ranked(SizingResult result) =>
    [
        .. result.Recommended
            .Where(r => Production.Contains(r.Family) && r.Option?.MonthlyCost is not null)
            .OrderBy(r => r.Split is null ? 0 : 1)
            .ThenBy(r => r.Option!.MonthlyCost!.Total),
    ];

    private static string Why(Recommendation? pick, Recommendation? runnerUp, bool chosen)
    {
        if (pick?.Option?.MonthlyCost is not { } cost)
        {
            return "No production broker type fits this workload.";
        }

        var lead = chosen ? "The plan's chosen family: " : "";
        if (runnerUp?.Option?.MonthlyCost is not { } other)
        {
            return Sentence(lead, "the only production family that fits.");
        }

        var against = $"{Figures.Number(runnerUp.Option.Brokers)} × {runnerUp.Option.Type.Name}";
        if (pick.Split is null && runnerUp.Split is { } split)
        {
            return Sentence(lead, $"one cluster, where the runner-up, {against}, needs {split.Clusters} clusters.");
        }

        var saving = other.Total - cost.Total;
        return saving >= 0
            ? Sentence(lead, $"{Figures.Usd(saving)} a month less than the runner-up, {against}.")
            : Sentence(lead, $"{Figures.Usd(-saving)} a month more than the cheapest other, {against}.");
    }

    private static string Sentence(string lead, string rest) => lead.Length > 0 ? lead + rest : char.ToUpperInvariant(rest[0]) + rest[1..];
}
