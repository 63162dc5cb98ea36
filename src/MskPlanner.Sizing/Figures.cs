using System.Globalization;

namespace MskPlanner.Sizing;

/// <summary>
/// How figures are written, on the page and in the PDF alike: US dollars and invariant digits, dates in UTC,
/// counts with their noun in the right number.
/// </summary>
public static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Usd(decimal amount) => amount.ToString("$#,0.00", Invariant);

    public static string Usd(decimal? amount) => amount is { } a ? Usd(a) : "n/a";

    /// <summary>A difference, always with its sign: "+$120.00", "-$35.50".</summary>
    public static string SignedUsd(decimal amount) => (amount >= 0 ? "+" : "-") + Usd(Math.Abs(amount));

    /// <summary>"$12,400": whole dollars, for a chart's axis.</summary>
    public static string WholeUsd(double amount) => amount.ToString("$#,0", Invariant);

    public static string Number(double value, string format = "#,0.##") => value.ToString(format, Invariant);

    public static string Percent(double fraction) => fraction.ToString("0%", Invariant);

    /// <summary>"1 revision", "4 revisions".</summary>
    public static string Count(int count, string noun) => $"{count.ToString("N0", Invariant)} {noun}{(count == 1 ? "" : "s")}";

    public static string When(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    /// <summary>"bundled snapshot, us-east-1, published 2026-11-01": where a result's prices come from.</summary>
    public static string Prices(PriceOrigin origin) => $"{origin.Source}, {origin.Region}, published {Date(origin.AsOf)}";
}
