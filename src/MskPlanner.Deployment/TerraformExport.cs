using MskPlanner.Sizing;

namespace MskPlanner.Deployment;

/// <summary>
/// The cluster as Terraform for the hashicorp/aws provider: the configuration, the cluster, the variables the
/// plan cannot know, the bootstrap outputs, and the alarm set.
/// </summary>
public static class TerraformExport
{
    private const string ClusterRef = "aws_msk_cluster.this.cluster_name";

    public static string Main(ClusterBlueprint plan)
    {
        var hcl = new Hcl();
        hcl.Comment(Header(plan, "the subnets and security groups (terraform.tfvars)"));
        if (plan.Clusters > 1)
        {
            hcl.Comment($"This plan splits over {plan.Clusters} clusters of {plan.BrokersPerCluster} brokers: apply these files once per cluster,\nwith its own cluster_name (a Terraform workspace or module instance each).");
        }

        hcl.Blank().Open("terraform").Raw("required_version", "\">= 1.5\"").Open("required_providers")
            .Open("aws =").Set("source", "hashicorp/aws").Set("version", ">= 5.0").Close().Close().Close();

        hcl.Blank().Open("resource \"aws_msk_configuration\" \"this\"")
            .Raw("name", "\"${var.cluster_name}-config\"")
            .Raw("kafka_versions", $"[{Hcl.Quote(plan.KafkaVersion)}]")
            .Set("description", $"Server properties from MskPlanner for {plan.PlanName}")
            .Heredoc("server_properties", plan.ServerPropertiesText, "PROPERTIES")
            .Close();

        hcl.Blank().Open("resource \"aws_msk_cluster\" \"this\"")
            .Raw("cluster_name", "var.cluster_name")
            .Set("kafka_version", plan.KafkaVersion)
            .Set("number_of_broker_nodes", plan.BrokersPerCluster)
            .Set("enhanced_monitoring", Aws.Monitoring(plan.Input.EnhancedMonitoring));
        if (plan.TieredStorage)
        {
            hcl.Set("storage_mode", "TIERED");
        }

        hcl.Blank().Open("broker_node_group_info")
            .Set("instance_type", plan.Type.Name)
            .Raw("client_subnets", "var.client_subnets")
            .Raw("security_groups", "var.security_groups");
        if (plan.VolumeGiB is { } volume)
        {
            hcl.Open("storage_info").Open("ebs_storage_info").Set("volume_size", volume);
            if (plan.ProvisionedThroughputMiBps is { } pst)
            {
                hcl.Open("provisioned_throughput").Set("enabled", true).Set("volume_throughput", pst).Close();
            }

            hcl.Close().Close();
        }

        hcl.Close();
        hcl.Blank().Open("configuration_info").Raw("arn", "aws_msk_configuration.this.arn").Raw("revision", "aws_msk_configuration.this.latest_revision").Close();
        hcl.Blank().Open("encryption_info").Raw("encryption_at_rest_kms_key_arn", "var.kms_key_arn")
            .Open("encryption_in_transit").Set("client_broker", Aws.ClientBroker(plan.Input.ClientBrokerEncryption)).Set("in_cluster", plan.Input.InClusterEncryption).Close()
            .Close();

        hcl.Blank().Open("client_authentication");
        _ = plan.Input.ClientAuthentication switch
        {
            Authentication.Iam => hcl.Open("sasl").Set("iam", true).Close(),
            Authentication.Scram => hcl.Open("sasl").Set("scram", true).Close(),
            Authentication.MutualTls => hcl.Open("tls").Raw("certificate_authority_arns", "var.certificate_authority_arns").Close(),
            Authentication.Unauthenticated => hcl.Set("unauthenticated", true),
        };
        hcl.Close();

        var logs = plan.Input.BrokerLogs switch
        {
            LogDestination.CloudWatchLogs => (Block: "cloudwatch_logs", Field: "log_group", Variable: "var.log_group_name"),
            LogDestination.S3 => (Block: "s3", Field: "bucket", Variable: "var.log_bucket"),
            LogDestination.Firehose => (Block: "firehose", Field: "delivery_stream", Variable: "var.log_delivery_stream"),
            LogDestination.None => default,
        };
        if (logs.Block is not null)
        {
            hcl.Blank().Open("logging_info").Open("broker_logs").Open(logs.Block).Set("enabled", true).Raw(logs.Field, logs.Variable);
            if (plan.Input.BrokerLogs == LogDestination.S3)
            {
                hcl.Raw("prefix", "\"msk/${var.cluster_name}\"");
            }

            hcl.Close().Close().Close();
        }

        hcl.Blank().Open("open_monitoring").Open("prometheus").Open("jmx_exporter").Set("enabled_in_broker", true).Close()
            .Open("node_exporter").Set("enabled_in_broker", true).Close().Close().Close();
        hcl.Blank().Map("tags", plan.Tags);
        hcl.Close();
        return hcl.ToString();
    }

