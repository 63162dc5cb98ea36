using System.Globalization;

namespace MskPlanner.Import;

/// <summary>
/// A running MSK cluster as a whole from the JSON of <c>aws cloudwatch get-metric-data</c>, for holding a plan
/// against it: data in and out (the mean and the p99 of CloudWatch's per-period averages, brokers summed), the disk in
/// use (each broker's last <c>KafkaDataLogsDiskUsed</c> on the plan's volume) and the busiest broker's CPU.
/// </summary>
public static class CloudWatchTraffic
{
    /// <summary>Null, with the reason, when the file has no bytes in; a file that cannot be read throws <see cref="ImportFileException"/>.</summary>
    public static (ClusterTraffic? Traffic, string? Missing) Measure(string json, double volumeGiBPerBroker, List<string> warnings)
    {
        var cluster = CloudWatchMetricData.ParseCluster(json, warnings);
        if (cluster.BytesIn is not { } bytesIn)
        {
            return (null, $"The CloudWatch file has no BytesInPerSec: label its queries \"BytesInPerSec\" (per broker) or \"BytesInPerSec Topic\", and add BytesOutPerSec, {CloudWatchMetricData.DiskUsed}, CpuUser and CpuSystem labelled \"MetricName BrokerId\".");
        }

        var window = string.Create(CultureInfo.InvariantCulture, $"{bytesIn.From.UtcDateTime:yyyy-MM-dd HH:mm} to {bytesIn.To.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        var figures = new List<ImportedFigure>();
        double Add(string key, double value, string statistic, string metric)
        {
            value = Math.Round(value, 3);
            figures.Add(new(key, value, statistic, $"{CloudWatchMetricData.Part}: {metric}, {window}"));
            return value;
        }

        var bytesOut = cluster.BytesOut;
        if (bytesOut is null)
        {
            warnings.Add("The CloudWatch file has no BytesOutPerSec: data out is taken as equal to data in.");
        }

        var dataOut = bytesOut ?? bytesIn;
        if (CloudWatchMetricData.GapsWarning(bytesIn.DroppedPoints + dataOut.DroppedPoints) is { } gaps)
        {
            warnings.Add(gaps);
        }

        double? disk = null;
        if (cluster.DiskUsedPercentByBroker.Count > 0)
        {
            disk = Add(ClusterTraffic.DiskUsedKey, cluster.DiskUsedPercentByBroker.Values.Sum(p => p / 100 * volumeGiBPerBroker),
                $"each broker's last reading, in percent of the plan's {volumeGiBPerBroker:0} GiB volume, summed over {cluster.DiskUsedPercentByBroker.Count} brokers",
                CloudWatchMetricData.DiskUsed);
        }

        double? cpu = null;
        if (cluster.CpuByBroker.Count > 0)
        {
            var (broker, p99) = cluster.CpuByBroker.Select(b => (b.Topic, P99: b.Quantile(0.99))).MaxBy(b => b.P99);
            cpu = Add(ClusterTraffic.CpuKey, p99, $"p99 of broker {broker}'s CPU per period, the busiest of {cluster.CpuByBroker.Count}", "CpuUser + CpuSystem");
        }

        var traffic = new ClusterTraffic(
            Add(Sizing.InputCatalog.AvgDataIn.Key, bytesIn.Mean / Bytes.PerMiB, CloudWatchMetricData.MeanStatistic, "BytesInPerSec"),
            Add(Sizing.InputCatalog.PeakDataIn.Key, bytesIn.Quantile(0.99) / Bytes.PerMiB, CloudWatchMetricData.PeakStatistic, "BytesInPerSec"),
            Add(Sizing.InputCatalog.AvgDataOut.Key, dataOut.Mean / Bytes.PerMiB, CloudWatchMetricData.MeanStatistic, dataOut.Metric),
            Add(Sizing.InputCatalog.PeakDataOut.Key, dataOut.Quantile(0.99) / Bytes.PerMiB, CloudWatchMetricData.PeakStatistic, dataOut.Metric),
            LeaderPartitions: null,
            figures,
            new ImportSummary("CloudWatch file", "cloudwatch", bytesIn.From, bytesIn.To, 0, 0),
            disk,
            cpu);
        return (traffic, null);
    }
}
