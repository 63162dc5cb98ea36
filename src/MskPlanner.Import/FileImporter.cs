using MskPlanner.Sizing;

namespace MskPlanner.Import;

/// <summary>
/// A workload from a cluster's files, for a cluster the app cannot reach: partitions, replication and retention
/// from <c>kafka-topics.sh --describe</c>, bytes on disk from <c>kafka-log-dirs.sh --describe</c>, and rates per
/// topic from CloudWatch. With CloudWatch's messages the workload is a stream per topic; without them it is the
/// planner's totals, with data in estimated from what the disks hold over what the topics keep, said to be an estimate.
/// </summary>
public static class FileImporter
{
    /// <summary>
    /// The files' texts as uploaded, any of them left out, read and imported; a file that cannot be read throws
    /// <see cref="ImportFileException"/> naming its part and the line or JSON path.
    /// </summary>
    public static ImportResult FromTexts(string? kafkaTopics, string? kafkaLogDirs, string? cloudWatch, DateTimeOffset now)
    {
        var topics = kafkaTopics is null ? null : KafkaTopicsDescribe.Parse(new StringReader(kafkaTopics));
        var logDirs = kafkaLogDirs is null ? null : KafkaLogDirs.Parse(kafkaLogDirs);
        var warnings = new List<string>();
        var rates = cloudWatch is null ? null : CloudWatchMetricData.Parse(cloudWatch, warnings);
        return Import(topics, logDirs, rates, warnings, now);
    }