    public static string Variables(ClusterBlueprint plan)
    {
        var hcl = new Hcl();
        hcl.Open("variable \"cluster_name\"").Raw("type", "string").Set("description", "The MSK cluster's name.").Set("default", plan.ClusterName).Close();
        hcl.Blank().Open("variable \"client_subnets\"").Raw("type", "list(string)")
            .Set("description", $"One private subnet in each of the {plan.Zones} availability zones the plan assumes.")
            .Open("validation").Raw("condition", $"length(var.client_subnets) == {plan.Zones}")
            .Set("error_message", $"The plan spreads {plan.BrokersPerCluster} brokers over {plan.Zones} availability zones: give one subnet in each.").Close()
            .Close();
        hcl.Blank().Open("variable \"security_groups\"").Raw("type", "list(string)")
            .Set("description", "Security groups for the brokers' network interfaces (allow the client ports from your producers and consumers).").Close();
        hcl.Blank().Open("variable \"kms_key_arn\"").Raw("type", "string").Raw("default", "null")
            .Set("description", "A KMS key for encryption at rest; null uses the AWS managed key aws/msk.").Close();
        if (plan.Input.ClientAuthentication == Authentication.MutualTls)
        {
            hcl.Blank().Open("variable \"certificate_authority_arns\"").Raw("type", "list(string)")
                .Set("description", "ACM Private CA ARNs whose client certificates the brokers accept.").Close();
        }

        _ = plan.Input.BrokerLogs switch
        {
            LogDestination.CloudWatchLogs => hcl.Blank().Open("variable \"log_group_name\"").Raw("type", "string").Set("description", "The CloudWatch Logs group for broker logs (create it first).").Close(),
            LogDestination.S3 => hcl.Blank().Open("variable \"log_bucket\"").Raw("type", "string").Set("description", "The S3 bucket for broker logs.").Close(),
            LogDestination.Firehose => hcl.Blank().Open("variable \"log_delivery_stream\"").Raw("type", "string").Set("description", "The Data Firehose delivery stream for broker logs.").Close(),
            LogDestination.None => hcl,
        };
        hcl.Blank().Open("variable \"alarm_actions\"").Raw("type", "list(string)").Raw("default", "[]")
            .Set("description", "SNS topic ARNs the alarms notify.").Close();
        return hcl.ToString();
    }

    public static string Outputs(ClusterBlueprint plan)
    {
        var hcl = new Hcl();
        hcl.Open("output \"cluster_arn\"").Raw("value", "aws_msk_cluster.this.arn").Close();
        var attribute = plan.Input.ClientAuthentication switch
        {
            Authentication.Iam => "bootstrap_brokers_sasl_iam",
            Authentication.Scram => "bootstrap_brokers_sasl_scram",
            Authentication.MutualTls => "bootstrap_brokers_tls",
            Authentication.Unauthenticated => plan.Input.ClientBrokerEncryption == ClientTraffic.Plaintext ? "bootstrap_brokers" : "bootstrap_brokers_tls",
        };
        hcl.Blank().Open("output \"bootstrap_brokers\"").Set("description", "The connection string clients use.").Raw("value", $"aws_msk_cluster.this.{attribute}").Close();
        return hcl.ToString();
    }

