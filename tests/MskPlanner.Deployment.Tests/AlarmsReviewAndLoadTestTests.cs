using MskPlanner.Sizing;

namespace MskPlanner.Deployment.Tests;

public class AlarmsReviewAndLoadTestTests
{
    private const double BytesPerMiB = 1024 * 1024;

    [Fact]
    public void Throughput_alarms_fire_at_80_percent_of_what_the_sizing_gave_each_broker()
    {
        var blueprint = Plans.Blueprint("standard EBS");
        var limits = blueprint.Option.Limits;

        var alarms = Alarms.For(blueprint).ToDictionary(a => a.Id);

        Assert.Equal(Math.Round(0.8 * limits.Single(l => l.Kind == LimitKind.Ingress).CapacityPerBroker * BytesPerMiB), alarms["bytes-in"].Threshold);
        Assert.Equal(Math.Round(0.8 * limits.Single(l => l.Kind == LimitKind.Egress).CapacityPerBroker * BytesPerMiB), alarms["bytes-out"].Threshold);
    }

    [Fact]
    public void Thresholds_follow_the_plans_own_figures()
    {
        var halfFull = Alarms.For(Plans.Blueprint(Plans.Base, BrokerFamily.M5)).ToDictionary(a => a.Id);
        var fuller = Alarms.For(Plans.Blueprint(Plans.Base with { PeakUtilization = 0.25, RetentionHours = 48 }, BrokerFamily.M5)).ToDictionary(a => a.Id);

        // At a quarter of capacity, 80% of it would sit under the plan's own peak: the peak per broker is the floor.
        var m5 = Plans.Blueprint(Plans.Base with { PeakUtilization = 0.25, RetentionHours = 48 }, BrokerFamily.M5);
        Assert.True(fuller["bytes-in"].Threshold >= 50.0 / m5.Option.Brokers * 1024 * 1024);
        Assert.Equal(168 * 3600 / 2, halfFull["consumer-lag"].Threshold);
        Assert.Equal(48 * 3600 / 2, fuller["consumer-lag"].Threshold);
    }

    [Fact]
    public void Express_alarms_watch_throttling_and_have_no_disk_replication_or_heap_alarms()
    {
        var blueprint = Plans.Blueprint("express");

        var ids = Alarms.For(blueprint).Select(a => a.Id).ToList();

        Assert.Contains("produce-throttle", ids);
        Assert.Contains("fetch-throttle", ids);
        Assert.DoesNotContain("disk", ids);
        Assert.DoesNotContain("under-replicated", ids);
        Assert.DoesNotContain("heap", ids);
        Assert.DoesNotContain("offline-partitions", ids);
        var bytesIn = Alarms.For(blueprint).Single(a => a.Id == "bytes-in");
        Assert.Equal(Math.Round(0.8 * blueprint.Type.ExpressIngressMiBps * BytesPerMiB), bytesIn.Threshold);
    }

    [Fact]
    public void Cluster_level_metrics_read_the_maximum_and_the_controllers_their_sum()
    {
        var alarms = Alarms.For(Plans.Blueprint(Plans.Base with { KafkaVersion = "3.9.x" }, BrokerFamily.M5));

        Assert.All(alarms.Where(a => a.Scope == AlarmScope.Cluster && a.Id != "active-controller"), a => Assert.Equal("Maximum", a.Statistic));
        Assert.Contains(alarms, a => a.Id == "active-controller" && a.Statistic == "Sum");
    }

    [Fact]
    public void T3_gets_a_credit_alarm_and_IAM_plans_a_connection_alarm()
    {
        Assert.Contains(Alarms.For(Plans.Blueprint("T3 on ZooKeeper")), a => a.Id == "cpu-credits");
        Assert.DoesNotContain(Alarms.For(Plans.Blueprint("standard EBS")), a => a.Id == "cpu-credits");
        Assert.Contains(Alarms.For(Plans.Blueprint("standard EBS")), a => a.Id == "connections");
        Assert.DoesNotContain(Alarms.For(Plans.Blueprint("SASL/SCRAM, logs to S3")), a => a.Id == "connections");
    }

