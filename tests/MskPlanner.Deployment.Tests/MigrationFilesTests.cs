using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;

using Json.Schema;

using MskPlanner.Sizing;

namespace MskPlanner.Deployment.Tests;

/// <summary>
/// The move's files read back by the parsers their tools use: the connectors' JSON against the properties Kafka
/// documents, the Replicator's JSON against CreateReplicator's shape, mm2.properties by java.util.Properties, the
/// scripts by bash, ShellCheck and a run against stand-in Kafka tools.
/// </summary>
public sealed class MigrationFilesTests
{
    /// <summary>Legal Kafka topic names that a careless script would read as options or split, and names that are not topics at all.</summary>
    private static readonly string[] HostileStreams = ["--delete", "orders.v2_eu-1", "a'b \"c\" $(touch /tmp/pwned-mskplanner) `id`", "payments [prod] #1 | *"];

    private static SizingRequest Moving(string tool, string kind = "ec2", string? authentication = "scram", bool withStreams = true) => Plans.Base with
    {
        Partitions = null,
        LeaderPartitions = 600,
        Streams = withStreams
            ? [.. HostileStreams.Select(name => new StreamRequest { Name = name, MessagesPerSecond = 10_000, MessageBytes = 1024, RetentionHours = 72, Partitions = 64 })]
            : null,
        Migration = new MigrationRequest
        {
            Source = kind switch
            {
                "msk" => new() { Kind = kind, InstanceType = "kafka.m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 2000, KafkaVersion = "3.6.0" },
                "onPremises" => new() { Kind = kind, MonthlyCost = 20_000, KafkaVersion = "3.6.0", Authentication = authentication },
                _ => new() { Kind = kind, InstanceType = "m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 2000, KafkaVersion = "3.6.0", Authentication = authentication },
            },
            Replication = tool,
            TransferUsdPerGb = kind == "onPremises" ? 0.02 : null,
        },
    };

    private const string HostilePlan = "Bob's \"move\" $(touch /tmp/pwned-mskplanner) `id` # [link](x) *bold* \r\nsecond line";

    private static ClusterBlueprint Blueprint(SizingRequest request, BrokerFamily family = BrokerFamily.Express) => Plans.Blueprint(request, family, HostilePlan);

    private static JsonObject Json(ClusterBlueprint plan, string name) =>
        JsonNode.Parse(MigrationFiles.For(plan).Single(f => f.Path == $"migration/{name}").Text)!.AsObject();

    /// <summary>
    /// Every property the connectors set, and where Kafka documents it: Kafka's "Geo-Replication" chapter and the
    /// MirrorMaker 2 connector configurations it lists (MirrorSourceConfig, MirrorCheckpointConfig, MirrorConnectorConfig,
    /// MirrorClientConfig), and "Kafka Connect Configs" for the settings every connector takes.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ConnectorProperties = new Dictionary<string, string>
    {
        ["connector.class"] = "Kafka docs, Kafka Connect Configs (connector configs)",
        ["tasks.max"] = "Kafka docs, Kafka Connect Configs (connector configs)",
        ["key.converter"] = "Kafka docs, Kafka Connect Configs (connector configs)",
        ["value.converter"] = "Kafka docs, Kafka Connect Configs (connector configs)",
        ["source.cluster.alias"] = "Kafka docs, Geo-Replication: MirrorConnectorConfig (running MirrorMaker connectors in a Connect cluster)",
        ["target.cluster.alias"] = "Kafka docs, Geo-Replication: MirrorConnectorConfig",
        ["source.cluster.bootstrap.servers"] = "Kafka docs, Geo-Replication: client settings of each cluster under source.cluster. and target.cluster.",
        ["target.cluster.bootstrap.servers"] = "Kafka docs, Geo-Replication: client settings of each cluster under source.cluster. and target.cluster.",
        ["replication.policy.class"] = "Kafka docs, Geo-Replication: MirrorClientConfig; IdentityReplicationPolicy from Kafka 3.0 (KIP-690)",
        ["topics"] = "Kafka docs, Geo-Replication: MirrorSourceConfig",
        ["topics.exclude"] = "Kafka docs, Geo-Replication: MirrorSourceConfig",
        ["replication.factor"] = "Kafka docs, Geo-Replication: MirrorSourceConfig",
        ["sync.topic.configs.enabled"] = "Kafka docs, Geo-Replication: MirrorSourceConfig",
        ["refresh.topics.interval.seconds"] = "Kafka docs, Geo-Replication: MirrorSourceConfig",
        ["groups"] = "Kafka docs, Geo-Replication: MirrorCheckpointConfig",
        ["sync.group.offsets.enabled"] = "Kafka docs, Geo-Replication: MirrorCheckpointConfig (KIP-545)",
        ["sync.group.offsets.interval.seconds"] = "Kafka docs, Geo-Replication: MirrorCheckpointConfig (KIP-545)",
        ["emit.checkpoints.interval.seconds"] = "Kafka docs, Geo-Replication: MirrorCheckpointConfig",
    };

    /// <summary>The client settings written under a cluster's prefix: Kafka docs, Producer, Consumer and Admin configs (security).</summary>
    public static readonly IReadOnlyDictionary<string, string> ClientProperties = new Dictionary<string, string>
    {
        ["security.protocol"] = "Kafka docs, client configs",
        ["sasl.mechanism"] = "Kafka docs, client configs",
        ["sasl.jaas.config"] = "Kafka docs, client configs",
        ["sasl.client.callback.handler.class"] = "Kafka docs, client configs",
        ["ssl.keystore.location"] = "Kafka docs, client configs",
        ["ssl.keystore.password"] = "Kafka docs, client configs",
        ["ssl.key.password"] = "Kafka docs, client configs",
    };

    /// <summary>What only the dedicated MirrorMaker 2 file says: Kafka docs, Geo-Replication, "Configuration File Syntax" and "Configuring Replication Flows".</summary>
    public static readonly IReadOnlyDictionary<string, string> DedicatedProperties = new Dictionary<string, string>
    {
        ["clusters"] = "Kafka docs, Geo-Replication: Configuration File Syntax",
        ["source->target.enabled"] = "Kafka docs, Geo-Replication: Configuring Replication Flows",
        ["target->source.enabled"] = "Kafka docs, Geo-Replication: Configuring Replication Flows",
        ["source->target.topics"] = "Kafka docs, Geo-Replication: Configuring Replication Flows",
        ["emit.heartbeats.enabled"] = "Kafka docs, Geo-Replication: MirrorHeartbeatConfig",
    };

    private static readonly Lazy<JsonSchema> CreateReplicatorSchema = new(() =>
        JsonSchema.FromText(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "create-replicator.schema.json"))));

