namespace MskPlanner.Sizing;

/// <summary>A plan's advice: the sizing's, plus what follows from the family the plan settles on.</summary>
public static class PlanAdvice
{
    public static IReadOnlyList<Advice> For(SizingResult result, BrokerFamily? chosen) =>
        chosen == BrokerFamily.T3 && result.Advice.All(a => a.Code != AdviceRules.T3Development.Code)
            ? [.. result.Advice, AdviceRules.T3Development]
            : result.Advice;
}
