using System.Globalization;

namespace MskPlanner.Reports;

internal static class Formats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Usd(decimal amount) => amount.ToString("$#,0.00", Invariant);

    public static string Usd(decimal? amount) => amount is { } a ? Usd(a) : "n/a";

    /// <summary>A difference, always with its sign: "+$120.00", "-$35.50".</summary>
    public static string SignedUsd(decimal amount) => (amount >= 0 ? "+" : "-") + Usd(Math.Abs(amount));

    public static string Number(double value, string format = "#,0.##") => value.ToString(format, Invariant);

    public static string Date(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    public static string Limit(MskPlanner.Sizing.LimitKind kind) => MskPlanner.Sizing.Names.Of(kind).Label.ToLowerInvariant();
}