    /// <summary>The alarm set: per-broker alarms for each broker ID (MSK numbers brokers from 1).</summary>
    public static string AlarmFile(ClusterBlueprint plan)
    {
        var hcl = new Hcl();
        hcl.Comment($"Alarms sized to {plan.PlanName}: {plan.BrokersPerCluster} x {plan.Type.Name}.");
        hcl.Blank().Open("locals").Raw("broker_ids", $"[for id in range(1, {plan.BrokersPerCluster + 1}) : tostring(id)]").Close();
        foreach (var alarm in Alarms.For(plan))
        {
            var perBroker = alarm.Scope == AlarmScope.Broker;
            hcl.Blank().Open($"resource \"aws_cloudwatch_metric_alarm\" \"{alarm.Id.Replace('-', '_')}\"");
            if (perBroker)
            {
                hcl.Raw("for_each", "toset(local.broker_ids)");
            }

            hcl.Raw("alarm_name", perBroker ? $"\"${{var.cluster_name}}-{alarm.Id}-broker-${{each.key}}\"" : $"\"${{var.cluster_name}}-{alarm.Id}\"")
                .Set("alarm_description", alarm.Description)
                .Set("comparison_operator", alarm.Comparison)
                .Set("evaluation_periods", alarm.EvaluationPeriods)
                .Set("threshold", alarm.Threshold)
                .Set("treat_missing_data", alarm.MissingData)
                .Raw("alarm_actions", "var.alarm_actions")
                .Raw("ok_actions", "var.alarm_actions");
            var dimensions = perBroker ? $"{{ \"Cluster Name\" = {ClusterRef}, \"Broker ID\" = each.key }}" : $"{{ \"Cluster Name\" = {ClusterRef} }}";
            switch (alarm.Signal)
            {
                case MetricSignal single:
                    hcl.Set("metric_name", single.Metric).Set("namespace", Alarm.Namespace).Set("period", alarm.PeriodSeconds)
                        .Set("statistic", alarm.Statistic).Raw("dimensions", dimensions);
                    break;
                case MathSignal sum:
                    hcl.Open("metric_query").Set("id", "total").Set("expression", sum.Expression)
                        .Set("label", alarm.Title).Set("return_data", true).Close();
                    for (var i = 0; i < sum.Metrics.Count; i++)
                    {
                        hcl.Open("metric_query").Set("id", $"m{i + 1}").Open("metric").Set("metric_name", sum.Metrics[i]).Set("namespace", Alarm.Namespace)
                            .Set("period", alarm.PeriodSeconds).Set("stat", alarm.Statistic).Raw("dimensions", dimensions).Close().Close();
                    }

                    break;
                case InsightsSignal insights:
                    hcl.Open("metric_query").Set("id", "q1")
                        .Raw("expression", $"\"SELECT {insights.Function}({insights.Metric}) FROM \\\"{Alarm.Namespace}\\\" WHERE \\\"Cluster Name\\\" = '${{{ClusterRef}}}'\"")
                        .Set("period", alarm.PeriodSeconds).Set("label", alarm.Title).Set("return_data", true).Close();
                    break;
            }

            hcl.Close();
        }

        return hcl.ToString();
    }

    /// <summary>What the files are for, and what to fill in (<paramref name="fillIn"/>) before they are applied.</summary>
    internal static string Header(ClusterBlueprint plan, string fillIn) =>
        $"Generated by MskPlanner for \"{plan.PlanName}\": {plan.BrokersPerCluster} x {plan.Type.Name} in {plan.Zones} AZs, {plan.Input.Region}.\n" +
        $"Fill in {fillIn}, review, then apply.";
}

/// <summary>MSK's API words for the plan's choices.</summary>
internal static class Aws
{
    public static string ClientBroker(ClientTraffic value) => value switch
    {
        ClientTraffic.Tls => "TLS",
        ClientTraffic.TlsPlaintext => "TLS_PLAINTEXT",
        ClientTraffic.Plaintext => "PLAINTEXT",
    };

    public static string Monitoring(MonitoringLevel value) => value switch
    {
        MonitoringLevel.Default => "DEFAULT",
        MonitoringLevel.PerBroker => "PER_BROKER",
        MonitoringLevel.PerTopicPerBroker => "PER_TOPIC_PER_BROKER",
        MonitoringLevel.PerTopicPerPartition => "PER_TOPIC_PER_PARTITION",
    };
}
