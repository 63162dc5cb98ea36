using MskPlanner.Sizing;

namespace MskPlanner.Deployment;

/// <summary>
/// The cluster a plan asks for, in MSK's terms: the one description every export (Terraform, CloudFormation, the
/// CLI, alarms, load test, review) is written from, so they cannot disagree.
/// </summary>
public sealed record ClusterBlueprint
{
    public const int MaxVolumeGiB = 16_384;

    /// <summary>The rack-aware selector Kafka ships for nearest replica fetching (KIP-392).</summary>
    public const string RackAwareSelector = "org.apache.kafka.common.replica.RackAwareReplicaSelector";

    /// <summary>
    /// Replica fetcher threads with provisioned storage throughput: the MSK guide advises raising them from the
    /// default 1 so followers keep up with the faster volumes. 4 is our starting point, not an AWS figure.
    /// </summary>
    public const int ReplicaFetchersWithProvisionedThroughput = 4;

    /// <summary>The plan's name on one line, every control character a space: it reaches comments in every file.</summary>
    public required string PlanName { get; init; }
    public required string ClusterName { get; init; }
    public required SizingResult Sizing { get; init; }
    public required BrokerOption Option { get; init; }
    public BrokerType Type => Option.Type;
    public bool IsExpress => Type.Class == BrokerClass.Express;

    /// <summary>Brokers in each cluster: a multiple of the AZs (the client subnets), within the quota.</summary>
    public required int BrokersPerCluster { get; init; }

    /// <summary>More than one when the plan splits past the broker quota: the same files, applied once per cluster.</summary>
    public required int Clusters { get; init; }

    public required string KafkaVersion { get; init; }

    /// <summary>The move onto this cluster, when the plan has a migration section: priced and sized for this option.</summary>
    public MigrationPlan? Migration { get; init; }
    public SizingInput Input => Sizing.Input;
    public int Zones => IsExpress ? 3 : Input.AvailabilityZones;
    public int ReplicationFactor => IsExpress ? 3 : Input.ReplicationFactor;
    public int MinInSyncReplicas => ReplicationFactor - 1;

    /// <summary>EBS per broker, GiB; null for Express, which has no customer storage to declare.</summary>
    public int? VolumeGiB => IsExpress ? null : (int)Math.Clamp(Math.Ceiling(Option.VolumePerBrokerGiB), 1, MaxVolumeGiB);

    /// <summary>Provisioned storage throughput per broker, MiB/s: what the option is costed with, asked for or relied on by its count.</summary>
    public int? ProvisionedThroughputMiBps => Option.ProvisionedThroughputMiBps is { } pst ? (int)pst : null;

    public bool TieredStorage => !IsExpress && Input.UsesTieredStorage;

    /// <summary>The plan's leader partitions: the topic partitions the load test and the scripts create.</summary>
    public int LeaderPartitions => Input.LeaderPartitions;

    /// <summary>The plan's tags as pairs, read once from the validated text.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; }

    /// <summary>The plan's whole retention in milliseconds: the volumes are sized for it, so the cluster must delete at it.</summary>
    public long RetentionMs => Milliseconds(Input.RetentionHours);

    /// <summary>What a tiered topic keeps on broker disks, in milliseconds (the plan's hours on disk); null without tiering.</summary>
    public long? LocalRetentionMs => TieredStorage ? Milliseconds(Input.PrimaryRetentionHours) : null;

    /// <summary>
    /// The settings each of the plan's topics is created with: its retention, and for a tiered plan the tiering too.
    /// MSK tiers a topic only with remote.storage.enable, and keeps it all on disk while local.retention.ms stays at
    /// its default of -2 (AWS's tiered-storage topic guidelines). Set per topic because MSK's acceptance of the
    /// cluster-wide log.local.retention.ms is unverified.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> TopicConfigs => TopicConfigsFor(Input.RetentionHours);

    /// <summary>
    /// The settings a topic of this cluster kept for <paramref name="retentionHours"/> is created with: its retention,
    /// and for a tiered plan the tiering, never more hours on disk than the topic keeps.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> TopicConfigsFor(double retentionHours)
    {
        var retention = Milliseconds(retentionHours);
        return LocalRetentionMs is { } local
            ? [new("remote.storage.enable", "true"), new("local.retention.ms", Invariant(Math.Min(local, retention))), new("retention.ms", Invariant(retention))]
            : [new("retention.ms", Invariant(retention))];
    }

