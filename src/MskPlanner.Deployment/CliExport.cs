using System.Text.Json;
using System.Text.Json.Nodes;

using MskPlanner.Sizing;

namespace MskPlanner.Deployment;

/// <summary>
/// The cluster through the AWS CLI: <c>aws kafka create-configuration</c>, then <c>aws kafka create-cluster-v2</c>
/// with the <c>--provisioned</c> JSON, whose members are MSK's API shape names.
/// </summary>
public static class CliExport
{
    public const string ConfigurationArnPlaceholder = "CONFIGURATION_ARN";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string ProvisionedJson(ClusterBlueprint plan)
    {
        var brokers = new JsonObject
        {
            ["InstanceType"] = plan.Type.Name,
            ["ClientSubnets"] = new JsonArray([.. Enumerable.Range(1, plan.Zones).Select(i => (JsonNode)$"subnet-REPLACE-AZ{i}")]),
            ["SecurityGroups"] = new JsonArray("sg-REPLACE"),
        };
        if (plan.VolumeGiB is { } volume)
        {
            var ebs = new JsonObject { ["VolumeSize"] = volume };
            if (plan.ProvisionedThroughputMiBps is { } pst)
            {
                ebs["ProvisionedThroughput"] = new JsonObject { ["Enabled"] = true, ["VolumeThroughput"] = pst };
            }

            brokers["StorageInfo"] = new JsonObject { ["EbsStorageInfo"] = ebs };
        }

        var provisioned = new JsonObject
        {
            ["BrokerNodeGroupInfo"] = brokers,
            ["ClientAuthentication"] = plan.Input.ClientAuthentication switch
            {
                Authentication.Iam => new JsonObject { ["Sasl"] = new JsonObject { ["Iam"] = new JsonObject { ["Enabled"] = true } } },
                Authentication.Scram => new JsonObject { ["Sasl"] = new JsonObject { ["Scram"] = new JsonObject { ["Enabled"] = true } } },
                Authentication.MutualTls => new JsonObject { ["Tls"] = new JsonObject { ["CertificateAuthorityArnList"] = new JsonArray("arn:aws:acm-pca:REPLACE"), ["Enabled"] = true } },
                Authentication.Unauthenticated => new JsonObject { ["Unauthenticated"] = new JsonObject { ["Enabled"] = true } },
            },
            ["ConfigurationInfo"] = new JsonObject { ["Arn"] = ConfigurationArnPlaceholder, ["Revision"] = 1 },
            ["EncryptionInfo"] = new JsonObject
            {
                ["EncryptionInTransit"] = new JsonObject { ["ClientBroker"] = Aws.ClientBroker(plan.Input.ClientBrokerEncryption), ["InCluster"] = plan.Input.InClusterEncryption },
            },
            ["EnhancedMonitoring"] = Aws.Monitoring(plan.Input.EnhancedMonitoring),
            ["KafkaVersion"] = plan.KafkaVersion,
            ["NumberOfBrokerNodes"] = plan.BrokersPerCluster,
            ["OpenMonitoring"] = new JsonObject
            {
                ["Prometheus"] = new JsonObject
                {
                    ["JmxExporter"] = new JsonObject { ["EnabledInBroker"] = true },
                    ["NodeExporter"] = new JsonObject { ["EnabledInBroker"] = true },
                },
            },
        };
        JsonObject? brokerLogs = plan.Input.BrokerLogs switch
        {
            LogDestination.CloudWatchLogs => new JsonObject { ["CloudWatchLogs"] = new JsonObject { ["Enabled"] = true, ["LogGroup"] = "REPLACE-log-group" } },
            LogDestination.S3 => new JsonObject { ["S3"] = new JsonObject { ["Enabled"] = true, ["Bucket"] = "REPLACE-bucket", ["Prefix"] = $"msk/{plan.ClusterName}" } },
            LogDestination.Firehose => new JsonObject { ["Firehose"] = new JsonObject { ["Enabled"] = true, ["DeliveryStream"] = "REPLACE-delivery-stream" } },
            LogDestination.None => null,
        };
        if (brokerLogs is not null)
        {
            provisioned["LoggingInfo"] = new JsonObject { ["BrokerLogs"] = brokerLogs };
        }

        if (plan.TieredStorage)
        {
            provisioned["StorageMode"] = "TIERED";
        }

        return provisioned.ToJsonString(Indented) + "\n";
    }

