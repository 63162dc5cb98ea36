namespace MskPlanner.Pricing;

/// <summary>
/// The regions the planner offers: the known list, joined by any the live AmazonMSK region index adds.
/// </summary>
public sealed class RegionCatalog
{
    private volatile Snapshot _current = new(MskRegions.All);

    public IReadOnlyList<MskRegion> All => _current.Regions;

    /// <summary>
    /// The regions as a picker lists them ("eu-west-1: Europe (Ireland)"), built once for each list: an open picker
    /// asks for them on every keystroke of the form.
    /// </summary>
    public IReadOnlyList<(string Code, string Text)> Choices => _current.Choices;

    public bool IsSold(string code) => _current.Regions.Any(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds regions the price list sells in; a region keeps its readable name when we know it.</summary>
    public void Merge(IEnumerable<string> codes)
    {
        var known = MskRegions.All.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var merged = _current.Regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        foreach (var code in codes)
        {
            merged.TryAdd(code, known.GetValueOrDefault(code) ?? new MskRegion(code, code));
        }

        _current = new Snapshot([.. merged.Values.OrderBy(r => r.Code, StringComparer.Ordinal)]);
    }

    /// <summary>The list and its choices, replaced together so a reader never sees one without the other.</summary>
    private sealed class Snapshot(IReadOnlyList<MskRegion> regions)
    {
        public IReadOnlyList<MskRegion> Regions { get; } = regions;

        public IReadOnlyList<(string Code, string Text)> Choices { get; } = [.. regions.Select(r => (r.Code, $"{r.Code}: {r.Name}"))];
    }
}
