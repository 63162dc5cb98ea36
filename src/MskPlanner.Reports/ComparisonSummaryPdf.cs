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

        // The verdict first: what the plans cost and by what, their picks and the chart, then the inputs behind them.
        layout.Heading("Costs");
        layout.Table(header, [.. ComparisonRows.Costs(comparison).Select(row => new TableRow([row.Label, .. row.Values], Bold: row.Total))]);

        layout.Heading("Recommended per family");
        layout.Table(header, [.. ComparisonRows.Picks(comparison).Select(row => new TableRow([row.Label, .. row.Values]))]);

        layout.Heading("Monthly cost", PdfLayout.StackedBarsHeight(columns.Count));
        layout.StackedBars(
            [.. columns.Select(c => c.Label)],
            [.. CostParts.In(columns.Select(c => c.Headline?.Option?.MonthlyCost).OfType<MonthlyCost>())
                .Select(p => new ChartSeries(p.Name, [.. columns.Select(c => c.Headline?.Option?.MonthlyCost is { } cost ? (double)p.Value(cost) : 0)], p.Colour))],
            v => Figures.Usd((decimal)v));

        layout.Heading("Inputs");
        layout.Table(header, [.. comparison.Inputs.Select(row => new TableRow([row.Label, .. row.Values], Highlight: row.Differs))]);

        return layout.Finish($"MskPlanner {report.AppVersion}");
    }
}
