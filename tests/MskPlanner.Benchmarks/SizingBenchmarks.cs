using BenchmarkDotNet.Attributes;

using MskPlanner.Pricing;
using MskPlanner.Sizing;

namespace MskPlanner.Benchmarks;

/// <summary>
/// The planner recomputes on every keystroke: sizing all 23 broker types for one workload must stay far below
/// a frame (target: under 20 microseconds, allocating little beyond the result itself).
/// </summary>
[MemoryDiagnoser]
public class SizingBenchmarks
{
    private readonly PriceSheet _prices = new BundledSnapshotPriceSource().Snapshot;
    private readonly SizingRequest _request = new() { AvgDataInMiBps = 50, AvgDataOutMiBps = 100, Partitions = 3000 };
    private SizingInput _steady = default!;
    private SizingInput _tieredWithPst = default!;

    [GlobalSetup]
    public void Setup()
    {
        _steady = _request.Resolve().GetValueOrThrow();
        _tieredWithPst = new SizingRequest
        {
            AvgDataInMiBps = 400,
            PeakDataInMiBps = 900,
            AvgDataOutMiBps = 800,
            Partitions = 8000,
            RetentionHours = 720,
            PrimaryRetentionHours = 24,
            ProvisionedThroughputMiBps = 500,
            PageCacheSeconds = 300,
        }.Resolve().GetValueOrThrow();
    }

    [Benchmark(Baseline = true)]
    public SizingResult SteadyWorkload() => SizingEngine.Size(_steady, _prices);

    [Benchmark]
    public SizingResult TieredStorageWithProvisionedThroughput() => SizingEngine.Size(_tieredWithPst, _prices);

    [Benchmark]
    public Outcome<SizingInput> ValidateRequest() => _request.Resolve();
}
