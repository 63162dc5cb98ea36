using MskPlanner.Persistence;
using MskPlanner.Sizing;

namespace MskPlanner.Web.Services;

/// <summary>Saved plans as the pages and the API use them: checked, sized, and stamped with their prices.</summary>
public sealed class PlanService(PlanStore store, SizingService sizing)
{
    public PlanStore Store => store;

    /// <summary>A new plan in the workspace, or the caller's personal one when none is given.</summary>
    public async Task<Outcome<PlanDetails>> CreateAsync(
        Caller caller, int? workspaceId, string? name, string? description, SizingRequest inputs, BrokerFamily? family, string? comment,
        Measurement? measuredFrom = null, CancellationToken cancellationToken = default)
    {
        var errors = PlanRules.Check(name ?? "", description, comment).ToList();
        var draft = await DraftAsync(inputs, family, comment, measuredFrom, cancellationToken);
        errors.AddRange(draft.Errors);
        if (errors.Count > 0 || name is null || !draft.Succeeded)
        {
            return Outcome.Failure<PlanDetails>(errors);
        }

        var created = await store.CreateAsync(caller, workspaceId, name, description, draft.Value, cancellationToken);
        return created is null
            ? Outcome.Failure<PlanDetails>(new FieldError("workspaceId", $"You have no workspace {workspaceId}."))
            : Outcome.Success(created);
    }

    /// <summary>Null when the plan does not exist for the caller (or was deleted).</summary>
    public async Task<Outcome<PlanRevision>?> SaveRevisionAsync(
        Caller caller, int planId, SizingRequest inputs, BrokerFamily? family, string? comment, Measurement? measuredFrom = null, CancellationToken cancellationToken = default)
    {
        var errors = PlanRules.Check(null, null, comment).ToList();
        var draft = await DraftAsync(inputs, family, comment, measuredFrom, cancellationToken);
        errors.AddRange(draft.Errors);
        if (errors.Count > 0 || !draft.Succeeded)
        {
            return Outcome.Failure<PlanRevision>(errors);
        }

        var revision = await store.SaveRevisionAsync(caller, planId, draft.Value, cancellationToken);
        return revision is null ? null : Outcome.Success(revision);
    }

    /// <summary>A revision sized with today's prices, beside what it cost when it was saved.</summary>
    public async Task<PricedPlan> PriceAsync(PlanDetails details, CancellationToken cancellationToken = default)
    {
        var outcome = await sizing.SizeAsync(details.Revision.Inputs, cancellationToken);
        var headline = outcome.Succeeded ? PlanHeadline.Pick(outcome.Value, details.Revision.SelectedFamily) : null;
        return new PricedPlan(details, outcome.Value, headline, outcome.Errors);
    }

    private async Task<Outcome<RevisionDraft>> DraftAsync(SizingRequest inputs, BrokerFamily? family, string? comment, Measurement? measuredFrom, CancellationToken cancellationToken)
    {
        if (Measurement.Check("measuredFrom", measuredFrom) is { } invalid)
        {
            return Outcome.Failure<RevisionDraft>([invalid]);
        }

        // Saved in today's terms, so every revision reads its partitions the same way (a caller may still send replicas).
        inputs = inputs.InLeaderPartitions();
        var outcome = await sizing.SizeAsync(inputs, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Outcome.Failure<RevisionDraft>([.. outcome.Errors.Select(e => e with { Field = "inputs." + e.Field })]);
        }

        var result = outcome.Value;
        var headline = PlanHeadline.Pick(result, family);
        var stamp = new PriceStamp(result.Prices.Source, result.Prices.Region, result.Prices.AsOf, headline?.Option?.MonthlyCost?.Total);
        // The request is kept as given: a field left to its default ("peak = average") stays so when reopened.
        return Outcome.Success(new RevisionDraft(inputs, result.Input.Region, family, comment, stamp, measuredFrom));
    }
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
