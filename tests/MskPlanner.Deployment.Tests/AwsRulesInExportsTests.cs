using System.Text.Json.Nodes;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

using MskPlanner.Sizing;

namespace MskPlanner.Deployment.Tests;

/// <summary>
/// What AWS would refuse at apply time, or what would fill a disk, checked on the files themselves. Each expected
/// value is AWS's, from the page docs/aws-rules.md names, not the code's.
/// </summary>
public class AwsRulesInExportsTests
{
    [Fact]
    public void An_express_export_never_asks_for_the_39_zookeeper_string_that_MSK_refuses_for_express()
    {
        // terraform-provider-aws#48309: "Express instance types are not supported for Kafka version 3.9.x."
        var blueprint = Plans.Blueprint("express");

        Assert.NotEqual("3.9.x", blueprint.KafkaVersion);
        Assert.Contains(blueprint.KafkaVersion, new[] { "3.6.0", "3.8.x", "3.9.x.kraft" });
        var refused = (Plans.Base with { BrokerType = "express.m7g.large", KafkaVersion = "3.9.x" }).Resolve();
        Assert.Equal("kafkaVersion", Assert.Single(refused.Errors).Field);
    }

    [Theory]
    [InlineData("3.7.x.kraft")]
    [InlineData("3.9.x.kraft")]
    [InlineData("4.0.x.kraft")]
    [InlineData("4.1.x.kraft")]
    public void T3_on_any_kraft_version_is_refused_at_the_version_field(string version)
    {
        var outcome = (Plans.Base with { AvgDataInMiBps = 1, Partitions = 100, BrokerType = "kafka.t3.small", KafkaVersion = version }).Resolve();

        Assert.Equal("kafkaVersion", Assert.Single(outcome.Errors).Field);
    }

    [Fact]
    public void The_form_offers_each_broker_type_only_the_versions_MSK_creates_it_with()
    {
        static IEnumerable<string> Offered(string type) => InputCatalog.KafkaVersion.OptionsFor(new SizingRequest { BrokerType = type }).Select(o => o.Value);

        Assert.DoesNotContain(Offered("kafka.t3.small"), v => v.EndsWith(".kraft", StringComparison.Ordinal) || v.StartsWith('4'));
        Assert.DoesNotContain("3.9.x", Offered("express.m7g.large"));
        Assert.Contains("3.8.x", Offered("express.m7g.large"));
        Assert.Contains("4.0.x.kraft", Offered("kafka.m7g.large"));
    }

    [Fact]
    public void Provisioned_throughput_is_exported_on_volumes_of_at_least_10_GiB()
    {
        // MSK guide, "Provision storage throughput": the volume must be at least 10 GiB.
        var tiny = Plans.Base with { AvgDataInMiBps = 0.01, AvgDataOutMiBps = 0.01, Partitions = 30, RetentionHours = 1, ProvisionedThroughputMiBps = 250, BrokerType = "kafka.m5.4xlarge" };
        var blueprint = Plans.Blueprint(tiny);

        var cluster = Parsers.Yaml(CloudFormationExport.Cluster(blueprint))["Resources"]!["Cluster"]!["Properties"]!;
        var ebs = cluster["BrokerNodeGroupInfo"]!["StorageInfo"]!["EBSStorageInfo"]!;
        Assert.NotNull(ebs["ProvisionedThroughput"]);
        Assert.True(ebs["VolumeSize"]!.GetValue<long>() >= 10, ebs.ToJsonString());
    }

