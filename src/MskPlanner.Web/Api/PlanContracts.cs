using MskPlanner.Persistence;
using MskPlanner.Sizing;
using MskPlanner.Web.Services;

namespace MskPlanner.Web.Api;

/// <summary>Without a workspace, the plan goes to the caller's personal one.</summary>
/// <param name="MeasuredFrom">Where the inputs were measured: an import's summary (its source and window), kept with the revision.</param>
public sealed record CreatePlanRequest(string? Name, string? Description, SizingRequest? Inputs, BrokerFamily? SelectedFamily, string? Comment, int? WorkspaceId, Measurement? MeasuredFrom = null);

/// <summary>Where a plan is copied to.</summary>
public sealed record PlanPlacementRequest(int? WorkspaceId);

/// <summary>Where a plan is moved to; its live share links are revoked unless <paramref name="KeepShareLinks"/>.</summary>
public sealed record MovePlanRequest(int? WorkspaceId, bool? KeepShareLinks);

/// <summary>What was done to a workspace's plans, for its owners.</summary>
public sealed record WorkspaceEventResponse(DateTimeOffset At, string? By, string Text)
{
    public static WorkspaceEventResponse From(WorkspaceEvent e) => new(e.At, e.By, e.Text);
}

public sealed record CreateWorkspaceRequest(string? Name);

/// <summary>Adds a member, or changes a member's role.</summary>
public sealed record MemberRequest(string? Email, WorkspaceRole? Role);

public sealed record WorkspaceResponse(int Id, string Name, WorkspaceKind Kind, WorkspaceRole Role, string? Group, WorkspaceRole? GroupRole)
{
    public static WorkspaceResponse From(Workspace w) => new(w.Id, w.Name, w.Kind, w.Role, w.GroupName, w.GroupRole);
}

public sealed record MemberResponse(int Id, string Email, string? Name, WorkspaceRole Role, DateTimeOffset AddedAt, string? AddedBy)
{
    public static MemberResponse From(Member m) => new(m.Id, m.Email, m.Name, m.Role, m.AddedAt, m.AddedBy);
}

public sealed record WorkspaceShareResponse(int PlanId, string PlanName, ShareResponse Link)
{
    public static WorkspaceShareResponse From(WorkspaceShareLink l) => new(l.PlanId, l.PlanName, ShareResponse.From(l.Link));
}

/// <summary>Any field may be left out. Inputs make a new revision; name and description change the plan.</summary>
public sealed record UpdatePlanRequest(string? Name, string? Description, SizingRequest? Inputs, BrokerFamily? SelectedFamily, string? Comment, Measurement? MeasuredFrom = null);

/// <param name="ExpiresIn">days7, days30, days90 (the default) or never.</param>
public sealed record ShareRequest(int? Revision, ShareLinkExpiry? ExpiresIn);

public sealed record CompareItemRequest(int? PlanId, int? Revision, string? Label, SizingRequest? Inputs, BrokerFamily? SelectedFamily);

public sealed record VariantsRequest(int PlanId, int? Revision, VariantKind Kind);

/// <summary>Either <c>items</c> (2 to 4 plans, revisions or inputs) or <c>variants</c> of one plan.</summary>
public sealed record CompareRequest(IReadOnlyList<CompareItemRequest>? Items, VariantsRequest? Variants)
{
    /// <summary>What the API asks for, compared: variants of one plan, or items, whose own labels are checked like names.</summary>
    public Task<Outcome<Comparison>> CompareAsync(ComparisonService comparisons, Caller caller, CancellationToken cancellationToken)
    {
        if (Variants is { } variants)
        {
            return comparisons.VariantsAsync(caller, variants.PlanId, variants.Revision, variants.Kind, cancellationToken);
        }

        if (Items is not { } items)
        {
            return Task.FromResult(Outcome.Failure<Comparison>([new FieldError("items", "Give items (2 to 4 plans, revisions or inputs) or variants of one plan.")]));
        }

        var labelErrors = items.Select((item, index) => PlanRules.CheckLabel($"items[{index}].label", item.Label)).OfType<FieldError>().ToList();
        return labelErrors.Count > 0
            ? Task.FromResult(Outcome.Failure<Comparison>(labelErrors))
            : comparisons.CompareAsync(caller, [.. items.Select(i => new CompareItem(i.PlanId, i.Revision, i.Label, i.Inputs, i.SelectedFamily))], cancellationToken);
    }
}

/// <param name="SavedBy">Null for revisions saved before the audit; left out of what a share link shows.</param>
public sealed record RevisionResponse(
    int Number, DateTimeOffset CreatedAt, string? Comment, SizingRequest Inputs, string Region, BrokerFamily? SelectedFamily, PriceStamp PricedWith, string? SavedBy,
    Measurement? MeasuredFrom)
{
    public static RevisionResponse From(PlanRevision r) => new(r.Number, r.CreatedAt, r.Comment, r.Inputs, r.Region, r.SelectedFamily, r.PricedWith, r.SavedBy, r.MeasuredFrom);
}

