using System.Globalization;

namespace MskPlanner.Pricing;

/// <summary>An on-demand offer term of a price list: <c>{"priceDimensions": {...}}</c>.</summary>
internal sealed record OnDemandTerm(Dictionary<string, PriceDimension>? PriceDimensions);

/// <summary>One price dimension: its range start and <c>pricePerUnit.USD</c>, a ten-decimal string.</summary>
internal sealed record PriceDimension(string? BeginRange, string? Unit, Dictionary<string, string>? PricePerUnit);

/// <summary>Reads the USD price of a product's on-demand terms, as both the bulk files and GetProducts carry them.</summary>
internal static class OnDemandTerms
{
    /// <summary>The first tier's price (the dimension whose range begins at 0), or null when there is none in USD.</summary>
    public static decimal? UsdPrice(IEnumerable<OnDemandTerm>? terms)
    {
        var dimensions = terms?.SelectMany(t => (IEnumerable<PriceDimension>?)t.PriceDimensions?.Values ?? []).ToList() ?? [];
        var dimension = dimensions.FirstOrDefault(d => d.BeginRange is null or "0") ?? dimensions.FirstOrDefault();
        return dimension?.PricePerUnit?.TryGetValue("USD", out var usd) == true
            && decimal.TryParse(usd, NumberStyles.Float, CultureInfo.InvariantCulture, out var price) ? price : null;
    }
}
