namespace MskPlanner.Sizing.Tests;

/// <summary>Sizing answers held against AWS's published rules (docs/aws-rules.md gives each rule's source).</summary>
public class AwsRulesInSizingTests
{
    [Fact]
    public void T3_is_not_offered_for_a_tiered_plan_and_says_why()
    {
        // The console's tiered-storage steps: "Specify a size of broker other than kafka.t3.small".
        var result = Inputs.Size(new SizingRequest { AvgDataInMiBps = 1, RetentionHours = 720, PrimaryRetentionHours = 24, Partitions = 300 });

        Assert.False(result.Option("kafka.t3.small").IsAvailable);
        var t3 = result.Recommended.Single(r => r.Family == BrokerFamily.T3);
        Assert.Null(t3.Option);
        Assert.Contains("not on kafka.t3.small", t3.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void T3_over_its_zookeeper_quota_is_not_suited_rather_than_split_over_clusters()
    {
        var t3 = Inputs.Size(new SizingRequest { AvgDataInMiBps = 50, AvgDataOutMiBps = 100, Partitions = 3000 }).Recommended.Single(r => r.Family == BrokerFamily.T3);

        Assert.Null(t3.Option);
        Assert.Null(t3.Split);
        Assert.Contains("not suited", t3.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zookeeper_version_holds_a_cluster_to_30_brokers_and_kraft_to_60()
    {
        var request = new SizingRequest { AvgDataInMiBps = 300, AvgDataOutMiBps = 300, Partitions = 6000 };

        var zooKeeper = Inputs.Valid(request with { KafkaVersion = "3.9.x" });
        var kraft = Inputs.Valid(request with { KafkaVersion = "3.9.x.kraft" });

        Assert.Equal(30, zooKeeper.BrokerQuotaFor(BrokerCatalog.Find("kafka.m5.large")!));
        Assert.Equal(60, kraft.BrokerQuotaFor(BrokerCatalog.Find("kafka.m5.large")!));
        Assert.Equal(30, kraft.BrokerQuotaFor(BrokerCatalog.T3Small));
        var m5 = SizingEngine.Size(zooKeeper, ReferencePrices.UsEast1).Recommended.Single(r => r.Family == BrokerFamily.M5);
        Assert.True((m5.Split?.BrokersPerCluster ?? m5.Option!.Brokers) <= 30);
    }

    [Fact]
    public void Provisioned_throughput_is_priced_on_at_least_10_GiB_a_broker()
    {
        var result = Inputs.Size(new SizingRequest
        {
            AvgDataInMiBps = 0.01,
            AvgDataOutMiBps = 0.01,
            Partitions = 30,
            RetentionHours = 1,
            ProvisionedThroughputMiBps = 250,
        });

        var option = result.Option("kafka.m5.4xlarge");
        Assert.Equal(10, option.VolumePerBrokerGiB);
        Assert.Equal(Math.Round((decimal)(option.Brokers * 10 * ReferencePrices.UsEast1.StoragePerGiBMonth), 2), option.MonthlyCost!.Storage);
    }

    [Fact]
    public void Serverless_quotas_are_read_as_AWSs_megabytes_so_195_MiBps_in_does_not_fit()
    {
        // AWS: 200 MBps of ingress per cluster; 200 x 10^6 bytes/s is 190.7 MiB/s.
        var serverless = Inputs.Size(new SizingRequest { AvgDataInMiBps = 100, PeakDataInMiBps = 195, AvgDataOutMiBps = 100, Partitions = 3000 }).Serverless!;

        Assert.Equal("ingress", serverless.RuledOutBy!.Limit.Key);
        Assert.Equal(200_000_000 / 1_048_576d, ServerlessLimits.Ingress.Cap, 9);
        Assert.Equal(5_000_000 / 1_048_576d, ServerlessLimits.PartitionIngress.Cap, 9);
    }

    [Fact]
    public void Express_warns_when_a_partition_carries_more_than_15_MBps()
    {
        // 120 MiB/s over 18 leader partitions (54 replicas at RF 3) is 6.7 MiB/s each: fine; over 6 leaders, 20.
        var spread = Inputs.Size(new SizingRequest { AvgDataInMiBps = 120, AvgDataOutMiBps = 120, Partitions = 54 });
        var hot = Inputs.Size(new SizingRequest { AvgDataInMiBps = 120, AvgDataOutMiBps = 120, Partitions = 18 });

        Assert.DoesNotContain(spread.Advice, a => a.Code == "express-partition-throughput");
        Assert.Contains(hot.Advice, a => a.Code == "express-partition-throughput" && a.Message.Contains("15 MB/s", StringComparison.Ordinal));
    }

    [Fact]
    public void More_brokers_than_leader_partitions_is_flagged()
    {
        var result = Inputs.Size(new SizingRequest { AvgDataInMiBps = 120, AvgDataOutMiBps = 120, Partitions = 18 });

        var advice = Assert.Single(result.Advice, a => a.Code == "brokers-over-leaders");
        Assert.Contains("6 leader partitions", advice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void At_equal_cost_the_pick_is_fewer_larger_brokers_and_says_why()
    {
        // 420 MiB/s at peak: 36 x large, 18 x xlarge and 9 x 2xlarge cost the same at linear Express prices.
        var express = Inputs.Size(new SizingRequest { AvgDataInMiBps = 420, AvgDataOutMiBps = 420, Partitions = 3000 })
            .Recommended.Single(r => r.Family == BrokerFamily.Express);

        Assert.Equal("express.m7g.2xlarge", express.Option!.Type.Name);
        Assert.Equal(9, express.Option.Brokers);
        Assert.Contains("fewer, larger brokers", express.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_that_relies_on_more_than_250_MiBps_a_volume_carries_and_costs_the_provisioned_throughput_with_the_plain_count_beside_it()
    {
        // 80 MiB/s in, 160 out, 30 days with 24 h on disk. By hand, on kafka.m5.8xlarge:
        // storage factor = RF 3 + lagging 0.5 + rebalancing 3 + tiered 1.5 = 8; network factor = 2 x 1.5 + 2.2 + 0.5 + 3 + 1.5 = 10.2.
        // The method: min(850 / 8, 1280 / 10.2) = 106.25 MiB/s a broker, x 0.5 = 53.125; 80 / 53.125 -> 2 -> 3 brokers.
        // That needs 106.25 x 8 = 850 MiB/s from each volume. MSK's volumes give 250 (MSK guide, "Manage storage
        // throughput"): 250 / 8 x 0.5 = 15.625 a broker; 80 / 15.625 = 5.12 -> 6 brokers.
        var option = Inputs.Size(new SizingRequest { AvgDataInMiBps = 80, AvgDataOutMiBps = 160, Partitions = 2000, RetentionHours = 720, PrimaryRetentionHours = 24 })
            .Option("kafka.m5.8xlarge");

        Assert.Equal(3, option.Brokers);
        Assert.Equal(850, option.ProvisionedThroughputMiBps);
        Assert.Equal(3 * 850 * 0.08m, option.MonthlyCost!.ProvisionedThroughput);
        var plain = option.WithoutProvisionedThroughput!;
        Assert.Equal(6, plain.Brokers);
        Assert.Null(plain.ProvisionedThroughputMiBps);
        Assert.Equal(0m, plain.MonthlyCost!.ProvisionedThroughput);
        Assert.Equal(250, plain.VolumeThroughputMiBps);
    }

    [Fact]
    public void A_count_that_250_MiBps_volumes_reach_anyway_carries_no_provisioned_throughput()
    {
        // 100 MiB/s in, 500 out, 24 h: kafka.m7g.8xlarge needs 6 brokers for storage. On 250 MiB/s volumes:
        // storage factor 6.5, network factor 5 x 1.5 + 2.2 + 0.5 + 3 = 13.2; min(250 / 6.5, 1875 / 13.2) x 0.5 = 19.23;
        // 100 / 19.23 = 5.2 -> 6. The same count, so nothing to provision.
        var option = Inputs.Size(new SizingRequest { AvgDataInMiBps = 100, AvgDataOutMiBps = 500, Partitions = 1000, RetentionHours = 24 }).Option("kafka.m7g.8xlarge");

        Assert.Equal(6, option.Brokers);
        Assert.Null(option.ProvisionedThroughputMiBps);
        Assert.Null(option.WithoutProvisionedThroughput);
        Assert.Equal(250 / 6.5, option.IngressPerBrokerMiBps, 9);
        Assert.Equal(6, option.Limits.Single(l => l.Kind == LimitKind.Ingress).BrokersNeeded);
    }

    [Fact]
    public void Every_type_without_provisioned_throughput_has_an_EBS_maximum_a_plain_volume_delivers()
    {
        // Otherwise its count would rely on throughput MSK cannot give it.
        Assert.All(BrokerCatalog.All.Where(t => t.Class == BrokerClass.Standard && !t.SupportsProvisionedThroughput),
            t => Assert.True(t.EbsThroughputMiBps <= 250, t.Name));
    }

    [Fact]
    public void Express_shows_AWSs_count_at_the_sustained_figure_beside_the_methods_with_its_headroom()
    {
        // AWS's Express best practices: 45 MBps in and 90 out fit 3 x express.m7g.large. 45 MBps = 42.92 MiB/s.
        // The method: 15.625 MiB/s x min(1, 1.5 x 0.5) = 11.72 a broker; 42.92 / 11.72 = 3.66 -> 6 brokers (a multiple of 3 AZs).
        // At the sustained figure itself: 42.92 / 15.625 = 2.75 -> 3; egress 85.83 / 31.25 = 2.75 -> 3.
        var mibps = 1_000_000d / 1_048_576;
        var result = Inputs.Size(new SizingRequest { AvgDataInMiBps = 45 * mibps, AvgDataOutMiBps = 90 * mibps, Partitions = 300 });
        var option = result.Option("express.m7g.large");

        Assert.Equal(6, option.Brokers);
        Assert.Equal(3, option.BrokersAtSustainedIngress);
        var aws = Assert.Single(Explain.Brokers(result, option).Constants, c => c.Name == "AWS's Express guide");
        Assert.Equal("3 brokers", aws.Value);
        Assert.Contains("75%", aws.Source, StringComparison.Ordinal);
        Assert.Null(result.Option("kafka.m5.large").BrokersAtSustainedIngress);
    }

    [Fact]
    public void Express_partitions_are_sized_to_the_lower_recommended_figure_and_count_three_replicas_a_leader()
    {
        // 1,200 leaders at RF 2 are still 3,600 replicas on Express (always RF 3). express.m7g.large: 1,000 recommended,
        // 1,500 at most a broker: 3,600 / 1,000 -> 4 -> 6 brokers (3 AZs); sized to the maximum, 3,600 / 1,500 -> 3.
        var request = new SizingRequest { AvgDataInMiBps = 1, LeaderPartitions = 1200, ReplicationFactor = 2 };

        var recommended = Inputs.Size(request).Option("express.m7g.large").Limits.Single(l => l.Kind == LimitKind.Partitions);
        var maximum = Inputs.Size(request with { UseMaxPartitions = true }).Option("express.m7g.large").Limits.Single(l => l.Kind == LimitKind.Partitions);

        Assert.Equal((3600d, 1000d, 6), (recommended.Demand, recommended.CapacityPerBroker, recommended.BrokersNeeded));
        Assert.Equal((1500d, 3), (maximum.CapacityPerBroker, maximum.BrokersNeeded));
    }
}