public sealed record PlanSummaryResponse(
    int Id, string Name, string? Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int LatestRevision, decimal? LatestMonthlyCost, WorkspaceResponse Workspace)
{
    public static PlanSummaryResponse From(PlanSummary p) =>
        new(p.Id, p.Name, p.Description, p.CreatedAt, p.UpdatedAt, p.LatestRevision, p.LatestMonthlyCost, WorkspaceResponse.From(p.Workspace));
}

public sealed record PlanListResponse(IReadOnlyList<PlanSummaryResponse> Items, int Total, int Page, int PageSize);

public sealed record HeadlineResponse(BrokerFamily Family, string InstanceType, int Brokers, string BindingLimit, CostResponse MonthlyCost, decimal YearlyTotal, ClusterSplit? Split)
{
    public static HeadlineResponse? From(Recommendation? pick) => pick?.Option is { MonthlyCost: { } c } o
        ? new(pick.Family, o.Type.Name, o.Brokers, Names.Of(o.BindingLimit).Key,
            new CostResponse(c.Brokers, c.Storage, c.TieredStorage, c.ProvisionedThroughput, c.DataIn, c.CrossAz, c.Total), c.Total * 12, pick.Split)
        : null;
}

/// <summary>A plan at one revision: its saved inputs, what it cost when saved, and its sizing at today's prices.</summary>
public sealed record PlanResponse(
    int Id, string Name, string? Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int LatestRevision, WorkspaceResponse Workspace,
    RevisionResponse Revision, decimal? MonthlyCostThen, decimal? MonthlyCostNow, HeadlineResponse? Headline, SizingResponse? Sizing)
{
    public static PlanResponse From(PricedPlan priced)
    {
        var plan = priced.Details.Plan;
        return new(plan.Id, plan.Name, plan.Description, plan.CreatedAt, plan.UpdatedAt, plan.LatestRevision, WorkspaceResponse.From(plan.Workspace),
            RevisionResponse.From(priced.Details.Revision), priced.MonthlyThen, priced.MonthlyNow,
            HeadlineResponse.From(priced.Headline), priced.Result is { } r ? SizingResponse.From(r, priced.Details.Revision.SelectedFamily) : null);
    }
}

/// <summary>
/// What a share link shows: the plan's words and one revision, priced. No plan id, no revision count: a link
/// holder gets nothing that addresses the plan itself, so the link stays the only way in.
/// </summary>
public sealed record SharedPlanResponse(
    string Name, string? Description, RevisionResponse Revision, decimal? MonthlyCostThen, decimal? MonthlyCostNow, HeadlineResponse? Headline, SizingResponse? Sizing)
{
    public static SharedPlanResponse From(PricedPlan priced) => new(
        priced.Details.Plan.Name, priced.Details.Plan.Description, RevisionResponse.From(priced.Details.Revision) with { SavedBy = null }, priced.MonthlyThen, priced.MonthlyNow,
        HeadlineResponse.From(priced.Headline), priced.Result is { } r ? SizingResponse.From(r, priced.Details.Revision.SelectedFamily) : null);
}

/// <param name="ExpiresAt">Null for a link that never expires.</param>
public sealed record ShareResponse(
    int Id, int? Revision, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? ExpiresAt, string? Token, string? Url)
{
    public static ShareResponse From(ShareLink link, string? token = null, string? url = null) =>
        new(link.Id, link.RevisionNumber, link.CreatedAt, link.CreatedBy, link.RevokedAt, link.RevokedBy, link.ExpiresAt, token, url);
}

public sealed record ComparisonColumnResponse(
    string Label, string? Link, SizingInput Inputs, BrokerFamily? SelectedFamily, HeadlineResponse? Headline,
    IReadOnlyDictionary<string, RecommendationResponse> Recommended, decimal? DifferenceFromFirst, double? DifferenceFromFirstPercent, PricesResponse Prices);

public sealed record InputRowResponse(string Field, string Label, IReadOnlyList<string> Values, bool Differs);

public sealed record ComparisonResponse(IReadOnlyList<ComparisonColumnResponse> Columns, IReadOnlyList<InputRowResponse> Inputs)
{
    public static ComparisonResponse From(Comparison comparison) => new(
        [.. comparison.Columns.Select((c, i) =>
        {
            var (amount, percent) = comparison.DifferenceFromFirst(i);
            var sizing = SizingResponse.From(c.Result);
            return new ComparisonColumnResponse(c.Label, c.Link, c.Result.Input, c.Family, HeadlineResponse.From(c.Headline), sizing.Recommended, amount, percent, sizing.Prices);
        })],
        [.. comparison.Inputs.Select(r => new InputRowResponse(r.Field, r.Label, r.Values, r.Differs))]);
}
