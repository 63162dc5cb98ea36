using System.Globalization;

namespace MskPlanner.Reports;

internal static class Formats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Usd(decimal amount) => amount.ToString("$#,0.00", Invariant);

    public static string Usd(decimal? amount) => amount is { } a ? Usd(a) : "n/a";

    public static string Number(double value, string format = "#,0.##") => value.ToString(format, Invariant);

    public static string Date(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    public static string Limit(MskPlanner.Sizing.LimitKind kind) => kind switch
    {
        MskPlanner.Sizing.LimitKind.Ingress => "ingress",
        MskPlanner.Sizing.LimitKind.Egress => "egress",
        MskPlanner.Sizing.LimitKind.Partitions => "partitions",
        MskPlanner.Sizing.LimitKind.Storage => "storage",
        _ => "provisioned throughput",
    };
}
