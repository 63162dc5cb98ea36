namespace MskPlanner.Persistence;

/// <summary>A fetched price set for one region: when AWS published it, when we fetched it, and the prices.</summary>
public sealed class PriceSetEntity
{
    public int Id { get; set; }
    public string Region { get; set; } = "";
    public string Source { get; set; } = "";
    public DateOnly PublishedOn { get; set; }
    public DateTimeOffset FetchedAt { get; set; }

    /// <summary>The <see cref="MskPlanner.Sizing.PriceSheet"/> as JSON.</summary>
    public string SheetJson { get; set; } = "";
}