    [Fact]
    public void Every_alarm_says_what_it_protects_and_what_to_do()
    {
        Assert.All(Alarms.For(Plans.Blueprint("standard EBS")), a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Protects));
            Assert.False(string.IsNullOrWhiteSpace(a.WhenItFires));
        });
    }

    [Fact]
    public void The_review_fails_an_open_plaintext_cluster_and_passes_the_recommended_one()
    {
        var open = PlanReview.For(Plans.Blueprint("unauthenticated plaintext, no logs")).ToDictionary(i => i.Code);
        var recommended = PlanReview.For(Plans.Blueprint(Plans.Base with { Tags = "team=data" }, BrokerFamily.M5)).ToDictionary(i => i.Code);

        Assert.Equal(ReviewStatus.Fail, open["authentication"].Status);
        Assert.Equal(ReviewStatus.Fail, open["encryption"].Status);
        Assert.Equal(ReviewStatus.Warn, open["logs"].Status);
        Assert.All(recommended.Values, i => Assert.Equal(ReviewStatus.Pass, i.Status));
    }

    [Theory]
    [InlineData("two AZs", "three-azs")]
    [InlineData("RF 2", "replication")]
    [InlineData("RF 2", "nearest-replica")]
    [InlineData("T3 on ZooKeeper", "t3")]
    [InlineData("T3 on ZooKeeper", "version")]
    [InlineData("split past the quota", "quota")]
    [InlineData("standard EBS", "tags")]
    public void The_review_warns_where_the_plan_departs_from_the_guide(string plan, string code)
    {
        Assert.Equal(ReviewStatus.Warn, PlanReview.For(Plans.Blueprint(plan)).Single(i => i.Code == code).Status);
    }

    [Fact]
    public void Load_test_commands_reproduce_the_plans_peak_and_fan_out()
    {
        var blueprint = Plans.Blueprint(Plans.Base with { PeakDataInMiBps = 80, PeakDataOutMiBps = 240 }, BrokerFamily.M5);

        var commands = LoadTest.Commands(blueprint);

        var producers = (int)Math.Ceiling(80 / LoadTest.MiBpsPerProducer);
        var rate = (long)Math.Ceiling(80 * BytesPerMiB / LoadTest.RecordBytes / producers);
        Assert.Contains($"--throughput {rate}", commands, StringComparison.Ordinal);
        Assert.Contains($"--partitions {(int)Math.Ceiling(3000 / 3.0)} --replication-factor 3", commands, StringComparison.Ordinal);
        Assert.Equal(3, commands.Split("bin/kafka-consumer-perf-test.sh").Length - 1);
        Assert.Contains("--bootstrap-server", commands, StringComparison.Ordinal);
        Assert.DoesNotContain("--broker-list", commands, StringComparison.Ordinal);
        Assert.Contains("acks=all", commands, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("standard EBS", "sasl.mechanism=AWS_MSK_IAM")]
    [InlineData("SASL/SCRAM, logs to S3", "sasl.mechanism=SCRAM-SHA-512")]
    [InlineData("mutual TLS, logs to Firehose", "ssl.keystore.location")]
    [InlineData("unauthenticated plaintext, no logs", "security.protocol=PLAINTEXT")]
    public void Client_properties_match_the_authentication(string plan, string expected)
    {
        Assert.Contains(expected, LoadTest.ClientProperties(Plans.Blueprint(plan)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_zip_holds_every_file_under_the_clusters_folder()
    {
        var blueprint = Plans.Blueprint("standard EBS");

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(DeployFiles.Zip(blueprint)));

        Assert.Equal(DeployFiles.All(blueprint).Select(f => $"{blueprint.ClusterName}/{f.Path}").Order(), zip.Entries.Select(e => e.FullName).Order());
        Assert.Equal("orders-prod", blueprint.ClusterName);
    }

    [Fact]
    public void The_review_counts_partitions_per_broker_in_whole_partitions()
    {
        // 1,001 leaders x RF 3 = 3,003 replicas over 1,000 a kafka.m7g.large broker: 4, up to 6 brokers in 3 AZs.
        // 3,003 / 6 = 500.5 on average, so the busiest broker holds 501 (the review said "500.5").
        var plan = Plans.Blueprint(Plans.Base with { AvgDataInMiBps = 1, AvgDataOutMiBps = 1, Partitions = null, LeaderPartitions = 1001, BrokerType = "kafka.m7g.large" });

        Assert.Equal(6, plan.BrokersPerCluster);
        Assert.StartsWith("501 per broker", PlanReview.For(plan).Single(i => i.Code == "partitions").Finding, StringComparison.Ordinal);
    }
}
