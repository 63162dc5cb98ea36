using MskPlanner.Sizing;

namespace MskPlanner.Import;

/// <summary>
/// What an import found: a sizing request with the workload as streams, each figure with where it came from, and
/// what the user should know before sizing it. <see cref="Summary"/> is what a plan keeps of it; the figures are not kept.
/// </summary>
public sealed record ImportResult(SizingRequest Request, IReadOnlyList<ImportedFigure> Figures, IReadOnlyList<string> Warnings, ImportSummary Summary);

/// <summary>One imported value: where it went in the request (<c>streams[2].peakMessagesPerSecond</c>), which statistic, and the query and window it came from.</summary>
public sealed record ImportedFigure(string Path, double Value, string Statistic, string Source);

/// <summary>Where and when the measurements were taken, without credentials.</summary>
public sealed record ImportSummary(string Source, string Naming, DateTimeOffset From, DateTimeOffset To, int StepSeconds, int Topics);

/// <summary>
/// A running cluster as a whole: its traffic in MiB/s, the means and the peaks (p99 or max of per-step rates) of all
/// its user topics together; and, where the source has them, its partitions, the disk its data uses on all brokers
/// (GiB) and its busiest broker's CPU (user + system, percent).
/// </summary>
public sealed record ClusterTraffic(
    double AvgDataInMiBps, double PeakDataInMiBps, double AvgDataOutMiBps, double PeakDataOutMiBps, int? LeaderPartitions,
    IReadOnlyList<ImportedFigure> Figures, ImportSummary Summary, double? DiskUsedGiB = null, double? CpuPercent = null)
{
    /// <summary>The figures' paths of the two measurements that are not sizing inputs.</summary>
    public const string DiskUsedKey = "diskUsedGiB";

    public const string CpuKey = "cpuPercent";
}
