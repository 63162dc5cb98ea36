using MskPlanner.Sizing;

namespace MskPlanner.Reports;

/// <summary>The components of a monthly cost in the order every report lists them.</summary>
internal static class CostParts
{
    public static IReadOnlyList<(string Name, Func<MonthlyCost, decimal> Value)> All { get; } =
    [
        ("Brokers", c => c.Brokers),
        ("Storage", c => c.Storage),
        ("Tiered storage", c => c.TieredStorage),
        ("Provisioned throughput", c => c.ProvisionedThroughput),
        ("Data in", c => c.DataIn),
        ("Cross-AZ transfer", c => c.CrossAz),
    ];
}
