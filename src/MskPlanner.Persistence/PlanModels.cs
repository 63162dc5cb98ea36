using MskPlanner.Sizing;

namespace MskPlanner.Persistence;

/// <summary>Which prices a revision was costed with, and its headline monthly cost then.</summary>
public sealed record PriceStamp(string Source, string Region, DateOnly AsOf, decimal? MonthlyCost);

/// <summary>What a save writes: the inputs and what they cost when saved.</summary>
public sealed record RevisionDraft(SizingRequest Inputs, string Region, BrokerFamily? SelectedFamily, string? Comment, PriceStamp Price);

/// <summary>A plan as the caller sees it: in its workspace, with the caller's role there.</summary>
public sealed record PlanSummary(
    int Id, string Name, string? Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int LatestRevision, decimal? LatestMonthlyCost, Workspace Workspace);

/// <param name="SavedBy">Who saved it, as <see cref="Caller.Label"/> names them; null for revisions saved before sign-in existed.</param>
public sealed record PlanRevision(
    int PlanId, int Number, DateTimeOffset CreatedAt, string? Comment, SizingRequest Inputs, string Region, BrokerFamily? SelectedFamily, PriceStamp PricedWith,
    string? SavedBy);

/// <summary>A plan with one of its revisions (the latest unless another was asked for).</summary>
public sealed record PlanDetails(PlanSummary Plan, PlanRevision Revision);

public sealed record PlanPage(IReadOnlyList<PlanSummary> Items, int Total, int Page, int PageSize);

public enum PlanSort
{
    UpdatedNewest,
    UpdatedOldest,
    Name,
    CostLowest,
    CostHighest,
}

public sealed record ShareLink(int Id, int PlanId, int? RevisionNumber, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? CreatedBy, string? RevokedBy)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>A new link with its token: the only time the token exists outside the user's hands.</summary>
public sealed record CreatedShareLink(ShareLink Link, string Token);

/// <summary>What a share token opens.</summary>
public sealed record SharedPlan(ShareLink Link, PlanDetails Details);
