using MskPlanner.Sizing;

namespace MskPlanner.Persistence;

/// <summary>A saved plan: a name and description over an ordered history of immutable revisions.</summary>
public sealed class PlanEntity
{
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 2000;

    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The newest revision's number; revisions are numbered 1, 2, 3... per plan.</summary>
    public int LatestRevision { get; set; }

    /// <summary>The newest revision's headline monthly cost when it was saved, for sorting the list.</summary>
    public decimal? LatestMonthlyCost { get; set; }

    /// <summary>Set while a deletion can still be undone; such plans are hidden everywhere.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }

    public List<RevisionEntity> Revisions { get; set; } = [];
}

/// <summary>One save of a plan's inputs. Never updated: a change makes a new revision.</summary>
public sealed class RevisionEntity
{
    public const int CommentMaxLength = 500;

    public long Id { get; set; }
    public int PlanId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? Comment { get; set; }

    /// <summary>The inputs as the API's JSON (a <see cref="SizingRequest"/>).</summary>
    public string InputsJson { get; set; } = "";

    public string Region { get; set; } = "";

    /// <summary>Which broker family the plan settles on; null lets the planner choose the cheapest production pick.</summary>
    public BrokerFamily? SelectedFamily { get; set; }

    /// <summary>The identity of the prices this revision was costed with, so "then" can be told from "now".</summary>
    public string PriceSource { get; set; } = "";

    public string PriceRegion { get; set; } = "";
    public DateOnly PriceAsOf { get; set; }
    public decimal? MonthlyCostThen { get; set; }

    /// <summary>Who saved it (<see cref="Caller.Label"/>); null for revisions saved before the audit.</summary>
    public string? SavedBy { get; set; }

    /// <summary>Where the workload was measured (<see cref="Measurement"/>); null when it was typed.</summary>
    public string? MeasuredSource { get; set; }

    public DateTimeOffset? MeasuredFrom { get; set; }

    public DateTimeOffset? MeasuredTo { get; set; }
}

/// <summary>A link that opens a plan read-only. Only a hash of its token is stored.</summary>
public sealed class ShareLinkEntity
{
    public int Id { get; set; }
    public int PlanId { get; set; }

    /// <summary>SHA-256 of the token: looking it up compares digests, never the token itself.</summary>
    public byte[] TokenHash { get; set; } = [];

    /// <summary>A pinned revision, or null to follow the plan's latest.</summary>
    public int? RevisionNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    /// <summary>When the link stops opening the plan; null for a link made to last (or made before links expired).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
