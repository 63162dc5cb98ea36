using MskPlanner.Persistence;
using MskPlanner.Sizing;

namespace MskPlanner.Web.Components.Plans;

/// <summary>How a share link reads in a list, the plan's own or its workspace's: what it opens, who made and revoked it, and until when it works.</summary>
public static class ShareLinkText
{
    public static string Opens(ShareLink link) => link.RevisionNumber is { } r ? $"revision {r}" : "the latest revision";

    public static string Created(ShareLink link) => Figures.When(link.CreatedAt) + By(link.CreatedBy);

    public static string Status(ShareLink link, DateTimeOffset now) =>
        link.RevokedAt is { } revoked ? $"revoked {Figures.When(revoked)}{By(link.RevokedBy)}"
        : link.ExpiresAt is { } expires ? (link.IsExpiredAt(now) ? $"expired {Figures.When(expires)}" : $"active until {Figures.When(expires)}")
        : "active, never expires";

    /// <summary>Links made before the audit name nobody.</summary>
    private static string By(string? actor) => actor is null ? "" : $" by {actor}";
}