    /// <param name="warnings">What reading the files found to say already (a CloudWatch page of several, partial data).</param>
    public static ImportResult Import(IReadOnlyList<DescribedTopic>? described, LogDirsReport? logDirs, IReadOnlyList<MeasuredRate>? rates, List<string> warnings, DateTimeOffset now)
    {
        var figures = new List<ImportedFigure>();
        var sources = string.Join(" and ", new[]
        {
            described is null ? null : KafkaTopicsDescribe.Part, logDirs is null ? null : KafkaLogDirs.Part, rates is null ? null : CloudWatchMetricData.Part,
        }.OfType<string>());
        if (rates?.Where(r => r.Metric == "MessagesInPerSec" && !IsInternal(r.Topic)).ToList() is { Count: > 0 } messages)
        {
            return Streams(described, logDirs, rates, messages, figures, warnings, sources);
        }

        if (rates is not null)
        {
            warnings.Add("The CloudWatch file has no MessagesInPerSec per topic, so it gives no streams; the totals below come from the other files.");
        }

        var topics = described?.Where(t => !IsInternal(t.Name)).ToList();
        var replicas = logDirs?.Replicas.Where(r => !IsInternal(r.Topic)).ToList();

        int? leaderPartitions = null;
        int? replicationFactor = null;
        if (topics is { Count: > 0 })
        {
            leaderPartitions = (int)Math.Min(topics.Sum(t => (long)t.Partitions), Workload.MaxLeaderPartitions);
            figures.Add(new(InputCatalog.LeaderPartitions.Key, leaderPartitions.Value, $"sum of PartitionCount over {topics.Count} topics", $"{KafkaTopicsDescribe.Part} (kafka-topics.sh --describe)"));
            replicationFactor = TopicStreams.ReplicationFactor(topics.Select(t => (double?)t.ReplicationFactor), $"{KafkaTopicsDescribe.Part} (kafka-topics.sh --describe)", figures, warnings);
        }
        else if (replicas is { Count: > 0 })
        {
            var partitions = replicas.GroupBy(r => (r.Topic, r.Partition)).ToList();
            leaderPartitions = Math.Min(partitions.Count, Workload.MaxLeaderPartitions);
            replicationFactor = partitions.Max(p => p.Select(r => r.Broker).Distinct().Count());
            figures.Add(new(InputCatalog.LeaderPartitions.Key, leaderPartitions.Value, "partitions found in the log directories", $"{KafkaLogDirs.Part} (kafka-log-dirs.sh --describe)"));
            figures.Add(new(InputCatalog.ReplicationFactor.Key, replicationFactor.Value, "the most brokers holding one partition", $"{KafkaLogDirs.Part} (kafka-log-dirs.sh --describe)"));
        }

        double? retentionHours = null;
        if (topics is not null)
        {
            var kept = topics.Where(t => !t.Compacted && t.RetentionMs is > 0).ToList();
            var forever = topics.Where(t => t.RetentionMs == -1).Select(t => t.Name).ToList();
            if (kept.Count > 0)
            {
                retentionHours = Math.Min(kept.Max(t => t.RetentionMs!.Value) / 3_600_000.0, InputLimits.MaxRetentionHours);
                figures.Add(new(InputCatalog.Retention.Key, retentionHours.Value, "the longest retention.ms of the topics that set one", $"{KafkaTopicsDescribe.Part} (kafka-topics.sh --describe)"));
            }

            if (kept.Count < topics.Count(t => !t.Compacted && t.RetentionMs != -1))
            {
                warnings.Add("Some topics set no retention.ms, so they keep the cluster's default (Kafka's and MSK's is 168 hours), which the file does not show.");
            }

            if (forever.Count > 0)
            {
                warnings.Add($"{TopicStreams.Names(forever)} keep data for ever (retention.ms=-1): their storage grows without end; plan tiered storage or a retention for them.");
            }

            if (topics.Any(t => t.Compacted))
            {
                warnings.Add($"{TopicStreams.Names([.. topics.Where(t => t.Compacted).Select(t => t.Name)])} are compacted: their size on disk says nothing of their traffic, so they add nothing to the data in estimated here.");
            }
        }

        double? avgDataInMiBps = null;
        if (replicas is { Count: > 0 })
        {
            var onDisk = replicas.Sum(r => (double)r.Bytes);
            warnings.Add($"The log directories hold {onDisk / Bytes.PerGiB:0.#} GiB, replicas included, across {replicas.Select(r => r.Broker).Distinct().Count()} brokers.");
            avgDataInMiBps = EstimateDataIn(topics, replicas, figures, warnings);
        }

        WarnOfOfflineDirs(logDirs, warnings);

        if (avgDataInMiBps is null)
        {
            warnings.Add("These files do not give data in: give avgDataInMiBps (and the peak), or import from Prometheus, before sizing.");
        }

        var request = new SizingRequest
        {
            AvgDataInMiBps = avgDataInMiBps,
            LeaderPartitions = leaderPartitions,
            ReplicationFactor = replicationFactor,
            RetentionHours = retentionHours,
        };
        return new(request, figures, warnings, new ImportSummary(sources, "files", now, now, 0, topics?.Count ?? replicas?.Select(r => r.Topic).Distinct().Count() ?? 0));
    }

