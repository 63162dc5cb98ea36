using MskPlanner.Persistence;
using MskPlanner.Sizing;

namespace MskPlanner.Web.Services;

/// <summary>Saved plans as the pages and the API use them: checked, sized, and stamped with their prices.</summary>
public sealed class PlanService(PlanStore store, SizingService sizing)
{
    public PlanStore Store => store;

    public async Task<Saved<PlanDetails>> CreateAsync(string? name, string? description, SizingRequest inputs, BrokerFamily? family, string? comment, CancellationToken cancellationToken = default)
    {
        var errors = PlanRules.Check(name ?? "", description, comment).ToList();
        var (draft, sizingErrors) = await DraftAsync(inputs, family, comment, cancellationToken);
        errors.AddRange(sizingErrors);
        if (errors.Count > 0)
        {
            return Saved.Invalid<PlanDetails>(errors);
        }

        return Saved.Done(await store.CreateAsync(name!, description, draft!, cancellationToken));
    }

    /// <summary>Null when the plan does not exist (or was deleted).</summary>
    public async Task<Saved<PlanRevision>?> SaveRevisionAsync(int planId, SizingRequest inputs, BrokerFamily? family, string? comment, CancellationToken cancellationToken = default)
    {
        var errors = PlanRules.Check(null, null, comment).ToList();
        var (draft, sizingErrors) = await DraftAsync(inputs, family, comment, cancellationToken);
        errors.AddRange(sizingErrors);
        if (errors.Count > 0)
        {
            return Saved.Invalid<PlanRevision>(errors);
        }

        var revision = await store.SaveRevisionAsync(planId, draft!, cancellationToken);
        return revision is null ? null : Saved.Done(revision);
    }

    /// <summary>A revision sized with today's prices, beside what it cost when it was saved.</summary>
    public async Task<PricedPlan> PriceAsync(PlanDetails details, CancellationToken cancellationToken = default)
    {
        var outcome = await sizing.SizeAsync(details.Revision.Inputs, cancellationToken);
        var headline = outcome.Result is { } result ? PlanHeadline.Pick(result, details.Revision.SelectedFamily) : null;
        return new PricedPlan(details, outcome.Result, headline, outcome.Errors);
    }

    private async Task<(RevisionDraft? Draft, IReadOnlyList<FieldError> Errors)> DraftAsync(
        SizingRequest inputs, BrokerFamily? family, string? comment, CancellationToken cancellationToken)
    {
        var outcome = await sizing.SizeAsync(inputs, cancellationToken);
        if (outcome.Result is not { } result)
        {
            return (null, outcome.Errors.Select(e => e with { Field = "inputs." + e.Field }).ToList());
        }

        var headline = PlanHeadline.Pick(result, family);
        var stamp = new PriceStamp(result.Prices.Source, result.Prices.Region, result.Prices.AsOf, headline?.Option?.MonthlyCost?.Total);
        // The request is kept as given: a field left to its default ("peak = average") stays so when reopened.
        return (new RevisionDraft(inputs, result.Input.Region, family, comment, stamp), []);
    }
}

/// <summary>A saved thing, or why it could not be saved.</summary>
public sealed record Saved<T>(T? Value, IReadOnlyList<FieldError> Errors) where T : class;

internal static class Saved
{
    public static Saved<T> Done<T>(T value) where T : class => new(value, []);

    public static Saved<T> Invalid<T>(IReadOnlyList<FieldError> errors) where T : class => new(null, errors);
}

/// <summary>
/// A plan revision with its sizing at today's prices, or why its saved inputs no longer size (a rule tightened
/// since it was saved): the plan still opens, and says so.
/// </summary>
public sealed record PricedPlan(PlanDetails Details, SizingResult? Result, Recommendation? Headline, IReadOnlyList<FieldError> Errors)
{
    public decimal? MonthlyNow => Headline?.Option?.MonthlyCost?.Total;

    public decimal? MonthlyThen => Details.Revision.PricedWith.MonthlyCost;
}