    /// <summary>The Kafka configuration the plan implies. Express fixes replication and min ISR itself.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ServerProperties
    {
        get
        {
            var properties = new List<KeyValuePair<string, string>>
            {
                new("auto.create.topics.enable", "false"),
                // MSK's default is 168 hours; the volumes (or Express's billed storage) are sized for the plan's.
                new("log.retention.ms", Invariant(RetentionMs)),
            };
            if (IsExpress)
            {
                return properties;
            }

            properties.Add(new("default.replication.factor", ReplicationFactor.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            properties.Add(new("min.insync.replicas", MinInSyncReplicas.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (ProvisionedThroughputMiBps is not null)
            {
                properties.Add(new("num.replica.fetchers", ReplicaFetchersWithProvisionedThroughput.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (Input.NearestReplicaFetching)
            {
                properties.Add(new("replica.selector.class", RackAwareSelector));
            }

            return properties;
        }
    }

    /// <summary>Text on one line, every control character a space: what reaches a comment in any file.</summary>
    internal static string OneLine(string text) => new([.. text.Select(c => char.IsControl(c) ? ' ' : c)]);

    private static long Milliseconds(double hours) => (long)Math.Round(hours * 3_600_000, MidpointRounding.AwayFromZero);

    private static string Invariant(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string ServerPropertiesText => string.Concat(ServerProperties.Select(p => $"{p.Key}={p.Value}\n"));

    /// <summary>
    /// The blueprint of a sizing: the type the plan names (or its pick), with the brokers the sizing gave it. Fails,
    /// naming the field, when the type cannot be deployed for this plan or MSK would refuse the version on it.
    /// </summary>
    public static Outcome<ClusterBlueprint> From(SizingResult sizing, BrokerFamily? family, string? planName)
    {
        var input = sizing.Input;
        BrokerOption option;
        ClusterSplit? split = null;
        if (input.BrokerType is { } typeName)
        {
            var chosen = sizing.Options.FirstOrDefault(o => o.Type.Name == typeName);
            if (chosen is null || !chosen.IsAvailable)
            {
                return Failure(InputCatalog.BrokerType, $"{typeName} cannot run this plan: {chosen?.UnavailableReason ?? "it is not sized for it"}");
            }

            var pick = sizing.Recommended.FirstOrDefault(r => r.Option?.Type.Name == typeName);
            if (pick?.Split is { } pickSplit)
            {
                (option, split) = (pick.Option!, pickSplit);
            }
            else if (!chosen.FitsQuota(input))
            {
                return Failure(InputCatalog.BrokerType,
                    $"{typeName} needs {chosen.Brokers:N0} brokers, over the quota of {input.BrokerQuotaFor(chosen.Type):N0} per cluster: choose a larger type, or leave the field empty for the plan's pick.");
            }
            else
            {
                option = chosen;
            }
        }
        else if (PlanHeadline.Pick(sizing, family) is { Option: { } picked } recommendation)
        {
            (option, split) = (picked, recommendation.Split);
        }
        else
        {
            return Failure(InputCatalog.BrokerType, "No broker type is available for this plan in this region, so there is nothing to deploy.");
        }

        var version = input.KafkaVersion ?? ClusterChoices.RecommendedVersion(option.Type);
        if (ClusterChoices.VersionProblem(option.Type, version) is { } problem)
        {
            return Failure(InputCatalog.KafkaVersion, problem);
        }

        ClusterChoices.ParseTags(input.Tags, out var tags);
        return Outcome.Success(new ClusterBlueprint
        {
            Tags = tags,
            PlanName = string.IsNullOrWhiteSpace(planName) ? "MskPlanner sizing" : OneLine(planName),
            ClusterName = input.ClusterName ?? NameFrom(planName),
            Sizing = sizing,
            Option = option,
            BrokersPerCluster = split?.BrokersPerCluster ?? option.Brokers,
            Clusters = split?.Clusters ?? 1,
            KafkaVersion = version,
            Migration = input.Migration is { } move && sizing.Rates is { } rates ? MigrationEngine.Plan(move, sizing, option, rates) : null,
        });
    }

    /// <summary>A cluster name MSK accepts, from the plan's name: letters and digits kept, the rest hyphens.</summary>
    public static string NameFrom(string? planName) =>
        Names.Slug(planName, ClusterChoices.ClusterNameMaxLength).TrimEnd('-') is { Length: > 0 } name ? name : "msk-cluster";

    private static Outcome<ClusterBlueprint> Failure(InputDefinition field, string message) => Outcome.Failure<ClusterBlueprint>(new FieldError(field.Key, message));
}