    /// <summary>A stream per topic CloudWatch measured, with its partitions and retention from kafka-topics.sh where given.</summary>
    private static ImportResult Streams(
        IReadOnlyList<DescribedTopic>? described, LogDirsReport? logDirs, IReadOnlyList<MeasuredRate> rates, List<MeasuredRate> messages,
        List<ImportedFigure> figures, List<string> warnings, string sources)
    {
        var byName = described?.ToDictionary(t => t.Name, StringComparer.Ordinal) ?? [];
        var byMetricAndTopic = rates.ToDictionary(r => (r.Metric, r.Topic));
        var traffic = messages.Select(m =>
        {
            var topic = new TopicTraffic(m.Topic) { MessagesMean = m.Mean, MessagesPeak = m.Quantile(0.99) };
            topic.BytesInMean = byMetricAndTopic.GetValueOrDefault(("BytesInPerSec", m.Topic))?.Mean;
            topic.BytesOutMean = byMetricAndTopic.GetValueOrDefault(("BytesOutPerSec", m.Topic))?.Mean;
            if (byName.TryGetValue(m.Topic, out var inFile))
            {
                topic.Partitions = inFile.Partitions;
                topic.ReplicationFactor = inFile.ReplicationFactor;
                topic.RetentionHours = inFile.RetentionMs is > 0 and var ms ? Math.Min(ms / 3_600_000.0, InputLimits.MaxRetentionHours) : null;
            }

            return topic;
        }).ToList();

        if (CloudWatchMetricData.GapsWarning(rates.Sum(r => r.DroppedPoints)) is { } gaps)
        {
            warnings.Add(gaps);
        }

        var from = messages.Min(m => m.From);
        var to = messages.Max(m => m.To);
        var window = new TrafficSources(
            $"{from:yyyy-MM-dd HH:mm} to {to:yyyy-MM-dd HH:mm} UTC",
            CloudWatchMetricData.MeanStatistic, CloudWatchMetricData.PeakStatistic,
            $"{CloudWatchMetricData.Part}: MessagesInPerSec", $"{CloudWatchMetricData.Part}: MessagesInPerSec",
            $"{CloudWatchMetricData.Part}: BytesInPerSec", $"{CloudWatchMetricData.Part}: BytesOutPerSec",
            $"{KafkaTopicsDescribe.Part}: PartitionCount", $"{KafkaTopicsDescribe.Part}: retention.ms");
        var streams = TopicStreams.From(traffic, groupBy: null, window, figures, warnings);
        var replicationFactor = described is null
            ? null
            : TopicStreams.ReplicationFactor(traffic.Select(t => t.ReplicationFactor), $"{KafkaTopicsDescribe.Part}: ReplicationFactor", figures, warnings);
        if (described is null)
        {
            warnings.Add("Without kafka-topics.sh --describe the partitions, replication factor and retention of each topic are not known: set them, or add the file.");
        }

        WarnOfOfflineDirs(logDirs, warnings);

        var request = new SizingRequest { Streams = streams, ReplicationFactor = replicationFactor };
        return new(request, figures, warnings, new ImportSummary(sources, "files", from, to, 0, traffic.Count));
    }

    /// <summary>
    /// Data in, MiB/s: each topic's bytes on one replica over the time it keeps them. It holds for a topic that has
    /// run its full retention at a steady rate; a younger or growing topic makes it an underestimate.
    /// </summary>
    private static double? EstimateDataIn(List<DescribedTopic>? topics, List<ReplicaOnDisk> replicas, List<ImportedFigure> figures, List<string> warnings)
    {
        if (topics is null)
        {
            warnings.Add("Without kafka-topics.sh --describe the retention of each topic is not known, so data in cannot be estimated from the disks.");
            return null;
        }

        var byName = topics.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var estimated = replicas
            .GroupBy(r => r.Topic, StringComparer.Ordinal)
            .Where(g => byName.TryGetValue(g.Key, out var t) && !t.Compacted && t.RetentionMs is > 0)
            .Select(g =>
            {
                var topic = byName[g.Key];
                var onOneReplica = g.Sum(r => (double)r.Bytes) / g.Select(r => (r.Broker, r.Partition)).Distinct().Count() * topic.Partitions;
                return onOneReplica / (topic.RetentionMs!.Value / 1000.0);
            })
            .ToList();
        if (estimated.Count == 0)
        {
            return null;
        }

        var miBps = Math.Max(InputCatalog.AvgDataIn.Min, Math.Round(estimated.Sum() / Bytes.PerMiB, 3));
        figures.Add(new(InputCatalog.AvgDataIn.Key, miBps,
            $"an estimate over {estimated.Count} topics: bytes on one replica ÷ retention.ms, for a topic that has run its full retention at a steady rate",
            $"{KafkaLogDirs.Part} (kafka-log-dirs.sh --describe) and {KafkaTopicsDescribe.Part} (kafka-topics.sh --describe)"));
        warnings.Add("Data in is estimated from the disks: a topic younger than its retention, or one that grows, makes it low. Check it against your producers' rates.");
        return miBps;
    }

    private static void WarnOfOfflineDirs(LogDirsReport? logDirs, List<string> warnings)
    {
        if (logDirs is { OfflineDirs.Count: > 0 })
        {
            warnings.Add($"Log directories that answered with an error hold data not counted here: {string.Join("; ", logDirs.OfflineDirs.Take(5))}.");
        }
    }

    private static bool IsInternal(string topic) => topic.StartsWith("__", StringComparison.Ordinal);
}
