using System.Globalization;

using MskPlanner.Sizing;

namespace MskPlanner.Persistence;

/// <summary>Which prices a revision was costed with, and its headline monthly cost then.</summary>
public sealed record PriceStamp(string Source, string Region, DateOnly AsOf, decimal? MonthlyCost);

/// <summary>What a save writes: the inputs, what they cost when saved, and where their workload was measured, if it was.</summary>
public sealed record RevisionDraft(SizingRequest Inputs, string Region, BrokerFamily? SelectedFamily, string? Comment, PriceStamp Price, Measurement? MeasuredFrom = null);

/// <summary>
/// Where a revision's workload was measured: the source (a Prometheus source's name or host, or the files) and the
/// window. A plan keeps this summary of an import, never the measurements themselves.
/// </summary>
public sealed record Measurement(string Source, DateTimeOffset From, DateTimeOffset To)
{
    public const int SourceMaxLength = 200;

    /// <summary>An import's summary as a revision keeps it: a typed Prometheus address may be far longer than a source's name, so it is cut.</summary>
    public static Measurement Of(string source, DateTimeOffset from, DateTimeOffset to) =>
        new(source.Length <= SourceMaxLength ? source : source[..(SourceMaxLength - 1)] + "…", from, to);

    /// <summary>"prod-prometheus, 2026-11-25 09:00 to 2026-12-02 09:00 UTC".</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture, $"{Source}, {From.UtcDateTime:yyyy-MM-dd HH:mm} to {To.UtcDateTime:yyyy-MM-dd HH:mm} UTC");

    /// <summary>What the API and the pages may save: one line of a bounded length, a window that ends after it starts.</summary>
    public static FieldError? Check(string field, Measurement? measurement) =>
        measurement is null ? null
        : string.IsNullOrWhiteSpace(measurement.Source) || measurement.Source.Length > SourceMaxLength || PlanRules.HasControlCharacters(measurement.Source, allowLineBreaks: false)
            ? new($"{field}.source", $"The measurement's source is one line of 1 to {SourceMaxLength} characters.")
        : measurement.To < measurement.From ? new($"{field}.to", "The measurement's window cannot end before it starts.")
        : null;
}

/// <summary>A plan as the caller sees it: in its workspace, with the caller's role there.</summary>
public sealed record PlanSummary(
    int Id, string Name, string? Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int LatestRevision, decimal? LatestMonthlyCost, Workspace Workspace);

/// <param name="SavedBy">Who saved it, as <see cref="Caller.Label"/> names them; null for revisions saved before sign-in existed.</param>
/// <param name="MeasuredFrom">Where the workload was measured, when it came from a running cluster's import or check.</param>
public sealed record PlanRevision(
    int PlanId, int Number, DateTimeOffset CreatedAt, string? Comment, SizingRequest Inputs, string Region, BrokerFamily? SelectedFamily, PriceStamp PricedWith,
    string? SavedBy, Measurement? MeasuredFrom = null);

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

public sealed record ShareLink(
    int Id, int PlanId, int? RevisionNumber, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? CreatedBy, string? RevokedBy, DateTimeOffset? ExpiresAt)
{
    /// <summary>Opens the plan at <paramref name="now"/>: neither revoked nor past its expiry.</summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && !IsExpiredAt(now);

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt <= now;
}

/// <summary>How long a new share link opens the plan: a link outlives the need for it unless it expires.</summary>
public enum ShareLinkExpiry
{
    Days7,
    Days30,
    Days90,
    Never,
}

public static class ShareLinkExpiries
{
    /// <summary>Long enough for a review cycle, short enough that a forgotten link stops working by itself.</summary>
    public const ShareLinkExpiry Default = ShareLinkExpiry.Days90;

    public static TimeSpan? Lifetime(this ShareLinkExpiry expiry) => expiry switch
    {
        ShareLinkExpiry.Days7 => TimeSpan.FromDays(7),
        ShareLinkExpiry.Days30 => TimeSpan.FromDays(30),
        ShareLinkExpiry.Days90 => TimeSpan.FromDays(90),
        ShareLinkExpiry.Never => null,
        _ => throw new ArgumentOutOfRangeException(nameof(expiry), expiry, "A share link expiry without a lifetime."),
    };

    public static string Words(this ShareLinkExpiry expiry) => expiry switch
    {
        ShareLinkExpiry.Never => "Never",
        _ => $"In {expiry.Lifetime()!.Value.TotalDays:0} days",
    };
}

/// <summary>A new link with its token: the only time the token exists outside the user's hands.</summary>
public sealed record CreatedShareLink(ShareLink Link, string Token);

/// <summary>What a share token opens.</summary>
public sealed record SharedPlan(ShareLink Link, PlanDetails Details);
