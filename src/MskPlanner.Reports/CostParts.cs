using MskPlanner.Sizing;

namespace MskPlanner.Reports;

/// <summary>One part of a monthly cost: its key, its name, where it comes from, and its colour in every chart.</summary>
/// <param name="Key">The part's field in the API's <c>monthlyCost</c>; pages key their rows by it.</param>
/// <param name="Colour">"#rrggbb", the same on the page and in the PDF.</param>
public sealed record CostPart(string Key, string Name, Func<MonthlyCost, decimal> Value, string Colour);

/// <summary>
/// The parts of a monthly cost, in the order tables and charts list them. The web pages and the PDF all read
/// this list, so a part is named and coloured the same everywhere.
/// </summary>
public static class CostParts
{
    // Shades that differ in lightness as well as hue, so the parts tell apart when printed in grey.
    public static IReadOnlyList<CostPart> All { get; } =
    [
        new("brokers", "Brokers", c => c.Brokers, "#1f3a93"),
        new("storage", "Storage", c => c.Storage, "#5eb2d1"),
        new("tieredStorage", "Tiered storage", c => c.TieredStorage, "#e8a838"),
        new("provisionedThroughput", "Provisioned throughput", c => c.ProvisionedThroughput, "#787878"),
        new("dataIn", "Data in", c => c.DataIn, "#c83c3c"),
        new("crossAz", "Cross-AZ transfer", c => c.CrossAz, "#28965a"),
    ];

    /// <summary>The parts with a cost in any of these: a chart's legend leaves out parts that are zero throughout.</summary>
    public static IReadOnlyList<CostPart> In(IEnumerable<MonthlyCost> costs)
    {
        var list = costs.ToList();
        return [.. All.Where(p => list.Any(c => p.Value(c) != 0))];
    }
}
