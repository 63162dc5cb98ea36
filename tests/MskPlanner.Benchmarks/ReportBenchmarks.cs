using BenchmarkDotNet.Attributes;

using Microsoft.Extensions.Options;

using MskPlanner.Pricing;
using MskPlanner.Reports;
using MskPlanner.Sizing;

namespace MskPlanner.Benchmarks;

/// <summary>
/// PDF cost summaries. Targets on these 2-core machines: a plan summary under 300 ms, a comparison of four
/// plans under 600 ms. The file sizes are printed once at set-up.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private readonly ReportRenderer _renderer = new(Options.Create(new ReportOptions()), new ReportMetrics(Meters.Factory));
    private PlanReport _plan = default!;
    private ComparisonReport _comparison = default!;

    [GlobalSetup]
    public void Setup()
    {
        var prices = new BundledSnapshotPriceSource().Snapshot;
        SizingResult Size(SizingRequest r) => SizingEngine.Size(r.Resolve().GetValueOrThrow(), prices);
        var now = DateTimeOffset.UtcNow;
        _plan = new PlanReport("Orders EU", "Order events for the EU shops", 3,
            Size(new() { AvgDataInMiBps = 100, AvgDataOutMiBps = 500, Partitions = 1000, RetentionHours = 24 }), null, "https://planner.example/shared/abc", now, "bench");
        var columns = new[] { 24d, 72d, 168d, 720d }.Select(h =>
        {
            var result = Size(new() { AvgDataInMiBps = 60, Partitions = 1200, RetentionHours = h });
            return new ComparisonColumn($"{h:0} h", null, result, PlanHeadline.Pick(result, null), null);
        }).ToList();
        _comparison = new ComparisonReport(Comparison.Of(columns), now, "bench");

        Console.WriteLine($"// plan summary: {PlanSummary().Length / 1024.0:0.0} KiB; comparison of four: {ComparisonOfFour().Length / 1024.0:0.0} KiB");
    }

    [Benchmark]
    public byte[] PlanSummary() => _renderer.PlanSummary(_plan);

    [Benchmark]
    public byte[] ComparisonOfFour() => _renderer.ComparisonSummary(_comparison);
}
