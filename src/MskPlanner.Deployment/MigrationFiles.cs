using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using MskPlanner.Sizing;

namespace MskPlanner.Deployment;

/// <summary>
/// The move onto the plan's cluster as files: the runbook, the topics to create, the replication's configuration
/// (MirrorMaker 2 connectors for MSK Connect, an mm2.properties for EC2, or CreateReplicator's JSON) and the checks.
/// Written from <see cref="ClusterBlueprint.Migration"/>, so they follow the cluster the other files create.
/// </summary>
public static partial class MigrationFiles
{
    public const string Folder = "migration";
    public const string SourceAlias = "source";
    public const string TargetAlias = "target";
    public const string IdentityPolicy = "org.apache.kafka.connect.mirror.IdentityReplicationPolicy";
    public const string ByteArrayConverter = "org.apache.kafka.connect.converters.ByteArrayConverter";

    /// <summary>
    /// Topics no copy takes: MirrorMaker 2's default exclusions (MirrorSourceConfig's topics.exclude), Kafka's and
    /// Connect's internal topics; the Replicator is given the same.
    /// </summary>
    public static IReadOnlyList<string> ExcludedTopics { get; } = [@".*[\-\.]internal", @".*\.replica", "__.*"];

    /// <summary>How often offsets and checkpoints are carried over: 60 s, Kafka's default for both, written out so the runbook can name it.</summary>
    public const int SyncIntervalSeconds = 60;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The files of the move; none when the plan has no migration section or its tool cannot serve it.</summary>
    public static IReadOnlyList<DeployFile> For(ClusterBlueprint plan)
    {
        if (plan.Migration is not { Replication: { } replication } move)
        {
            return [];
        }

        var files = new List<DeployFile>
        {
            new($"{Folder}/RUNBOOK.md", Runbook(plan, move)),
            new($"{Folder}/create-topics.sh", CreateTopics(plan)),
        };
        switch (replication.Tool)
        {
            case ReplicationTool.MskConnect:
                files.Add(new($"{Folder}/mm2-source-connector.json", Json(SourceConnector(plan, move))));
                files.Add(new($"{Folder}/mm2-checkpoint-connector.json", Json(CheckpointConnector(plan))));
                files.Add(new($"{Folder}/mm2-heartbeat-connector.json", Json(HeartbeatConnector(plan))));
                break;
            case ReplicationTool.Ec2:
                files.Add(new($"{Folder}/mm2.properties", Mm2Properties(plan, move)));
                break;
            default:
                files.Add(new($"{Folder}/create-replicator.json", Json(CreateReplicator(plan, move, reverse: false))));
                files.Add(new($"{Folder}/reverse-replicator.json", Json(CreateReplicator(plan, move, reverse: true))));
                break;
        }

        files.Add(new($"{Folder}/verify.sh", Verify(plan, move)));
        return files;
    }

    /// <summary>The plan's streams that are Kafka topic names, which the files create and replicate by name.</summary>
    public static IReadOnlyList<StreamFigures> Topics(ClusterBlueprint plan) =>
        [.. (plan.Input.Workload?.Streams ?? []).Where(s => IsTopicName(s.Name))];

    /// <summary>Kafka's rule for a topic name: 1 to 249 of letters, digits, '.', '_' and '-', and not "." or "..".</summary>
    public static bool IsTopicName(string name) => name is not ("." or "..") && TopicName().IsMatch(name);

    [GeneratedRegex("^[a-zA-Z0-9._-]{1,249}$")]
    private static partial Regex TopicName();

    /// <summary>
    /// The topics MirrorMaker 2 and the Replicator copy: each named topic as an exact pattern, or every topic when
    /// the plan names none. A topic name has no regex characters but '.', which is escaped.
    /// </summary>
    public static IReadOnlyList<string> TopicPatterns(ClusterBlueprint plan) =>
        Topics(plan) is { Count: > 0 } topics ? [.. topics.Select(t => t.Name.Replace(".", @"\.", StringComparison.Ordinal))] : [".*"];

    /// <summary>Each stream's topic configuration: its own retention and the cluster's tiering, or compaction.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> TopicConfigs(ClusterBlueprint plan, StreamFigures stream) =>
        // MSK tiers no compacted topic, and compaction keeps the latest value per key whatever its age.
        stream.Compacted ? [new("cleanup.policy", "compact")] : plan.TopicConfigsFor(stream.RetentionHours);

