using BenchmarkDotNet.Attributes;

using MskPlanner.Deployment;
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
    private SizingInput _growing = default!;
    private ClusterBlueprint _blueprint = default!;
    private CapacityQuestion _capacity = default!;
    private SizingRequest _twentyStreams = default!;
    private SizingResult _sized = default!;

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
        _growing = (_request with { MonthlyGrowthPercent = 8, HorizonMonths = 36 }).Resolve().GetValueOrThrow();
        _blueprint = ClusterBlueprint.From(SizingEngine.Size(_steady, _prices), null, "Orders (prod)").GetValueOrThrow();
        _capacity = new CapacityRequest { InstanceType = "kafka.m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 2000 }.Resolve().GetValueOrThrow();
        _twentyStreams = new SizingRequest
        {
            Streams = [.. Enumerable.Range(0, Workload.MaxStreams).Select(i => new StreamRequest
            {
                Name = $"topic-{i}", MessagesPerSecond = 1000 + (i * 250), MessageBytes = 800, Compression = "zstd", ConsumerGroups = 1 + (i % 4), RetentionHours = 24 * (1 + (i % 7)),
            })],
        };
        _sized = SizingEngine.Size(_steady, _prices);
    }

    [Benchmark(Baseline = true)]
    public SizingResult SteadyWorkload() => SizingEngine.Size(_steady, _prices);

    [Benchmark]
    public SizingResult TieredStorageWithProvisionedThroughput() => SizingEngine.Size(_tieredWithPst, _prices);

    [Benchmark]
    public Outcome<SizingInput> ValidateRequest() => _request.Resolve();

    /// <summary>A plan with growth sizes 37 months besides today: what the projection itself costs a keystroke.</summary>
    [Benchmark]
    public SizingResult GrowthOver36Months() => SizingEngine.Size(_growing, _prices);

    /// <summary>The projection alone, 37 months: what growth adds to a keystroke (target: under 100 µs and 100 KiB).</summary>
    [Benchmark]
    public GrowthProjection? ProjectionOver36Months() => GrowthEngine.Project(_growing, _prices);

    [Benchmark]
    public ClusterCapacity WhatSixBrokersCanTake() => CapacityEngine.Capacity(_capacity);

    /// <summary>The most streams a plan may hold, checked and added up, then sized: a keystroke in the workload builder.</summary>
    [Benchmark]
    public SizingResult TwentyStreamsResolvedAndSized() => SizingEngine.Size(_twentyStreams.Resolve().GetValueOrThrow(), _prices);

    /// <summary>Every figure's explanation, as ?explain=true answers (the page builds one at a time, on a click).</summary>
    [Benchmark]
    public int ExplainEveryFigure() => Explain.All(_sized).Count;

    /// <summary>Every deploy file of a plan, as the zip writes them (without compressing).</summary>
    [Benchmark]
    public int AllDeployFiles() => DeployFiles.All(_blueprint).Sum(f => f.Text.Length);
}
