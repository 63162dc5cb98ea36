namespace MskPlanner.Sizing;

/// <summary>One column: a plan or variant, sized, with the option it is costed by.</summary>
public sealed record ComparisonColumn(string Label, string? Link, SizingResult Result, Recommendation? Headline, BrokerFamily? Family)
{
    public decimal? Monthly => Headline?.Option?.MonthlyCost?.Total;

    /// <summary>What the costed family's picks cost over the growth horizon; null without a growth rate.</summary>
    public decimal? OverHorizon => Headline is { } pick && Result.Growth is { } growth ? growth.TotalCost[pick.Family] : null;

    /// <summary>"$12,345.67 over 12 months", or empty for a plan that projects no growth.</summary>
    public string OverHorizonText => Result.Growth is { } growth ? $"{Figures.Usd(OverHorizon)} over {Math.Max(1, growth.Months.Count - 1)} months" : "";
}

/// <summary>An input row: its value in every column, and whether they differ.</summary>
public sealed record InputRow(string Field, string Label, IReadOnlyList<string> Values)
{
    public bool Differs => Values.Distinct().Count() > 1;
}

public sealed record Comparison(IReadOnlyList<ComparisonColumn> Columns, IReadOnlyList<InputRow> Inputs)
{
    /// <summary>
    /// The columns with a row for every input of the catalog, and one for the family each is costed by. The growth
    /// inputs are left out when no plan grows: their defaults would only lengthen the list.
    /// </summary>
    public static Comparison Of(IReadOnlyList<ComparisonColumn> columns) => new(columns,
    [
        .. InputCatalog.All
            .Where(d => d.Section != InputSection.Growth || columns.Any(c => c.Result.Growth is not null))
            .Select(d => new InputRow(d.Key, d.Heading, [.. columns.Select(c => d.Shown(c.Result.Input))])),
        new InputRow("family", "Broker family", [.. columns.Select(c => c.Family is { } f ? f.ToString() : "cheapest production pick")]),
    ]);

    /// <summary>Column minus the first column's monthly cost, and that as a share of the first.</summary>
    public (decimal? Amount, double? Percent) DifferenceFromFirst(int column)
    {
        if (Columns[0].Monthly is not { } first || Columns[column].Monthly is not { } value)
        {
            return (null, null);
        }

        var amount = value - first;
        return (amount, first == 0 ? null : (double)(amount / first));
    }
}

