using System.Diagnostics.Metrics;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using MskPlanner.Pricing;
using MskPlanner.Sizing;

namespace MskPlanner.Reports.Tests;

internal static class Reports
{
    public static readonly DateTimeOffset Generated = new(2026, 11, 25, 10, 30, 0, TimeSpan.Zero);

    public static ReportRenderer Renderer(PaperSize paper = PaperSize.A4) =>
        new(Options.Create(new ReportOptions { PaperSize = paper }), new ReportMetrics(Meters));

    /// <summary>The meter factory the app's container would give; the reports record into it.</summary>
    public static IMeterFactory Meters { get; } = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static SizingResult Size(SizingRequest request) =>
        SizingEngine.Size(request.Resolve().GetValueOrThrow(), new BundledSnapshotPriceSource().Snapshot);

    public static PlanReport Plan(SizingRequest request, string? name = "Orders EU", BrokerFamily? family = null, string? share = null) =>
        new(name, "Order events for the EU shops", 3, Size(request), family, share, Generated, "1.2.3");

    public static ComparisonReport Comparison(params (string Label, SizingRequest Request)[] plans)
    {
        var columns = plans.Select(p =>
        {
            var result = Size(p.Request);
            return new ComparisonColumn(p.Label, null, result, PlanHeadline.Pick(result, null), null);
        }).ToList();
        return new ComparisonReport(Sizing.Comparison.Of(columns), Generated, "1.2.3");
    }
}