    /// <summary>A script that creates the configuration, fills its ARN into the JSON, and creates the cluster (once per cluster of a split).</summary>
    public static string Script(ClusterBlueprint plan)
    {
        var tags = plan.Tags.Count == 0 ? "" : $" \\\n  --tags {Shell(string.Join(',', plan.Tags.Select(t => $"{t.Key}={t.Value}")))}";
        var names = plan.Clusters == 1
            ? [plan.ClusterName]
            : Enumerable.Range(1, plan.Clusters).Select(i => $"{plan.ClusterName[..Math.Min(plan.ClusterName.Length, ClusterChoices.ClusterNameMaxLength - 3)]}-{i}").ToArray();
        var script = new System.Text.StringBuilder();
        script.Append("#!/usr/bin/env bash\n")
            .Append($"# {TerraformExport.Header(plan, "the REPLACE placeholders in provisioned.json").Replace("\n", "\n# ", StringComparison.Ordinal)}\n")
            .Append("# Needs the AWS CLI v2 and credentials for the target account.\n")
            .Append("set -euo pipefail\n")
            .Append($"export AWS_REGION={Shell(plan.Input.Region)}\n\n");
        foreach (var name in names)
        {
            script.Append($"config_arn=$(aws kafka create-configuration --name {Shell(name + "-config")} \\\n")
                .Append($"  --kafka-versions {Shell(plan.KafkaVersion)} --server-properties fileb://server.properties --query Arn --output text)\n")
                .Append($"sed \"s|{ConfigurationArnPlaceholder}|$config_arn|\" provisioned.json > {Shell(name + ".provisioned.json")}\n")
                .Append($"aws kafka create-cluster-v2 --cluster-name {Shell(name)} \\\n")
                .Append($"  --provisioned file://{Shell(name + ".provisioned.json")}{tags}\n\n");
        }

        return script.ToString();
    }

    /// <summary>
    /// For a tiered plan: turns tiered storage on for the topics named, with the plan's hours on broker disks and
    /// its whole retention, since MSK leaves every topic wholly on disk until told.
    /// </summary>
    public static string TieredTopicsScript(ClusterBlueprint plan)
    {
        var configs = string.Join(',', plan.TopicConfigs.Select(c => $"{c.Key}={c.Value}"));
        return new System.Text.StringBuilder()
            .Append("#!/usr/bin/env bash\n")
            .Append($"# Tiered storage for the topics of \"{plan.PlanName}\": {Figures.Number(plan.Input.PrimaryRetentionHours)} h on broker disks, {Figures.Number(plan.Input.RetentionHours)} h in all.\n")
            .Append("# Run with Apache Kafka's bin/ tools once the cluster is up: tiered-topics.sh TOPIC [TOPIC...]\n")
            .Append("# BOOTSTRAP is the cluster's bootstrap string; CLIENT_CONFIG defaults to the load test's client.properties.\n")
            .Append("set -euo pipefail\n: \"${BOOTSTRAP:?set BOOTSTRAP to the bootstrap brokers of the cluster}\"\n")
            .Append("client_config=\"${CLIENT_CONFIG:-../loadtest/client.properties}\"\n")
            .Append("if [ \"$#\" -eq 0 ]; then echo \"usage: tiered-topics.sh TOPIC [TOPIC...]\" >&2; exit 64; fi\n")
            .Append("for topic in \"$@\"; do\n")
            .Append("  bin/kafka-configs.sh --bootstrap-server \"$BOOTSTRAP\" --command-config \"$client_config\" --alter \\\n")
            .Append($"    --entity-type topics --entity-name \"$topic\" --add-config {configs}\n")
            .Append("done\n")
            .ToString();
    }

    /// <summary>Single-quoted for bash; the plan's values are already restricted, this keeps that true for the shell too.</summary>
    internal static string Shell(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
