using System.Globalization;

using MskPlanner.Sizing;

namespace MskPlanner.Web.Planner;

/// <summary>How figures read on screen: US dollars and invariant digits, units always named.</summary>
public static class Display
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Usd(decimal amount) => amount.ToString("$#,0.00", Invariant);

    /// <summary>"$12,400": whole dollars, for a chart's axis.</summary>
    public static string WholeUsd(double amount) => amount.ToString("$#,0", Invariant);

    public static string Number(double value, string format = "#,0.##") => value.ToString(format, Invariant);

    public static string Percent(double fraction) => fraction.ToString("0%", Invariant);

    public static string Limit(LimitKind kind) => Names.Of(kind).Label;

    /// <summary>"1 revision", "4 revisions": a count with its noun in the right number.</summary>
    public static string Count(int count, string noun) => $"{count.ToString("N0", Invariant)} {noun}{(count == 1 ? "" : "s")}";

    public static string When(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);

    public static string Usd(decimal? amount) => amount is { } a ? Usd(a) : "n/a";

    /// <summary>"Prices: AWS price list, eu-west-1, published 2026-11-01" or "Prices: bundled snapshot, us-east-1, as of ...".</summary>
    public static string PricesLine(PriceOrigin origin) =>
        $"Prices: {origin.Source}, {origin.Region}, {(origin.Source == MskPlanner.Pricing.LivePriceSheet.SourceName ? "published" : "as of")} {origin.AsOf.ToString("yyyy-MM-dd", Invariant)}";

    /// <summary>
    /// A label for a MudChart axis. MudChart writes axis labels into the page as markup, not text, so anything a
    /// user typed (a plan's name) is HTML-encoded first: it then shows as typed and can never become an element.
    /// </summary>
    public static string ChartLabel(string text) => System.Net.WebUtility.HtmlEncode(text);
}
