using System.Text.RegularExpressions;

using MskPlanner.Sizing;

using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace MskPlanner.Deployment;

/// <summary>
/// The cluster as CloudFormation YAML, and the alarm set as a second template. Intrinsic functions are written in
/// their long form (<c>Ref:</c>, <c>Fn::Sub:</c>), which any YAML parser reads without CloudFormation's tags.
/// </summary>
public static partial class CloudFormationExport
{
    private static readonly ISerializer Yaml = new SerializerBuilder().WithQuotingNecessaryStrings(quoteYaml1_1Strings: true).DisableAliases()
        .WithEventEmitter(next => new ReadableScalars(next)).Build();

    public static string Cluster(ClusterBlueprint plan)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["ClusterName"] = new Dictionary<string, object?>
            {
                ["Type"] = "String",
                ["Default"] = plan.ClusterName,
                ["AllowedPattern"] = "^[0-9A-Za-z][0-9A-Za-z-]{0,63}$",
                ["Description"] = "The MSK cluster's name.",
            },
            ["ClientSubnets"] = new Dictionary<string, object?>
            {
                ["Type"] = "List<AWS::EC2::Subnet::Id>",
                ["Description"] = $"One private subnet in each of the {plan.Zones} availability zones the plan assumes.",
            },
            ["SecurityGroups"] = new Dictionary<string, object?>
            {
                ["Type"] = "List<AWS::EC2::SecurityGroup::Id>",
                ["Description"] = "Security groups for the brokers' network interfaces.",
            },
            ["KmsKeyArn"] = new Dictionary<string, object?>
            {
                ["Type"] = "String",
                ["Default"] = "",
                ["Description"] = "A KMS key for encryption at rest; empty uses the AWS managed key aws/msk.",
            },
        };
        if (plan.Input.ClientAuthentication == Authentication.MutualTls)
        {
            parameters["CertificateAuthorityArns"] = new Dictionary<string, object?> { ["Type"] = "CommaDelimitedList", ["Description"] = "ACM Private CA ARNs whose client certificates the brokers accept." };
        }

        if (LogParameter(plan) is { } log)
        {
            parameters[log.Name] = new Dictionary<string, object?> { ["Type"] = "String", ["Description"] = log.Description };
        }

        var template = new Dictionary<string, object?>
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = Single(TerraformExport.Header(plan, "the ClientSubnets and SecurityGroups parameters")),
            ["Parameters"] = parameters,
            ["Conditions"] = new Dictionary<string, object?>
            {
                ["HasKmsKey"] = new Dictionary<string, object?> { ["Fn::Not"] = new object[] { new Dictionary<string, object?> { ["Fn::Equals"] = new object[] { Ref("KmsKeyArn"), "" } } } },
            },
            ["Resources"] = new Dictionary<string, object?>
            {
                ["Configuration"] = new Dictionary<string, object?>
                {
                    ["Type"] = "AWS::MSK::Configuration",
                    ["Properties"] = new Dictionary<string, object?>
                    {
                        ["Name"] = Sub("${ClusterName}-config"),
                        ["Description"] = $"Server properties from MskPlanner for {plan.PlanName}",
                        ["KafkaVersionsList"] = new[] { plan.KafkaVersion },
                        ["ServerProperties"] = plan.ServerPropertiesText,
                    },
                },
                ["Cluster"] = new Dictionary<string, object?> { ["Type"] = "AWS::MSK::Cluster", ["Properties"] = ClusterProperties(plan) },
            },
            ["Outputs"] = new Dictionary<string, object?>
            {
                ["ClusterArn"] = new Dictionary<string, object?> { ["Value"] = Ref("Cluster") },
                ["BootstrapBrokersCommand"] = new Dictionary<string, object?>
                {
                    ["Description"] = "CloudFormation does not return the bootstrap brokers; this command does.",
                    ["Value"] = Sub("aws kafka get-bootstrap-brokers --cluster-arn ${Cluster}"),
                },
            },
        };
        return Yaml.Serialize(template);
    }

    /// <summary>The <c>AWS::MSK::Cluster</c> properties, as AWS's resource schema names them.</summary>
    public static Dictionary<string, object?> ClusterProperties(ClusterBlueprint plan)
    {
        var brokers = new Dictionary<string, object?>
        {
            ["InstanceType"] = plan.Type.Name,
            ["ClientSubnets"] = Ref("ClientSubnets"),
            ["SecurityGroups"] = Ref("SecurityGroups"),
        };
        if (plan.VolumeGiB is { } volume)
        {
            var ebs = new Dictionary<string, object?> { ["VolumeSize"] = volume };
            if (plan.ProvisionedThroughputMiBps is { } pst)
            {
                ebs["ProvisionedThroughput"] = new Dictionary<string, object?> { ["Enabled"] = true, ["VolumeThroughput"] = pst };
            }

            brokers["StorageInfo"] = new Dictionary<string, object?> { ["EBSStorageInfo"] = ebs };
        }

        var properties = new Dictionary<string, object?>
        {
            ["ClusterName"] = Ref("ClusterName"),
            ["KafkaVersion"] = plan.KafkaVersion,
            ["NumberOfBrokerNodes"] = plan.BrokersPerCluster,
            ["EnhancedMonitoring"] = Aws.Monitoring(plan.Input.EnhancedMonitoring),
            ["BrokerNodeGroupInfo"] = brokers,
            ["ConfigurationInfo"] = new Dictionary<string, object?>
            {
                ["Arn"] = Ref("Configuration"),
                ["Revision"] = new Dictionary<string, object?> { ["Fn::GetAtt"] = new[] { "Configuration", "LatestRevision.Revision" } },
            },
            ["EncryptionInfo"] = new Dictionary<string, object?>
            {
                // The whole block is conditional: AWS's schema requires the key inside it once it is there.
                ["EncryptionAtRest"] = new Dictionary<string, object?>
                {
                    ["Fn::If"] = new object[] { "HasKmsKey", new Dictionary<string, object?> { ["DataVolumeKMSKeyId"] = Ref("KmsKeyArn") }, Ref("AWS::NoValue") },
                },
                ["EncryptionInTransit"] = new Dictionary<string, object?>
                {
                    ["ClientBroker"] = Aws.ClientBroker(plan.Input.ClientBrokerEncryption),
                    ["InCluster"] = plan.Input.InClusterEncryption,
                },
            },
            ["ClientAuthentication"] = plan.Input.ClientAuthentication switch
            {
                Authentication.Iam => new Dictionary<string, object?> { ["Sasl"] = new Dictionary<string, object?> { ["Iam"] = Enabled() } },
                Authentication.Scram => new Dictionary<string, object?> { ["Sasl"] = new Dictionary<string, object?> { ["Scram"] = Enabled() } },
                Authentication.MutualTls => new Dictionary<string, object?>
                {
                    ["Tls"] = new Dictionary<string, object?> { ["CertificateAuthorityArnList"] = Ref("CertificateAuthorityArns"), ["Enabled"] = true },
                },
                Authentication.Unauthenticated => new Dictionary<string, object?> { ["Unauthenticated"] = Enabled() },
            },
            ["OpenMonitoring"] = new Dictionary<string, object?>
            {
                ["Prometheus"] = new Dictionary<string, object?>
                {
                    ["JmxExporter"] = new Dictionary<string, object?> { ["EnabledInBroker"] = true },
                    ["NodeExporter"] = new Dictionary<string, object?> { ["EnabledInBroker"] = true },
                },
            },
        };
        if (plan.TieredStorage)
        {
            properties["StorageMode"] = "TIERED";
        }

        if (LogParameter(plan) is { } log)
        {
            properties["LoggingInfo"] = new Dictionary<string, object?>
            {
                ["BrokerLogs"] = new Dictionary<string, object?>
                {
                    [log.Destination] = plan.Input.BrokerLogs == LogDestination.S3
                        ? new Dictionary<string, object?> { ["Enabled"] = true, ["Bucket"] = Ref(log.Name), ["Prefix"] = Sub("msk/${ClusterName}") }
                        : new Dictionary<string, object?> { ["Enabled"] = true, [log.Field] = Ref(log.Name) },
                },
            };
        }

        if (plan.Tags.Count > 0)
        {
            properties["Tags"] = plan.Tags.ToDictionary(t => t.Key, t => (object?)t.Value);
        }

        return properties;
    }

    /// <summary>The alarm set; per-broker alarms repeat for each broker ID through the language extensions' Fn::ForEach.</summary>
    public static string Alarms(ClusterBlueprint plan)
    {
        var resources = new Dictionary<string, object?>();
        var brokerIds = Enumerable.Range(1, plan.BrokersPerCluster).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (var alarm in Deployment.Alarms.For(plan))
        {
            var logicalId = string.Concat(alarm.Id.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
            if (alarm.Scope == AlarmScope.Broker)
            {
                resources[$"Fn::ForEach::{logicalId}"] = new object[]
                {
                    "BrokerId", brokerIds,
                    new Dictionary<string, object?> { [$"{logicalId}Broker${{BrokerId}}"] = AlarmResource(alarm, Sub($"${{ClusterName}}-{alarm.Id}-broker-${{BrokerId}}")) },
                };
            }
            else
            {
                resources[logicalId] = AlarmResource(alarm, Sub($"${{ClusterName}}-{alarm.Id}"));
            }
        }

        var template = new Dictionary<string, object?>
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Transform"] = "AWS::LanguageExtensions",
            ["Description"] = $"Alarms sized to {plan.PlanName}: {plan.BrokersPerCluster} x {plan.Type.Name}.",
            ["Parameters"] = new Dictionary<string, object?>
            {
                ["ClusterName"] = new Dictionary<string, object?> { ["Type"] = "String", ["Default"] = plan.ClusterName },
                ["AlarmTopicArn"] = new Dictionary<string, object?> { ["Type"] = "String", ["Default"] = "", ["Description"] = "An SNS topic the alarms notify; empty for none." },
            },
            ["Conditions"] = new Dictionary<string, object?>
            {
                ["HasTopic"] = new Dictionary<string, object?> { ["Fn::Not"] = new object[] { new Dictionary<string, object?> { ["Fn::Equals"] = new object[] { Ref("AlarmTopicArn"), "" } } } },
            },
            ["Resources"] = resources,
        };
        return Yaml.Serialize(template);
    }

    private static Dictionary<string, object?> AlarmResource(Alarm alarm, object name)
    {
        var perBroker = alarm.Scope == AlarmScope.Broker;
        var actions = new Dictionary<string, object?> { ["Fn::If"] = new object[] { "HasTopic", new[] { Ref("AlarmTopicArn") }, Ref("AWS::NoValue") } };
        var properties = new Dictionary<string, object?>
        {
            ["AlarmName"] = name,
            ["AlarmDescription"] = alarm.Description,
            ["ComparisonOperator"] = alarm.Comparison,
            ["EvaluationPeriods"] = alarm.EvaluationPeriods,
            ["Threshold"] = alarm.Threshold,
            ["TreatMissingData"] = alarm.MissingData,
            ["AlarmActions"] = actions,
            ["OKActions"] = actions,
        };
        var dimensions = new List<object> { new Dictionary<string, object?> { ["Name"] = "Cluster Name", ["Value"] = Ref("ClusterName") } };
        if (perBroker)
        {
            dimensions.Add(new Dictionary<string, object?> { ["Name"] = "Broker ID", ["Value"] = Ref("BrokerId") });
        }

        switch (alarm.Signal)
        {
            case MetricSignal single:
                properties["Namespace"] = Alarm.Namespace;
                properties["MetricName"] = single.Metric;
                properties["Statistic"] = alarm.Statistic;
                properties["Period"] = alarm.PeriodSeconds;
                properties["Dimensions"] = dimensions;
                break;
            case MathSignal sum:
                var metrics = new List<object>
                {
                    new Dictionary<string, object?> { ["Id"] = "total", ["Expression"] = sum.Expression, ["Label"] = alarm.Title, ["ReturnData"] = true },
                };
                metrics.AddRange(sum.Metrics.Select((metric, i) => new Dictionary<string, object?>
                {
                    ["Id"] = $"m{i + 1}",
                    ["MetricStat"] = new Dictionary<string, object?>
                    {
                        ["Metric"] = new Dictionary<string, object?> { ["Namespace"] = Alarm.Namespace, ["MetricName"] = metric, ["Dimensions"] = dimensions },
                        ["Period"] = alarm.PeriodSeconds,
                        ["Stat"] = alarm.Statistic,
                    },
                    ["ReturnData"] = false,
                }));
                properties["Metrics"] = metrics;
                break;
            case InsightsSignal insights:
                properties["Metrics"] = new List<object>
                {
                    new Dictionary<string, object?>
                    {
                        ["Id"] = "q1",
                        ["Expression"] = Sub($"SELECT {insights.Function}({insights.Metric}) FROM \"{Alarm.Namespace}\" WHERE \"Cluster Name\" = '${{ClusterName}}'"),
                        ["Period"] = alarm.PeriodSeconds,
                        ["Label"] = alarm.Title,
                        ["ReturnData"] = true,
                    },
                };
                break;
        }

        return new Dictionary<string, object?> { ["Type"] = "AWS::CloudWatch::Alarm", ["Properties"] = properties };
    }

    private static (string Name, string Destination, string Field, string Description)? LogParameter(ClusterBlueprint plan) => plan.Input.BrokerLogs switch
    {
        LogDestination.CloudWatchLogs => ("LogGroupName", "CloudWatchLogs", "LogGroup", "The CloudWatch Logs group for broker logs (create it first)."),
        LogDestination.S3 => ("LogBucket", "S3", "Bucket", "The S3 bucket for broker logs."),
        LogDestination.Firehose => ("LogDeliveryStream", "Firehose", "DeliveryStream", "The Data Firehose delivery stream for broker logs."),
        LogDestination.None => null,
    };

    /// <summary>
    /// Multi-line text (server.properties) as a literal block, line for line; a date-like string quoted, so a YAML 1.1
    /// reader does not turn the template version into a timestamp.
    /// </summary>
    private sealed partial class ReadableScalars(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text)
            {
                if (text.Contains('\n', StringComparison.Ordinal))
                {
                    eventInfo.Style = ScalarStyle.Literal;
                }
                else if (DateLike().IsMatch(text))
                {
                    eventInfo.Style = ScalarStyle.DoubleQuoted;
                }
            }

            base.Emit(eventInfo, emitter);
        }

        [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
        private static partial Regex DateLike();
    }

    private static Dictionary<string, object?> Ref(string name) => new() { ["Ref"] = name };

    private static Dictionary<string, object?> Sub(string text) => new() { ["Fn::Sub"] = text };

    private static Dictionary<string, object?> Enabled() => new() { ["Enabled"] = true };

    private static string Single(string text) => text.Replace('\n', ' ');
}
