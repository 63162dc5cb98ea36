using System.Text.Json.Nodes;

namespace MskPlanner.Deployment.Tests;

public class TerraformExportTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "terraform-aws-schema.json")))!["resources"]!.AsObject();

    [Theory]
    [MemberData(nameof(Plans.Names), MemberType = typeof(Plans))]
    public void Every_terraform_file_parses_and_uses_only_arguments_the_provider_documents(string plan)
    {
        var blueprint = Plans.Blueprint(plan);
        var files = DeployFiles.For(blueprint, ExportKind.Terraform).Concat(DeployFiles.For(blueprint, ExportKind.Alarms).Where(f => f.Path.EndsWith(".tf", StringComparison.Ordinal)));

        var parsed = Parsers.Hcl([.. files]);

        foreach (var (type, resources) in parsed["resource"]!.AsObject())
        {
            Assert.True(Schema[type] is not null, $"{type} is not in terraform-aws-schema.json.");
            foreach (var (name, bodies) in resources!.AsObject())
            {
                foreach (var body in bodies!.AsArray())
                {
                    CheckArguments(body!.AsObject(), Schema[type]!.AsObject(), $"{type}.{name}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Plans.Names), MemberType = typeof(Plans))]
    public void The_cluster_carries_the_plans_type_brokers_and_storage(string plan)
    {
        var blueprint = Plans.Blueprint(plan);
        var option = blueprint.Option;

        var cluster = Cluster(blueprint);

        Assert.Equal(option.Type.Name, cluster["broker_node_group_info"]![0]!["instance_type"]!.GetValue<string>());
        Assert.Equal(blueprint.BrokersPerCluster, cluster["number_of_broker_nodes"]!.GetValue<int>());
        Assert.Equal(0, blueprint.BrokersPerCluster % blueprint.Zones);
        Assert.Equal(blueprint.KafkaVersion, cluster["kafka_version"]!.GetValue<string>());
        var storage = cluster["broker_node_group_info"]![0]!["storage_info"];
        if (blueprint.IsExpress)
        {
            Assert.Null(storage);
        }
        else
        {
            var volume = storage![0]!["ebs_storage_info"]![0]!["volume_size"]!.GetValue<int>();
            Assert.Equal((int)Math.Ceiling(option.VolumePerBrokerGiB), volume);
            Assert.InRange(volume, 1, 16_384);
        }
    }

    [Fact]
    public void An_express_cluster_declares_no_storage_and_no_replication_settings()
    {
        var blueprint = Plans.Blueprint("express");
        var main = DeployFiles.For(blueprint, ExportKind.Terraform)[0].Text;

        Assert.StartsWith("express.m7g.", blueprint.Type.Name, StringComparison.Ordinal);
        Assert.DoesNotContain("storage_info", main, StringComparison.Ordinal);
        Assert.DoesNotContain("volume_size", main, StringComparison.Ordinal);
        Assert.DoesNotContain("default.replication.factor", main, StringComparison.Ordinal);
    }

    [Fact]
    public void Tiered_storage_and_provisioned_throughput_appear_only_when_the_plan_uses_them()
    {
        var tiered = Cluster(Plans.Blueprint("tiered storage"));
        var provisioned = Cluster(Plans.Blueprint("provisioned throughput"));
        var plain = Cluster(Plans.Blueprint("standard EBS"));

        Assert.Equal("TIERED", tiered["storage_mode"]!.GetValue<string>());
        Assert.Null(plain["storage_mode"]);
        var throughput = provisioned["broker_node_group_info"]![0]!["storage_info"]![0]!["ebs_storage_info"]![0]!["provisioned_throughput"]![0]!;
        Assert.True(throughput["enabled"]!.GetValue<bool>());
        Assert.Equal(500, throughput["volume_throughput"]!.GetValue<int>());
        Assert.Null(plain["broker_node_group_info"]![0]!["storage_info"]![0]!["ebs_storage_info"]![0]!["provisioned_throughput"]);
    }

    [Fact]
    public void Server_properties_follow_the_replication_factor_and_the_fetching_choices()
    {
        var rf3 = Plans.Blueprint("provisioned throughput").ServerPropertiesText;
        var rf2 = Plans.Blueprint("RF 2").ServerPropertiesText;

        Assert.Contains("default.replication.factor=3\nmin.insync.replicas=2\n", rf3, StringComparison.Ordinal);
        Assert.Contains("num.replica.fetchers=", rf3, StringComparison.Ordinal);
        Assert.Contains("replica.selector.class=org.apache.kafka.common.replica.RackAwareReplicaSelector", rf3, StringComparison.Ordinal);
        Assert.Contains("default.replication.factor=2\nmin.insync.replicas=1\n", rf2, StringComparison.Ordinal);
        Assert.DoesNotContain("replica.selector.class", rf2, StringComparison.Ordinal);
        Assert.DoesNotContain("num.replica.fetchers", rf2, StringComparison.Ordinal);
        Assert.Contains("auto.create.topics.enable=false", rf2, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("standard EBS", "sasl", "iam")]
    [InlineData("SASL/SCRAM, logs to S3", "sasl", "scram")]
    [InlineData("mutual TLS, logs to Firehose", "tls", "certificate_authority_arns")]
    public void Client_authentication_is_the_plans(string plan, string block, string argument)
    {
        var authentication = Cluster(Plans.Blueprint(plan))["client_authentication"]![0]!;

        Assert.NotNull(authentication[block]![0]![argument]);
    }

    [Fact]
    public void An_unauthenticated_plaintext_plan_says_so_and_sends_no_logs()
    {
        var cluster = Cluster(Plans.Blueprint("unauthenticated plaintext, no logs"));

        Assert.True(cluster["client_authentication"]![0]!["unauthenticated"]!.GetValue<bool>());
        Assert.Equal("PLAINTEXT", cluster["encryption_info"]![0]!["encryption_in_transit"]![0]!["client_broker"]!.GetValue<string>());
        Assert.Null(cluster["logging_info"]);
        Assert.Equal("DEFAULT", cluster["enhanced_monitoring"]!.GetValue<string>());
    }

    [Fact]
    public void Subnets_are_a_variable_that_must_name_one_subnet_per_zone()
    {
        var variables = Parsers.Hcl(DeployFiles.For(Plans.Blueprint("two AZs"), ExportKind.Terraform)[1])["variable"]!;

        Assert.Equal("${length(var.client_subnets) == 2}", variables["client_subnets"]![0]!["validation"]![0]!["condition"]!.GetValue<string>());
        Assert.NotNull(variables["security_groups"]![0]!["description"]);
        Assert.NotNull(variables["kms_key_arn"]);
    }

    [Fact]
    public void Tags_and_names_reach_the_file_escaped_and_whole()
    {
        var blueprint = Plans.Blueprint(Plans.Base with { Tags = "team=data, note=a:b/c=d+e@f" }, MskPlanner.Sizing.BrokerFamily.M5, "Plan \"${evil}\" %{x}\nsecond line");

        var parsed = Parsers.Hcl([.. DeployFiles.For(blueprint, ExportKind.Terraform)]);

        var cluster = parsed["resource"]!["aws_msk_cluster"]!["this"]![0]!;
        Assert.Equal("a:b/c=d+e@f", cluster["tags"]!["note"]!.GetValue<string>());
        var description = parsed["resource"]!["aws_msk_configuration"]!["this"]![0]!["description"]!.GetValue<string>();
        Assert.Contains("Plan \"$${evil}\" %%{x}", description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_files_change_when_the_plan_changes()
    {
        var before = DeployFiles.All(Plans.Blueprint("standard EBS"));
        var after = DeployFiles.All(Plans.Blueprint(Plans.Base with { AvgDataInMiBps = 120 }, MskPlanner.Sizing.BrokerFamily.M5));

        Assert.NotEqual(before.Single(f => f.Path == "terraform/main.tf").Text, after.Single(f => f.Path == "terraform/main.tf").Text);
        Assert.NotEqual(before.Single(f => f.Path == "terraform/alarms.tf").Text, after.Single(f => f.Path == "terraform/alarms.tf").Text);
    }

    private static JsonNode Cluster(ClusterBlueprint blueprint) =>
        Parsers.Hcl([.. DeployFiles.For(blueprint, ExportKind.Terraform)])["resource"]!["aws_msk_cluster"]!["this"]![0]!;

    private static void CheckArguments(JsonObject body, JsonObject schema, string path)
    {
        var arguments = schema["arguments"]!.AsArray().Select(a => a!.GetValue<string>()).ToHashSet();
        var blocks = schema["blocks"]!.AsObject();
        foreach (var (key, value) in body)
        {
            if (blocks[key] is JsonObject block)
            {
                foreach (var nested in value!.AsArray())
                {
                    CheckArguments(nested!.AsObject(), block, $"{path}.{key}");
                }
            }
            else
            {
                Assert.True(arguments.Contains(key), $"{path} has '{key}', which the provider does not document there.");
            }
        }
    }
}