    [Fact]
    public void The_provisioned_throughput_a_count_relies_on_is_turned_on_in_every_export()
    {
        // 3 x kafka.m5.8xlarge for 80 MiB/s tiered rely on 850 MiB/s volumes; MSK's default is 250 (AwsRulesInSizingTests works it by hand).
        var blueprint = Plans.Blueprint(Plans.Base with
        {
            AvgDataInMiBps = 80,
            AvgDataOutMiBps = 160,
            Partitions = 2000,
            RetentionHours = 720,
            PrimaryRetentionHours = 24,
            BrokerType = "kafka.m5.8xlarge",
        });

        Assert.Equal(3, blueprint.BrokersPerCluster);
        var ebs = Parsers.Yaml(CloudFormationExport.Cluster(blueprint))["Resources"]!["Cluster"]!["Properties"]!["BrokerNodeGroupInfo"]!["StorageInfo"]!["EBSStorageInfo"]!;
        Assert.Equal(850, ebs["ProvisionedThroughput"]!["VolumeThroughput"]!.GetValue<long>());
        var terraform = Parsers.Hcl(DeployFiles.For(blueprint, ExportKind.Terraform)[0]).ToJsonString();
        Assert.Contains("\"volume_throughput\":850", terraform, StringComparison.Ordinal);
        var review = Assert.Single(PlanReview.For(blueprint), i => i.Code == "volume-throughput");
        Assert.Equal((ReviewStatus.Pass, true), (review.Status, review.Finding.Contains("850 MiB/s provisioned", StringComparison.Ordinal) && review.Finding.Contains("take 6", StringComparison.Ordinal)));
        var cli = DeployFiles.For(blueprint, ExportKind.Cli).Single(f => f.Path.EndsWith(".json", StringComparison.Ordinal) && f.Text.Contains("BrokerNodeGroupInfo", StringComparison.Ordinal));
        Assert.Equal(850, System.Text.Json.Nodes.JsonNode.Parse(cli.Text)!["BrokerNodeGroupInfo"]!["StorageInfo"]!["EbsStorageInfo"]!["ProvisionedThroughput"]!["VolumeThroughput"]!.GetValue<long>());
    }

    [Fact]
    public void The_load_test_topic_has_the_partitions_a_kafka_team_typed_not_a_third_of_them()
    {
        // 2,000 typed were read as replicas and made a 667-partition topic; they are leader partitions now.
        var blueprint = Plans.Blueprint(Plans.Base with { Partitions = null, LeaderPartitions = 2000, BrokerType = "kafka.m7g.xlarge" });

        Assert.Contains("--partitions 2000 --replication-factor 3", LoadTest.Commands(blueprint), StringComparison.Ordinal);
        Assert.Equal(6000, blueprint.Input.Partitions);
    }

    [Fact]
    public void A_zookeeper_cluster_is_never_exported_with_more_than_30_brokers()
    {
        // MSK quotas: 30 brokers per ZooKeeper-based cluster, 60 per KRaft-based one.
        var zooKeeper = Plans.Base with { AvgDataInMiBps = 300, AvgDataOutMiBps = 300, Partitions = 6000, BrokerType = "kafka.m5.large", KafkaVersion = "3.9.x" };
        var kraft = zooKeeper with { KafkaVersion = "3.9.x.kraft" };

        var onZooKeeper = ClusterBlueprint.From(Plans.Size(zooKeeper), null, "Big");
        var onKraft = Plans.Blueprint(kraft);

        Assert.InRange(onKraft.BrokersPerCluster, 31, 60);
        Assert.True(onZooKeeper.Value!.BrokersPerCluster <= 30, $"{onZooKeeper.Value.BrokersPerCluster} x {onZooKeeper.Value.Type.Name}");
        Assert.True(onZooKeeper.Value.Clusters >= 2);
        var picked = Plans.Blueprint(zooKeeper with { BrokerType = null }, BrokerFamily.M5);
        Assert.True(picked.BrokersPerCluster <= 30, $"{picked.BrokersPerCluster} x {picked.Type.Name}");
    }