    public static string CreateTopics(ClusterBlueprint plan)
    {
        var text = new StringBuilder()
            .Append("#!/usr/bin/env bash\n")
            .Append($"# The topics of \"{plan.PlanName}\" on the new cluster, before the replication starts: partitions and configurations as the source has them.\n")
            .Append("# TARGET_BOOTSTRAP is the new cluster's bootstrap string; CLIENT_CONFIG defaults to the load test's client.properties.\n")
            .Append("set -euo pipefail\n: \"${TARGET_BOOTSTRAP:?set TARGET_BOOTSTRAP to the bootstrap brokers of the new cluster}\"\n")
            .Append("client_config=\"${CLIENT_CONFIG:-../loadtest/client.properties}\"\n\n")
            .Append("create_topic() {\n")
            .Append("  local topic=\"$1\" partitions=\"$2\"\n  shift 2\n")
            .Append("  bin/kafka-topics.sh --bootstrap-server \"$TARGET_BOOTSTRAP\" --command-config \"$client_config\" --create --if-not-exists \\\n")
            .Append($"    --topic \"$topic\" --partitions \"$partitions\" --replication-factor {plan.ReplicationFactor} \"$@\"\n")
            .Append("}\n\n");
        var streams = plan.Input.Workload?.Streams ?? [];
        if (streams.Count == 0)
        {
            text.Append("# The plan gives no streams, so no topic is named here. List the source's topics with\n")
                .Append("#   bin/kafka-topics.sh --bootstrap-server \"$SOURCE_BOOTSTRAP\" --describe\n")
                .Append("# and add one line per topic with its partitions and configurations, for example:\n")
                .Append($"#   create_topic orders 12 --config retention.ms={plan.RetentionMs}\n");
            return text.ToString();
        }

        foreach (var stream in streams)
        {
            if (!IsTopicName(stream.Name))
            {
                // A stream named for a group of topics (an import's prefix) or a label, not a topic: its topics are the source's.
                text.Append($"# Stream {CliExport.Shell(ClusterBlueprint.OneLine(stream.Name))} is not a Kafka topic name: create its topics with {stream.LeaderPartitions} partitions in all, as the source has them.\n");
                continue;
            }

            text.Append($"create_topic {CliExport.Shell(stream.Name)} {stream.LeaderPartitions}")
                .Append(string.Concat(TopicConfigs(plan, stream).Select(c => $" --config {c.Key}={c.Value}")))
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The MirrorSourceConnector's configuration, as MSK Connect's connectorConfiguration map.</summary>
    public static JsonObject SourceConnector(ClusterBlueprint plan, MigrationPlan move)
    {
        var config = Common(plan, move, "org.apache.kafka.connect.mirror.MirrorSourceConnector", move.Replication!.Tasks);
        config["topics"] = string.Join(",", TopicPatterns(plan));
        config["topics.exclude"] = string.Join(", ", ExcludedTopics);
        config["replication.factor"] = Invariant(plan.ReplicationFactor);
        config["sync.topic.configs.enabled"] = "true";
        config["refresh.topics.interval.seconds"] = Invariant(SyncIntervalSeconds);
        return config;
    }

    /// <summary>The MirrorCheckpointConnector: consumer groups' offsets translated and written to the target's groups.</summary>
    public static JsonObject CheckpointConnector(ClusterBlueprint plan)
    {
        var config = Common(plan, plan.Migration!, "org.apache.kafka.connect.mirror.MirrorCheckpointConnector", 1);
        config["groups"] = ".*";
        config["sync.group.offsets.enabled"] = "true";
        config["sync.group.offsets.interval.seconds"] = Invariant(SyncIntervalSeconds);
        config["emit.checkpoints.interval.seconds"] = Invariant(SyncIntervalSeconds);
        return config;
    }

    /// <summary>The MirrorHeartbeatConnector: heartbeats that show the flow is alive end to end.</summary>
    public static JsonObject HeartbeatConnector(ClusterBlueprint plan) =>
        Common(plan, plan.Migration!, "org.apache.kafka.connect.mirror.MirrorHeartbeatConnector", 1);

    private static JsonObject Common(ClusterBlueprint plan, MigrationPlan move, string connectorClass, int tasks)
    {
        var config = new JsonObject
        {
            ["connector.class"] = connectorClass,
            ["tasks.max"] = Invariant(tasks),
            ["source.cluster.alias"] = SourceAlias,
            ["target.cluster.alias"] = TargetAlias,
            ["source.cluster.bootstrap.servers"] = "REPLACE_WITH_SOURCE_BOOTSTRAP",
            ["target.cluster.bootstrap.servers"] = "REPLACE_WITH_TARGET_BOOTSTRAP",
            ["replication.policy.class"] = IdentityPolicy,
            ["key.converter"] = ByteArrayConverter,
            ["value.converter"] = ByteArrayConverter,
        };
        foreach (var (key, value) in SourceClient(move.Input.Source))
        {
            config[$"source.cluster.{key}"] = value;
        }

        foreach (var (key, value) in TargetClient(plan))
        {
            config[$"target.cluster.{key}"] = value;
        }

        return config;
    }

    /// <summary>How MirrorMaker 2 signs in to the source, with placeholders for what only its owners know.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> SourceClient(MigrationSource source) => source.Authentication switch
    {
        SourceAuthentication.Scram =>
        [
            new("security.protocol", "SASL_SSL"),
            new("sasl.mechanism", "SCRAM-SHA-512"),
            new("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"REPLACE\" password=\"REPLACE\";"),
        ],
        SourceAuthentication.Mtls =>
        [
            new("security.protocol", "SSL"),
            new("ssl.keystore.location", "REPLACE_WITH_KEYSTORE_PATH"),
            new("ssl.keystore.password", "REPLACE"),
            new("ssl.key.password", "REPLACE"),
        ],
        _ => [new("security.protocol", "REPLACE_WITH_PLAINTEXT_SSL_SASL_PLAINTEXT_OR_SASL_SSL")],
    };

    /// <summary>How clients sign in to the new cluster: the load test's client.properties, line by line.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> TargetClient(ClusterBlueprint plan) =>
    [
        .. LoadTest.ClientProperties(plan).Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .Select(pair => KeyValuePair.Create(pair[0], pair[1])),
    ];

    /// <summary>A dedicated MirrorMaker 2 cluster (connect-mirror-maker.sh), one flow from the source to the target.</summary>
    public static string Mm2Properties(ClusterBlueprint plan, MigrationPlan move)
    {
        var text = new StringBuilder()
            .Append($"# MirrorMaker 2 for \"{plan.PlanName}\": run bin/connect-mirror-maker.sh mm2.properties on each of {move.Replication!.Workers} x {move.Input.WorkerInstanceType}.\n")
            .Append("# Kafka 3.0 or later on the workers: the identity replication policy keeps topic names as they are.\n");
        void Line(string key, string value) => text.Append(Property(key, isKey: true)).Append(" = ").Append(Property(value, isKey: false)).Append('\n');
        Line("clusters", $"{SourceAlias}, {TargetAlias}");
        Line($"{SourceAlias}.bootstrap.servers", "REPLACE_WITH_SOURCE_BOOTSTRAP");
        Line($"{TargetAlias}.bootstrap.servers", "REPLACE_WITH_TARGET_BOOTSTRAP");
        foreach (var (key, value) in SourceClient(move.Input.Source))
        {
            Line($"{SourceAlias}.{key}", value);
        }

        foreach (var (key, value) in TargetClient(plan))
        {
            Line($"{TargetAlias}.{key}", value);
        }

        Line($"{SourceAlias}->{TargetAlias}.enabled", "true");
        Line($"{SourceAlias}->{TargetAlias}.topics", string.Join(",", TopicPatterns(plan)));
        Line($"{TargetAlias}->{SourceAlias}.enabled", "false");
        Line("replication.policy.class", IdentityPolicy);
        Line("replication.factor", Invariant(plan.ReplicationFactor));
        Line("tasks.max", Invariant(move.Replication.Tasks));
        Line("sync.topic.configs.enabled", "true");
        Line("sync.group.offsets.enabled", "true");
        Line("sync.group.offsets.interval.seconds", Invariant(SyncIntervalSeconds));
        Line("emit.checkpoints.interval.seconds", Invariant(SyncIntervalSeconds));
        Line("emit.heartbeats.enabled", "true");
        return text.ToString();
    }

    /// <summary>
    /// <c>aws kafka create-replicator --cli-input-json</c>'s body, in the API's member names: from the earliest offset,
    /// names identical, consumer group offsets synchronised (enhanced). Reversed, it is the way back: target to source.
    /// </summary>
    public static JsonObject CreateReplicator(ClusterBlueprint plan, MigrationPlan move, bool reverse)
    {
        var source = move.Input.Source;
        var name = Names.Slug($"{plan.ClusterName}-{(reverse ? "rollback" : "migration")}", 128).Trim('-');
        var external = source.SelfManaged ? ExternalCluster(source) : MskCluster("REPLACE_WITH_SOURCE_CLUSTER_ARN", "SOURCE");
        var target = MskCluster("REPLACE_WITH_TARGET_CLUSTER_ARN", "TARGET");
        var info = new JsonObject
        {
            ["TargetCompressionType"] = "NONE",
            ["TopicReplication"] = new JsonObject
            {
                ["TopicsToReplicate"] = new JsonArray([.. TopicPatterns(plan).Select(p => (JsonNode)p)]),
                ["TopicsToExclude"] = new JsonArray([.. ExcludedTopics.Select(t => (JsonNode)t)]),
                ["CopyTopicConfigurations"] = true,
                ["CopyAccessControlListsForTopics"] = true,
                ["DetectAndCopyNewTopics"] = true,
                ["StartingPosition"] = new JsonObject { ["Type"] = "EARLIEST" },
                ["TopicNameConfiguration"] = new JsonObject { ["Type"] = "IDENTICAL" },
            },
            ["ConsumerGroupReplication"] = new JsonObject
            {
                ["ConsumerGroupsToReplicate"] = new JsonArray(".*"),
                ["ConsumerGroupsToExclude"] = new JsonArray(),
                ["SynchroniseConsumerGroupOffsets"] = true,
                ["DetectAndCopyNewConsumerGroups"] = true,
                ["ConsumerGroupOffsetSyncMode"] = "ENHANCED",
            },
        };
        var (from, to) = reverse ? ("Target", "Source") : ("Source", "Target");
        if (source.SelfManaged)
        {
            info[reverse ? "TargetKafkaClusterId" : "SourceKafkaClusterId"] = "REPLACE_WITH_SOURCE_CLUSTER_ID";
            info[reverse ? "SourceKafkaClusterArn" : "TargetKafkaClusterArn"] = "REPLACE_WITH_TARGET_CLUSTER_ARN";
        }
        else
        {
            info[$"{from}KafkaClusterArn"] = "REPLACE_WITH_SOURCE_CLUSTER_ARN";
            info[$"{to}KafkaClusterArn"] = "REPLACE_WITH_TARGET_CLUSTER_ARN";
        }

        var request = new JsonObject
        {
            ["ReplicatorName"] = name,
            ["Description"] = Clip($"{(reverse ? "Rollback" : "Migration")} of {plan.PlanName}: {(reverse ? "the new cluster back to the source" : "the source onto the new cluster")}", 1024),
            ["ServiceExecutionRoleArn"] = "REPLACE_WITH_SERVICE_EXECUTION_ROLE_ARN",
            ["KafkaClusters"] = new JsonArray(external, target),
            ["ReplicationInfoList"] = new JsonArray(info),
        };
        if (plan.Tags.Count > 0)
        {
            request["Tags"] = new JsonObject(plan.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
        }

        return request;
    }

    private static JsonObject MskCluster(string arn, string which) => new()
    {
        ["AmazonMskCluster"] = new JsonObject { ["MskClusterArn"] = arn },
        ["VpcConfig"] = new JsonObject { ["SubnetIds"] = new JsonArray($"subnet-REPLACE-{which}"), ["SecurityGroupIds"] = new JsonArray($"sg-REPLACE-{which}") },
    };

    private static JsonObject ExternalCluster(MigrationSource source) => new()
    {
        ["ApacheKafkaCluster"] = new JsonObject
        {
            ["ApacheKafkaClusterId"] = "REPLACE_WITH_SOURCE_CLUSTER_ID",
            ["BootstrapBrokerString"] = "REPLACE_WITH_SOURCE_BOOTSTRAP",
        },
        ["ClientAuthentication"] = source.Authentication == SourceAuthentication.Mtls
            ? new JsonObject { ["MTLS"] = new JsonObject { ["SecretArn"] = "REPLACE_WITH_SECRET_ARN" } }
            : new JsonObject { ["SaslScram"] = new JsonObject { ["Mechanism"] = "SHA512", ["SecretArn"] = "REPLACE_WITH_SECRET_ARN" } },
        ["EncryptionInTransit"] = new JsonObject { ["EncryptionType"] = "TLS", ["RootCaCertificate"] = "REPLACE_WITH_SECRET_ARN" },
        ["VpcConfig"] = new JsonObject { ["SubnetIds"] = new JsonArray("subnet-REPLACE-SOURCE"), ["SecurityGroupIds"] = new JsonArray("sg-REPLACE-SOURCE") },
    };

    /// <summary>Replication lag and message counts: the end offsets of each topic on both clusters, and the target's consumer groups.</summary>
    public static string Verify(ClusterBlueprint plan, MigrationPlan move)
    {
        var topics = Topics(plan);
        var text = new StringBuilder()
            .Append("#!/usr/bin/env bash\n")
            .Append($"# Compares the source and the new cluster of \"{plan.PlanName}\": the end offsets of every partition, then the consumer groups on the target.\n")
            .Append("# Pause the producers of a topic first: while they write, the source runs ahead by the replication lag.\n")
            .Append("set -euo pipefail\n")
            .Append(": \"${SOURCE_BOOTSTRAP:?set SOURCE_BOOTSTRAP to the bootstrap brokers of the source}\"\n")
            .Append(": \"${TARGET_BOOTSTRAP:?set TARGET_BOOTSTRAP to the bootstrap brokers of the new cluster}\"\n")
            .Append("source_config=\"${SOURCE_CONFIG:?set SOURCE_CONFIG to a client.properties for the source}\"\n")
            .Append("target_config=\"${TARGET_CONFIG:-../loadtest/client.properties}\"\n\n")
            .Append("end_offsets() {\n")
            .Append("  bin/kafka-get-offsets.sh --bootstrap-server \"$1\" --command-config \"$2\" --topic \"$3\" --time -1 | sort\n")
            .Append("}\n\n")
            .Append("compare() {\n")
            .Append("  if diff <(end_offsets \"$SOURCE_BOOTSTRAP\" \"$source_config\" \"$1\") <(end_offsets \"$TARGET_BOOTSTRAP\" \"$target_config\" \"$1\"); then\n")
            .Append("    echo \"$1: every partition ends at the same offset\"\n")
            .Append("  else\n")
            .Append("    echo \"$1: offsets differ (lines above: < source, > target)\" >&2\n")
            .Append("    status=1\n")
            .Append("  fi\n")
            .Append("}\n\n")
            .Append("status=0\n");
        if (topics.Count == 0)
        {
            text.Append("# The plan names no topics: give them as arguments (verify.sh TOPIC [TOPIC...]).\n")
                .Append("for topic in \"$@\"; do compare \"$topic\"; done\n");
        }
        else
        {
            foreach (var topic in topics)
            {
                text.Append($"compare {CliExport.Shell(topic.Name)}\n");
            }
        }

        text.Append("\n# Consumer groups carried over: each should show its offsets on the target before its application moves.\n")
            .Append("bin/kafka-consumer-groups.sh --bootstrap-server \"$TARGET_BOOTSTRAP\" --command-config \"$target_config\" --describe --all-groups\n")
            .Append(move.Input.Tool == ReplicationTool.Replicator
                ? "# In CloudWatch (AWS/Kafka, dimension ReplicatorName): MessageLag and ReplicationLatency near zero, ReplicatorFailure at 0.\n"
                : "# MirrorMaker 2's metrics (kafka.connect.mirror:type=MirrorSourceConnector): replication-latency-ms and record-age-ms stay low.\n")
            .Append("exit \"$status\"\n");
        return text.ToString();
    }

    public static string Runbook(ClusterBlueprint plan, MigrationPlan move)
    {
        var text = new StringBuilder()
            .Append($"# Moving {Markdown(plan.PlanName)} onto MSK\n\n")
            .Append($"From {Markdown(MigrationEngine.SourceText(move.Input.Source))} onto {plan.BrokersPerCluster} x {plan.Type.Name}, with {MigrationEngine.ToolName(move.Input.Tool)}, ")
            .Append($"both running for {move.Input.ParallelRunDays} days. The order follows AWS's MSK migration guide: the same Kafka version first, ")
            .Append("the topics as the source has them, consumer offsets carried over, a way back kept until the end.\n\n")
            .Append($"Replication: {Markdown(move.Replication!.Reason)}\n\n");
        if (move.Cost is { } cost)
        {
            text.Append($"What the {move.Input.ParallelRunDays} days cost, {Figures.Usd(cost.Total)} in all for {Figures.Number(move.CopiedGiB, "#,0")} GiB copied:\n\n")
                .Append($"- the source: {Figures.Usd(cost.Source)} ({Markdown(cost.How?.Source ?? "")})\n")
                .Append($"- the new cluster: {Figures.Usd(cost.Target)} ({Markdown(cost.How?.Target ?? "")})\n")
                .Append($"- the replication: {Figures.Usd(cost.Replication)} ({Markdown(cost.How?.Replication ?? "")})\n")
                .Append($"- transfer: {Figures.Usd(cost.Transfer)} ({Markdown(cost.How?.Transfer ?? "")})\n\n");
        }

        var number = 0;
        foreach (var step in move.Steps)
        {
            number++;
            text.Append($"## {number}. {Markdown(step.Title)}\n\n")
                .Append($"- Checks: {Markdown(step.Checks)}\n")
                .Append($"- Takes: {Markdown(step.Duration)}\n")
                .Append(Detail(step.Kind, move))
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The commands and files of each step, beside what it checks.</summary>
    private static string Detail(MigrationStepKind step, MigrationPlan move) => step switch
    {
        MigrationStepKind.CreateTarget => "- With the Terraform, CloudFormation or CLI files of this zip, their Kafka version set as above.\n",
        MigrationStepKind.CreateTopics => "- `TARGET_BOOTSTRAP=... ./create-topics.sh`; then `bin/kafka-topics.sh --describe` on both clusters.\n",
        MigrationStepKind.StartReplication => move.Input.Tool switch
        {
            ReplicationTool.MskConnect =>
                $"- Create three MSK Connect connectors on Kafka Connect 3.7.x (the identity replication policy needs 3.0 or later): `mm2-source-connector.json` with "
                + $"{move.Replication!.Workers} workers of {move.Replication.McusPerWorker} MCUs, and `mm2-checkpoint-connector.json` and `mm2-heartbeat-connector.json` with one worker of one MCU each, "
                + "passing each file as `aws kafkaconnect create-connector --connector-configuration file://...`.\n"
                + (move.Replication.Workers > MigrationEngine.MaxWorkersPerConnector ? "- That is more workers than one connector takes: split the topics between several source connectors.\n" : ""),
            ReplicationTool.Ec2 =>
                $"- On each of {move.Replication!.Workers} x {move.Input.WorkerInstanceType}: `bin/connect-mirror-maker.sh mm2.properties` (Kafka 3.0 or later).\n",
            _ => "- `aws kafka create-replicator --cli-input-json file://create-replicator.json`; the execution role needs AWSMSKReplicatorExecutionRole "
                 + (move.Input.Source.SelfManaged ? "and read access to the Secrets Manager secret with the source's credentials.\n" : "on both clusters.\n"),
        },
        MigrationStepKind.Verify => "- `SOURCE_BOOTSTRAP=... TARGET_BOOTSTRAP=... SOURCE_CONFIG=... ./verify.sh`.\n",
        MigrationStepKind.LoadTest => "- `../loadtest/loadtest.sh` and `../loadtest/RUNBOOK.md` against the new cluster.\n",
        MigrationStepKind.MoveClients => "- Consumers first: stop one group, point it at the new cluster, start it; it resumes from its synchronised offset. Producers after all their topics' consumers.\n",
        MigrationStepKind.Rollback => move.Input.Tool == ReplicationTool.Replicator
            ? "- `aws kafka create-replicator --cli-input-json file://reverse-replicator.json` before the first producer moves.\n"
            : "- Before the first producer moves, run a second flow from the target back to the source (swap the aliases' bootstrap servers in the same files).\n",
        MigrationStepKind.Decommission => move.Input.Tool == ReplicationTool.Replicator
            ? "- `aws kafka delete-replicator` for both replicators; then delete the source.\n"
            : "- Delete the connectors (or stop the MirrorMaker 2 workers); then delete the source.\n",
        _ => "",
    };

    private static string Json(JsonNode node) => node.ToJsonString(Indented) + "\n";

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>Markdown's own characters escaped, so a name shows as typed and makes no link, heading or code.</summary>
    private static string Markdown(string text) => MarkdownSpecial().Replace(ClusterBlueprint.OneLine(text), @"\$0");

    [GeneratedRegex(@"[\\`*_{}\[\]()#+!<>|~]")]
    private static partial Regex MarkdownSpecial();

    /// <summary>
    /// A key or value as java.util.Properties reads it back: backslashes, line breaks and a leading space escaped
    /// always, and in a key its separators and comment marks too.
    /// </summary>
    public static string Property(string text, bool isKey)
    {
        var escaped = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            escaped.Append(c switch
            {
                '\\' => @"\\",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '\f' => @"\f",
                '=' or ':' or '#' or '!' or ' ' when isKey => $@"\{c}",
                ' ' when i == 0 => @"\ ",
                _ when c < 0x20 || c > 0x7e => $@"\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
