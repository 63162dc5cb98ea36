using BenchmarkDotNet.Attributes;

using Microsoft.Extensions.Options;

using MskPlanner.Pricing;
using MskPlanner.Reports;
using MskPlanner.Sizing;

namespace MskPlanner.Benchmarks;

/// <summary>
/// PDF time against the length of the free text in it, unbroken (no space to wrap at), up to the limits the API
/// allows: a description of 2,000 characters and comparison labels of 120. The time should stay flat: layout
/// once cut long words a character at a time and took half a second at 2,000 characters, minutes beyond.
/// </summary>
[MemoryDiagnoser]
public class LongTextReportBenchmarks
{
    private readonly ReportRenderer _renderer = new(Options.Create(new ReportOptions()), new ReportMetrics(Meters.Factory));
    private PlanReport _plan = default!;
    private ComparisonReport _comparison = default!;

    [Params(20, 500, 2_000)]
    public int DescriptionLength { get; set; }

    [Params(10, 120)]
    public int LabelLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var prices = new BundledSnapshotPriceSource().Snapshot;
        var result = SizingEngine.Size(new SizingRequest { AvgDataInMiBps = 60, Partitions = 1200 }.Resolve().GetValueOrThrow(), prices);
        var now = DateTimeOffset.UtcNow;
        _plan = new PlanReport(new string('N', LabelLength), new string('D', DescriptionLength), 1, result, null, null, now, "bench");
        var columns = Enumerable.Range(0, 4)
            .Select(i => new ComparisonColumn(new string((char)('A' + i), LabelLength), null, result, PlanHeadline.Pick(result, null), null))
            .ToList();
        _comparison = new ComparisonReport(Comparison.Of(columns), now, "bench");
    }

    [Benchmark]
    public byte[] PlanSummary() => _renderer.PlanSummary(_plan);

    [Benchmark]
    public byte[] ComparisonOfFour() => _renderer.ComparisonSummary(_comparison);
}
