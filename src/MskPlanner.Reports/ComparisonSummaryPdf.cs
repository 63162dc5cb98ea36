using MskPlanner.Sizing;

namespace MskPlanner.Reports;

/// <summary>Plans side by side: inputs with differences marked, costs, totals and the difference from the first.</summary>
internal static class ComparisonSummaryPdf
{
    public static byte[] Render(ComparisonReport report, PaperSize paper)
    {
        var comparison = report.Comparison;
        var columns = comparison.Columns;
        using var layout = new PdfLayout(paper, "MSK cost comparison");

        layout.Title("Amazon MSK cost comparison");
        layout.Paragraph($"{string.Join(" | ", columns.Select(c => c.Label))}", bold: true);
        layout.Paragraph($"Generated {Figures.When(report.GeneratedAt)}. Prices: {string.Join("; ", columns.Select(c => c.Result.Prices).Distinct().Select(p => Figures.Prices(p)))}. " +
            "Rows where the plans differ are shaded and bold.");

        TableColumn[] header = [new("", 2.6), .. columns.Select(c => new TableColumn(c.Label, 1.6, AlignRight: true))];

        layout.Heading("Inputs");
        layout.Table(header, [.. comparison.Inputs.Select(row => new TableRow([row.Label, .. row.Values], Highlight: row.Differs))]);

        layout.Heading("Costs");
        var rows = new List<TableRow>
        {
            new(["Costed by", .. columns.Select(c => c.Headline?.Option is { } o ? o.Type.Name : "none available")]),
            new(["Brokers", .. columns.Select(c => c.Headline?.Option?.Brokers.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "")]),
            new(["Binding limit", .. columns.Select(c => c.Headline?.Option is { } o ? Names.Of(o.BindingLimit).Label : "")]),
        };
        rows.AddRange(CostParts.All.Select(p => new TableRow([p.Name + " / month", .. columns.Select(c => c.Headline?.Option?.MonthlyCost is { } cost ? Figures.Usd(p.Value(cost)) : "")])));
        rows.Add(new(["Monthly total", .. columns.Select(c => Figures.Usd(c.Monthly))], Bold: true));
        rows.Add(new(["Yearly total", .. columns.Select(c => Figures.Usd(c.Monthly * 12))], Bold: true));
        if (columns.Any(c => c.Result.Growth is not null))
        {
            rows.Add(new(["With growth", .. columns.Select(c => c.OverHorizonText)], Bold: true));
        }

        rows.Add(new(["MSK Serverless instead", .. columns.Select(c => c.Result.Serverless?.Summary ?? "")]));
        rows.Add(new([$"Difference from {columns[0].Label}", .. columns.Select((_, i) => Difference(comparison, i))], Bold: true));
        layout.Table(header, rows);

        layout.Heading("Recommended per family");
        layout.Table(header, [.. Enum.GetValues<BrokerFamily>().Select(family => new TableRow([
            family.ToString(),
            .. columns.Select(c => c.Result.Recommended.Single(r => r.Family == family).Option is { } o ? $"{o.Brokers:N0} x {o.Type.Name}, {Figures.Usd(o.MonthlyCost?.Total)}" : "not available")]))]);

        layout.Heading("Monthly cost", PdfLayout.StackedBarsHeight(columns.Count));
        layout.StackedBars(
            [.. columns.Select(c => c.Label)],
            [.. CostParts.In(columns.Select(c => c.Headline?.Option?.MonthlyCost).OfType<MonthlyCost>())
                .Select(p => new ChartSeries(p.Name, [.. columns.Select(c => c.Headline?.Option?.MonthlyCost is { } cost ? (double)p.Value(cost) : 0)], p.Colour))],
            v => Figures.Usd((decimal)v));

        return layout.Finish($"MskPlanner {report.AppVersion}");
    }

    private static string Difference(Comparison comparison, int column)
    {
        if (column == 0)
        {
            return "";
        }

        var (amount, percent) = comparison.DifferenceFromFirst(column);
        return amount is { } a
            ? $"{Figures.SignedUsd(a)} ({(percent is { } p ? p.ToString("+0.0%;-0.0%;0.0%", System.Globalization.CultureInfo.InvariantCulture) : "n/a")})"
            : "n/a";
    }
}
