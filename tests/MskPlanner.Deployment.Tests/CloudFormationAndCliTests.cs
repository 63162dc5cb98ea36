using System.Text.Json.Nodes;

namespace MskPlanner.Deployment.Tests;

public class CloudFormationAndCliTests
{
    [Theory]
    [MemberData(nameof(Plans.Names), MemberType = typeof(Plans))]
    public void Every_cluster_resource_validates_against_AWSs_schema_with_and_without_a_KMS_key(string plan)
    {
        var template = Parsers.Yaml(CloudFormationExport.Cluster(Plans.Blueprint(plan))).AsObject();
        var clusters = template["Resources"]!.AsObject().Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::MSK::Cluster").ToList();

        Assert.Single(clusters);
        foreach (var conditionsHold in new[] { true, false })
        {
            var properties = CloudFormationSchema.Resolve(clusters[0].Value!["Properties"], template, conditionsHold)!;
            Assert.Empty(CloudFormationSchema.Problems(properties));
        }
    }

    [Fact]
    public void The_schema_check_catches_a_misspelt_property()
    {
        var template = Parsers.Yaml(CloudFormationExport.Cluster(Plans.Blueprint("standard EBS"))).AsObject();
        var properties = CloudFormationSchema.Resolve(template["Resources"]!["Cluster"]!["Properties"], template, true)!.AsObject();

        properties["BrokerNodeGroupInfo"]!["StorageInfo"]!["EbsStorageInfo"] = properties["BrokerNodeGroupInfo"]!["StorageInfo"]!["EBSStorageInfo"]!.DeepClone();

        Assert.NotEmpty(CloudFormationSchema.Problems(properties));
    }

    [Fact]
    public void The_template_carries_the_plans_values_and_express_carries_no_storage()
    {
        var standard = Plans.Blueprint("tiered storage");
        var express = Plans.Blueprint("express");

        var cluster = Parsers.Yaml(CloudFormationExport.Cluster(standard))["Resources"]!["Cluster"]!["Properties"]!;
        var expressCluster = Parsers.Yaml(CloudFormationExport.Cluster(express))["Resources"]!["Cluster"]!["Properties"]!;

        Assert.Equal(standard.BrokersPerCluster, cluster["NumberOfBrokerNodes"]!.GetValue<long>());
        Assert.Equal(standard.Type.Name, cluster["BrokerNodeGroupInfo"]!["InstanceType"]!.GetValue<string>());
        Assert.Equal(standard.VolumeGiB, (int)cluster["BrokerNodeGroupInfo"]!["StorageInfo"]!["EBSStorageInfo"]!["VolumeSize"]!.GetValue<long>());
        Assert.Equal("TIERED", cluster["StorageMode"]!.GetValue<string>());
        Assert.Null(expressCluster["BrokerNodeGroupInfo"]!["StorageInfo"]);
        Assert.Null(expressCluster["StorageMode"]);
    }

    [Fact]
    public void Tag_values_that_look_like_numbers_stay_text()
    {
        var blueprint = Plans.Blueprint("SASL/SCRAM, logs to S3");

        var tags = Parsers.Yaml(CloudFormationExport.Cluster(blueprint))["Resources"]!["Cluster"]!["Properties"]!["Tags"]!;

        Assert.Equal("1234", tags["cost-centre"]!.GetValue<string>());
    }

    [Fact]
    public void Tags_that_a_YAML_1_1_reader_takes_for_booleans_or_numbers_are_quoted()
    {
        // YAML 1.1 (PyYAML, cfn-lint's loader, go-yaml v2) reads plain on/yes/no as booleans, 12:30 as the base-60
        // number 750 and 1_000 as 1000; YAML 1.2 reads them all as text, so only their quoting keeps them text in both.
        string[] words = ["on", "yes", "No", "y", "off", "12:30", "1_000", "0x1F", "0o17", ".inf"];
        var blueprint = Plans.Blueprint(Plans.Base with { Tags = string.Join(", ", words.Select((w, i) => $"{w}={words[(i + 1) % words.Length]}")) }, MskPlanner.Sizing.BrokerFamily.M5);

        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(CloudFormationExport.Cluster(blueprint)));
        var tags = (YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents.Single().RootNode["Resources"]["Cluster"]["Properties"]["Tags"];

        foreach (var (key, value) in tags.Children)
        {
            Assert.Contains(((YamlDotNet.RepresentationModel.YamlScalarNode)key).Value, words);
            Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, ((YamlDotNet.RepresentationModel.YamlScalarNode)key).Style);
            Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, ((YamlDotNet.RepresentationModel.YamlScalarNode)value).Style);
        }

        Assert.Equal(words.Length, tags.Children.Count);
    }

    [Theory]
    [MemberData(nameof(Plans.Names), MemberType = typeof(Plans))]
    public void The_alarm_template_parses_and_repeats_broker_alarms_for_every_broker(string plan)
    {
        var blueprint = Plans.Blueprint(plan);

        var template = Parsers.Yaml(CloudFormationExport.Alarms(blueprint));

        Assert.Equal("AWS::LanguageExtensions", template["Transform"]!.GetValue<string>());
        var resources = template["Resources"]!.AsObject();
        Assert.Equal(Alarms.For(blueprint).Count, resources.Count);
        foreach (var (key, value) in resources.Where(r => r.Key.StartsWith("Fn::ForEach::", StringComparison.Ordinal)))
        {
            var loop = value!.AsArray();
            Assert.Equal(blueprint.BrokersPerCluster, loop[1]!.AsArray().Count);
            var alarm = loop[2]!.AsObject().Single().Value!;
            Assert.Equal("AWS::CloudWatch::Alarm", alarm["Type"]!.GetValue<string>());
        }
    }

    [Theory]
    [MemberData(nameof(Plans.Names), MemberType = typeof(Plans))]
    public void The_cli_json_parses_and_matches_the_plan(string plan)
    {
        var blueprint = Plans.Blueprint(plan);

        var provisioned = JsonNode.Parse(CliExport.ProvisionedJson(blueprint))!;

        Assert.Equal(blueprint.BrokersPerCluster, provisioned["NumberOfBrokerNodes"]!.GetValue<int>());
        Assert.Equal(blueprint.Type.Name, provisioned["BrokerNodeGroupInfo"]!["InstanceType"]!.GetValue<string>());
        Assert.Equal(blueprint.Zones, provisioned["BrokerNodeGroupInfo"]!["ClientSubnets"]!.AsArray().Count);
        Assert.Equal(blueprint.IsExpress, provisioned["BrokerNodeGroupInfo"]!["StorageInfo"] is null);
        Assert.Equal(blueprint.KafkaVersion, provisioned["KafkaVersion"]!.GetValue<string>());
    }

    [Fact]
    public void The_cli_script_uses_create_cluster_v2_with_the_provisioned_file_once_per_cluster()
    {
        var split = Plans.Blueprint("split past the quota");

        var script = CliExport.Script(split);

        Assert.True(split.Clusters > 1);
        Assert.Equal(split.Clusters, script.Split("aws kafka create-cluster-v2 --cluster-name").Length - 1);
        Assert.Contains("--provisioned file://", script, StringComparison.Ordinal);
        Assert.Contains("--server-properties fileb://server.properties", script, StringComparison.Ordinal);
    }
}