    [Theory]
    [InlineData("scram")]
    [InlineData("mtls")]
    [InlineData(null)]
    public void Every_property_of_the_three_connectors_is_one_kafka_documents(string? authentication)
    {
        var plan = Blueprint(Moving("mskConnect", authentication: authentication));
        foreach (var name in new[] { "mm2-source-connector.json", "mm2-checkpoint-connector.json", "mm2-heartbeat-connector.json" })
        {
            foreach (var (key, value) in Json(plan, name))
            {
                var client = key.StartsWith("source.cluster.", StringComparison.Ordinal) ? key["source.cluster.".Length..]
                    : key.StartsWith("target.cluster.", StringComparison.Ordinal) ? key["target.cluster.".Length..] : null;
                Assert.True(ConnectorProperties.ContainsKey(key) || (client is not null && ClientProperties.ContainsKey(client)), $"{name}: {key} is not a property Kafka documents.");
                Assert.Equal(System.Text.Json.JsonValueKind.String, value!.GetValueKind());
            }
        }
    }

    [Fact]
    public void The_connectors_copy_every_named_topic_under_its_own_name_from_the_start_and_carry_the_consumer_offsets()
    {
        var plan = Blueprint(Moving("mskConnect"), BrokerFamily.M7g);
        var source = Json(plan, "mm2-source-connector.json");
        var checkpoint = Json(plan, "mm2-checkpoint-connector.json");

        Assert.Equal("org.apache.kafka.connect.mirror.MirrorSourceConnector", (string?)source["connector.class"]);
        Assert.Equal(MigrationFiles.IdentityPolicy, (string?)source["replication.policy.class"]);
        Assert.Equal(MigrationFiles.IdentityPolicy, (string?)checkpoint["replication.policy.class"]);
        Assert.Equal(@"--delete,orders\.v2_eu-1", (string?)source["topics"]);
        Assert.Equal(plan.Migration!.Replication!.Tasks.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)source["tasks.max"]);
        Assert.Equal("true", (string?)checkpoint["sync.group.offsets.enabled"]);
        Assert.Equal("org.apache.kafka.connect.mirror.MirrorHeartbeatConnector", (string?)Json(plan, "mm2-heartbeat-connector.json")["connector.class"]);
        // The target's sign-in is the plan's own: IAM by default.
        Assert.Equal("AWS_MSK_IAM", (string?)source["target.cluster.sasl.mechanism"]);
    }

    [Theory]
    [InlineData("ec2", "scram", false)]
    [InlineData("onPremises", "mtls", false)]
    [InlineData("msk", null, false)]
    [InlineData("ec2", "scram", true)]
    [InlineData("msk", null, true)]
    public void The_replicators_json_has_the_shape_create_replicator_documents_forwards_and_back(string kind, string? authentication, bool reverse)
    {
        var plan = Blueprint(Moving("replicator", kind, authentication), kind == "msk" ? BrokerFamily.M7g : BrokerFamily.Express);
        var body = Json(plan, reverse ? "reverse-replicator.json" : "create-replicator.json");

        var result = CreateReplicatorSchema.Value.Evaluate(System.Text.Json.JsonDocument.Parse(body.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))) + "\n" + body);

        var info = body["ReplicationInfoList"]![0]!;
        Assert.Equal("EARLIEST", (string?)info["TopicReplication"]!["StartingPosition"]!["Type"]);
        Assert.Equal("IDENTICAL", (string?)info["TopicReplication"]!["TopicNameConfiguration"]!["Type"]);
        Assert.True((bool)info["ConsumerGroupReplication"]!["SynchroniseConsumerGroupOffsets"]!);
        Assert.Equal("ENHANCED", (string?)info["ConsumerGroupReplication"]!["ConsumerGroupOffsetSyncMode"]);
        Assert.Equal(kind != "msk", body["KafkaClusters"]!.AsArray().Any(c => c!["ApacheKafkaCluster"] is not null));
        if (kind != "msk")
        {
            // The self-managed cluster is named by its id, the side it is on decided by the direction.
            Assert.NotNull(info[reverse ? "TargetKafkaClusterId" : "SourceKafkaClusterId"]);
        }
    }

    [Fact]
    public void A_body_that_breaks_create_replicators_shape_fails_the_schema_so_the_schema_can_fail()
    {
        var body = Json(Blueprint(Moving("replicator")), "create-replicator.json");
        body["ReplicationInfoList"]![0]!["TopicReplication"]!["StartingPosition"]!["Type"] = "BEGINNING";
        body["ReplicatorName"] = "-not a name";
        Assert.False(CreateReplicatorSchema.Value.Evaluate(System.Text.Json.JsonDocument.Parse(body.ToJsonString()).RootElement).IsValid);
    }

    [Fact]
    public void The_mm2_properties_read_back_by_java_are_the_flow_meant_and_every_key_is_documented()
    {
        var plan = Blueprint(Moving("ec2"), BrokerFamily.M7g);
        var text = MigrationFiles.For(plan).Single(f => f.Path == "migration/mm2.properties").Text;
        var read = Parsers.Properties(text);

        Assert.Equal("source, target", read["clusters"]);
        Assert.Equal("true", read["source->target.enabled"]);
        Assert.Equal("false", read["target->source.enabled"]);
        Assert.Equal(@"--delete,orders\.v2_eu-1", read["source->target.topics"]);
        Assert.Equal("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"REPLACE\" password=\"REPLACE\";", read["source.sasl.jaas.config"]);
        Assert.Equal("true", read["sync.group.offsets.enabled"]);
        foreach (var key in read.Keys)
        {
            var client = key.StartsWith("source.", StringComparison.Ordinal) ? key["source.".Length..]
                : key.StartsWith("target.", StringComparison.Ordinal) ? key["target.".Length..] : null;
            Assert.True(
                DedicatedProperties.ContainsKey(key) || ConnectorProperties.ContainsKey(key) || (client is not null && (ClientProperties.ContainsKey(client) || client == "bootstrap.servers")),
                $"mm2.properties: {key} is not a property Kafka documents.");
        }
    }

    [Theory]
    [InlineData("a=b: c#d!e\\f", true)]
    [InlineData(" leading space, trailing \\ and \u00e9", false)]
    public void Properties_escaping_reads_back_as_written(string text, bool isKey)
    {
        var line = isKey ? $"{MigrationFiles.Property(text, isKey: true)} = value\n" : $"key = {MigrationFiles.Property(text, isKey: false)}\n";
        var read = Parsers.Properties(line);
        Assert.Equal(isKey ? "value" : text, read[isKey ? text : "key"]);
    }

    [Theory]
    [InlineData("mskConnect", "ec2")]
    [InlineData("ec2", "msk")]
    [InlineData("replicator", "onPremises")]
    public void The_scripts_parse_in_bash_pass_shellcheck_and_hand_every_topic_name_to_kafka_intact(string tool, string kind)
    {
        var plan = Blueprint(Moving(tool, kind), kind == "msk" ? BrokerFamily.M7g : BrokerFamily.Express);
        var scripts = MigrationFiles.For(plan).Where(f => f.Path.EndsWith(".sh", StringComparison.Ordinal)).ToList();
        Assert.Equal(["migration/create-topics.sh", "migration/verify.sh"], scripts.Select(s => s.Path));
        var folder = Directory.CreateTempSubdirectory("mskplanner-move-");
        try
        {
            foreach (var script in scripts)
            {
                var path = Path.Combine(folder.FullName, Path.GetFileName(script.Path));
                System.IO.File.WriteAllText(path, script.Text);
                Assert.Equal(0, Run(folder.FullName, [], "bash", "-n", path).ExitCode);
                var (checkCode, checkSays) = Run(folder.FullName, [], "shellcheck", "--shell=bash", path);
                Assert.True(checkCode == 0, $"shellcheck: {checkSays}\n{script.Text}");
            }

            // Stand-ins for Kafka's tools that print each argument on its own line, as the real ones would receive it.
            Directory.CreateDirectory(Path.Combine(folder.FullName, "bin"));
            foreach (var stubName in new[] { "kafka-topics.sh", "kafka-get-offsets.sh", "kafka-consumer-groups.sh" })
            {
                var stub = Path.Combine(folder.FullName, "bin", stubName);
                System.IO.File.WriteAllText(stub, "#!/usr/bin/env bash\nprintf 'ARG<%s>\\n' \"$@\"\n");
                Assert.Equal(0, Run(folder.FullName, [], "chmod", "+x", stub).ExitCode);
            }

            var (code, output) = Run(folder.FullName, new() { ["TARGET_BOOTSTRAP"] = "b:9098", ["CLIENT_CONFIG"] = "c.properties" }, "bash", Path.Combine(folder.FullName, "create-topics.sh"));
            Assert.Equal(0, code);
            Assert.Contains("ARG<--topic>\nARG<--delete>\nARG<--partitions>\nARG<64>", output, StringComparison.Ordinal);
            Assert.Contains("ARG<--topic>\nARG<orders.v2_eu-1>", output, StringComparison.Ordinal);
            Assert.Equal(2, output.Split("ARG<--create>").Length - 1);
            Assert.False(System.IO.File.Exists("/tmp/pwned-mskplanner"));
            Assert.Contains("# Stream 'a'\\''b", scripts[0].Text, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_runbook_follows_the_engines_steps_and_keeps_hostile_names_as_text()
    {
        var plan = Blueprint(Moving("replicator"));
        var runbook = MigrationFiles.For(plan).Single(f => f.Path == "migration/RUNBOOK.md").Text;
        var headings = runbook.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();

        Assert.Equal(plan.Migration!.Steps.Count, headings.Count);
        Assert.StartsWith("## 1. Create ", headings[0], StringComparison.Ordinal);
        Assert.Contains("reverse-replicator.json", runbook, StringComparison.Ordinal);
        Assert.Contains(@"\[link\]\(x\) \*bold\*", runbook, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", runbook, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_streams_the_topics_script_says_how_to_list_the_sources_and_the_tools_copy_every_topic()
    {
        var plan = Blueprint(Moving("mskConnect", withStreams: false), BrokerFamily.M7g);
        Assert.Contains("--describe", MigrationFiles.CreateTopics(plan), StringComparison.Ordinal);
        Assert.Equal(".*", (string?)Json(plan, "mm2-source-connector.json")["topics"]);
    }

    [Fact]
    public void The_zip_carries_the_moves_files_only_for_a_plan_that_moves_and_a_tool_that_can_serve_it()
    {
        static IReadOnlyList<string> Entries(ClusterBlueprint plan)
        {
            using var zip = new ZipArchive(new MemoryStream(DeployFiles.Zip(plan)));
            return [.. zip.Entries.Select(e => e.FullName[(e.FullName.IndexOf('/', StringComparison.Ordinal) + 1)..]).Where(n => n.StartsWith("migration/", StringComparison.Ordinal))];
        }

        Assert.Contains("migration/create-replicator.json", Entries(Blueprint(Moving("replicator"))));
        Assert.Empty(Entries(Plans.Blueprint("express")));
        // MSK Replicator copies from self-managed Kafka only onto Express: on M7g there is no move to write.
        var refused = Blueprint(Moving("replicator"), BrokerFamily.M7g);
        Assert.NotNull(refused.Migration!.ToolProblem);
        Assert.Empty(Entries(refused));
    }

    private static (int ExitCode, string Output) Run(string folder, Dictionary<string, string> environment, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