    [Fact]
    public void A_split_over_the_account_quota_of_90_brokers_is_flagged_in_the_review()
    {
        var review = PlanReview.For(Plans.Blueprint("split past the quota"));

        var account = Assert.Single(review, i => i.Code == "account-quota");
        Assert.Equal(ReviewStatus.Warn, account.Status);
        Assert.Contains("90", account.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cluster_configuration_deletes_at_the_plans_retention_not_at_MSKs_seven_days()
    {
        var blueprint = Plans.Blueprint(Plans.Base with { RetentionHours = 24 }, BrokerFamily.M7g);

        Assert.Contains("log.retention.ms=86400000\n", blueprint.ServerPropertiesText, StringComparison.Ordinal);
        Assert.Contains("keeps 24 hours", Assert.Single(PlanReview.For(blueprint), i => i.Code == "retention").Finding, StringComparison.Ordinal);
        var terraform = Parsers.Hcl(DeployFiles.For(blueprint, ExportKind.Terraform)[0]);
        var properties = terraform["resource"]!["aws_msk_configuration"]!.AsObject().Single().Value![0]!["server_properties"]!.GetValue<string>();
        Assert.Contains("log.retention.ms=86400000", properties, StringComparison.Ordinal);
    }

    [Fact]
    public void Express_carries_the_plans_retention_too_since_it_bills_every_GiB_kept()
    {
        Assert.Contains("log.retention.ms=259200000\n", Plans.Blueprint(Plans.Base with { RetentionHours = 72 }, BrokerFamily.Express).ServerPropertiesText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tiered_plan_turns_tiering_on_per_topic_with_its_hours_on_disk_and_in_all()
    {
        // 24 h on disk of 720 h: local.retention.ms stays at its default -2 (all on disk) unless set.
        var blueprint = Plans.Blueprint("tiered storage");

        var script = Assert.Single(DeployFiles.For(blueprint, ExportKind.Cli), f => f.Path == "cli/tiered-topics.sh").Text;
        Assert.Contains("--add-config remote.storage.enable=true,local.retention.ms=86400000,retention.ms=2592000000", script, StringComparison.Ordinal);
        Assert.Contains("--config remote.storage.enable=true --config local.retention.ms=86400000 --config retention.ms=2592000000", LoadTest.Commands(blueprint), StringComparison.Ordinal);
        Assert.DoesNotContain(DeployFiles.For(Plans.Blueprint("standard EBS"), ExportKind.Cli), f => f.Path == "cli/tiered-topics.sh");
    }

    [Fact]
    public void A_tiered_plan_kept_under_three_days_is_refused_at_the_retention_field()
    {
        // "Guidelines for Amazon MSK tiered storage topic-level configuration": retention.ms of at least 3 days.
        var outcome = (Plans.Base with { RetentionHours = 48, PrimaryRetentionHours = 12 }).Resolve();

        Assert.Equal("retentionHours", Assert.Single(outcome.Errors).Field);
        Assert.True((Plans.Base with { RetentionHours = 72, PrimaryRetentionHours = 12 }).Resolve().Succeeded);
    }

    [Fact]
    public void The_data_in_alarm_sits_above_the_load_the_plan_puts_on_each_broker()
    {
        // The case: 50 MiB/s in on kafka.m7g.large.
        var blueprint = Plans.Blueprint(Plans.Base with { BrokerType = "kafka.m7g.large" });
        var bytesIn = Alarms.For(blueprint).Single(a => a.Id == "bytes-in");

        var averagePerBroker = 50.0 / blueprint.Option.Brokers;
        Assert.True(bytesIn.Threshold > averagePerBroker * 1024 * 1024, $"{bytesIn.Condition} on {blueprint.Option.Brokers} brokers");
        Assert.Contains("the plan expects", bytesIn.Protects, StringComparison.Ordinal);
    }

    [Fact]
    public void On_zookeeper_the_controller_alarm_fires_unless_the_cluster_sums_to_exactly_one_and_when_silent()
    {
        var blueprint = Plans.Blueprint(Plans.Base with { KafkaVersion = "3.9.x" }, BrokerFamily.M5);

        var files = DeployFiles.For(blueprint, ExportKind.Alarms);
        var terraform = Parsers.Hcl(files.Single(f => f.Path.EndsWith(".tf", StringComparison.Ordinal)));
        var controller = terraform["resource"]!["aws_cloudwatch_metric_alarm"]!["active_controller"]![0]!;
        Assert.Equal("breaching", controller["treat_missing_data"]!.GetValue<string>());
        var queries = controller["metric_query"]!.AsArray();
        Assert.Contains(queries, q => q!["expression"]?.GetValue<string>() == "ABS(m1 - 1)");
        Assert.Contains(queries, q => q!["metric"]?[0]?["stat"]?.GetValue<string>() == "Sum");
        var cloudFormation = Parsers.Yaml(files.Single(f => f.Path.EndsWith(".yaml", StringComparison.Ordinal)).Text)["Resources"]!.AsObject();
        Assert.Contains(cloudFormation, r => r.Value is JsonObject { } resource && resource["Properties"]?["TreatMissingData"]?.GetValue<string>() == "breaching");
    }

    [Fact]
    public void In_kraft_mode_no_controller_alarm_waits_on_a_metric_and_the_offline_partitions_alarm_says_it_watches()
    {
        var alarms = Alarms.For(Plans.Blueprint(Plans.Base with { KafkaVersion = "3.9.x.kraft" }, BrokerFamily.M5));

        Assert.DoesNotContain(alarms, a => a.Id == "active-controller");
        Assert.Contains("KRaft", alarms.Single(a => a.Id == "offline-partitions").Protects, StringComparison.Ordinal);
    }

    [Fact]
    public void Express_alarms_watch_CPU()
    {
        var cpu = Alarms.For(Plans.Blueprint("express")).Single(a => a.Id == "cpu");

        Assert.Equal(60, cpu.Threshold);
    }

    [Property(Arbitrary = [typeof(ExportedPlans)], MaxTest = 60)]
    public bool No_export_carries_a_version_its_type_refuses_or_a_retention_other_than_the_plans_or_an_alarm_under_its_load(SizingRequest request)
    {
        var resolved = request.Resolve();
        var outcome = resolved.Succeeded
            ? ClusterBlueprint.From(SizingEngine.Size(resolved.Value!, new Pricing.BundledSnapshotPriceSource().Snapshot), null, "Property")
            : Sizing.Outcome.Failure<ClusterBlueprint>(resolved.Errors);
        if (!outcome.Succeeded)
        {
            return true;
        }

        var plan = outcome.Value!;
        var version = ClusterChoices.Versions.Single(v => v.Name == plan.KafkaVersion);
        var retention = plan.ServerProperties.Single(p => p.Key == "log.retention.ms").Value;
        var alarms = Alarms.For(plan);
        return ClusterChoices.Runs(plan.Type, version)
            && long.Parse(retention, System.Globalization.CultureInfo.InvariantCulture) == (long)Math.Round(request.RetentionHours!.Value * 3_600_000)
            && alarms.Single(a => a.Id == "bytes-in").Threshold >= request.PeakDataInMiBps!.Value / plan.Option.Brokers * 1024 * 1024 - 1
            && alarms.Single(a => a.Id == "bytes-out").Threshold >= request.PeakDataOutMiBps!.Value / plan.Option.Brokers * 1024 * 1024 - 1
            && (plan.BrokersPerCluster <= (version.KRaft ? 60 : 30));
    }
}

public static class ExportedPlans
{
    public static Arbitrary<SizingRequest> Requests() =>
        (from avgIn in Gen.Choose(1, 4000)
         from peakFactor in Gen.Choose(1, 4)
         from fanOut in Gen.Choose(1, 4)
         from retention in Gen.Elements(24, 72, 168, 720)
         from partitions in Gen.Choose(100, 60_000)
         from type in Gen.Elements<string?>([null, .. BrokerCatalog.All.Select(t => t.Name)])
         from version in Gen.Elements<string?>([null, .. ClusterChoices.Versions.Select(v => v.Name)])
         from utilization in Gen.Elements(0.25, 0.5, 0.8)
         select Plans.Base with
         {
             AvgDataInMiBps = avgIn,
             PeakDataInMiBps = avgIn * peakFactor,
             AvgDataOutMiBps = avgIn * fanOut,
             PeakDataOutMiBps = avgIn * fanOut * peakFactor,
             RetentionHours = retention,
             Partitions = partitions,
             BrokerType = type,
             KafkaVersion = type is null ? null : version,
             PeakUtilization = utilization,
         }).ToArbitrary();
}
