namespace MskPlanner.Pricing;

/// <summary>
/// The regions the planner offers: the known list, joined by any the live AmazonMSK region index adds.
/// </summary>
public sealed class RegionCatalog
{
    private volatile IReadOnlyList<MskRegion> _regions = MskRegions.All;

    public IReadOnlyList<MskRegion> All => _regions;

    public bool IsSold(string code) => _regions.Any(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds regions the price list sells in; a region keeps its readable name when we know it.</summary>
    public void Merge(IEnumerable<string> codes)
    {
        var known = MskRegions.All.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var merged = _regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        foreach (var code in codes)
        {
            merged.TryAdd(code, known.GetValueOrDefault(code) ?? new MskRegion(code, code));
        }

        _regions = [.. merged.Values.OrderBy(r => r.Code, StringComparer.Ordinal)];
    }
}
