namespace MskPlanner.Sizing.Tests;

/// <summary>Cases worked by hand, including the reference guide's own examples.</summary>
public class WorkedExampleTests
{
    [Fact]
    public void At_rf_3_83_MiBps_of_client_ingress_writes_249_MiBps_just_under_the_250_MiBps_ebs_ceiling()
    {
        var ebsCeiling = BrokerCatalog.Find("kafka.m5.2xlarge")!.EbsThroughputMiBps;

        var at83 = Inputs.Size(new SizingRequest { AvgDataInMiBps = 83, Partitions = 100 });
        var at84 = Inputs.Size(new SizingRequest { AvgDataInMiBps = 84, Partitions = 100 });

        Assert.Equal(250, ebsCeiling);
        Assert.Equal(249, at83.Storage.WriteMiBpsPerReplicaSet);
        Assert.True(at83.Storage.WriteMiBpsPerReplicaSet <= ebsCeiling);
        Assert.True(at84.Storage.WriteMiBpsPerReplicaSet > ebsCeiling);
    }

    [Fact]
    public void Express_2xlarge_needs_6_brokers_for_100_MiBps_in_read_by_5_consumer_groups()
    {
        var result = Inputs.Size(new SizingRequest { AvgDataInMiBps = 100, AvgDataOutMiBps = 500, Partitions = 1000 });
        var option = result.Option("express.m7g.2xlarge");

        // 125 MiB/s sustained egress per broker: 500 / 125 = 4, rounded up to a multiple of 3.
        Assert.Equal(125, option.Limits.Single(l => l.Kind == LimitKind.Egress).CapacityPerBroker);
        Assert.Equal(6, option.Brokers);
        Assert.Equal(LimitKind.Egress, option.BindingLimit);
    }

    [Fact]
    public void Two_azs_and_rf_2_size_with_their_own_factors_and_even_broker_counts()
    {
        var result = Inputs.Size(new SizingRequest
        {
            AvgDataInMiBps = 10,
            AvgDataOutMiBps = 20,
            Partitions = 100,
            RetentionHours = 24,
            ReplicationFactor = 2,
            AvailabilityZones = 2,
        });
        var option = result.Option("kafka.m5.large");

        // One AZ of two down: survivors carry 2x. storage = 2 + 0.5 + 3 = 5.5;
        // network = fan-out 2 x 2 + 1.1 x 1 + 0.5 + 3 = 8.6; ingress = min(81 / 5.5, 96 / 8.6) = 11.163 MiB/s.
        Assert.Equal(96 / 8.6, option.IngressPerBrokerMiBps, 9);
        Assert.Equal(2, option.Limits.Single(l => l.Kind == LimitKind.Ingress).BrokersNeeded);
        Assert.Equal(2, option.Brokers);

        // EBS: 10 MiB/s x 24 h x 3600 x RF 2 / 1024 / 0.5 = 3375 GiB.
        Assert.Equal(3375, result.Storage.EbsGiB, 9);

        // Half the producers' traffic crosses AZs: 5 MiB/s x 3600 x 730 / 1024 = 12,832.03 GiB at $0.02.
        Assert.Equal(5, result.Network.CrossAzProducerMiBps, 9);
        Assert.Equal(256.64m, option.MonthlyCost!.CrossAz);
    }

    [Fact]
    public void Express_is_not_available_with_two_azs_and_is_never_recommended_there()
    {
        var result = Inputs.Size(new SizingRequest { AvgDataInMiBps = 10, Partitions = 100, AvailabilityZones = 2 });

        Assert.All(result.Options.Where(o => o.Type.Class == BrokerClass.Express), o => Assert.False(o.IsAvailable));
        Assert.Null(result.Recommended.Single(r => r.Family == BrokerFamily.Express).Option);
        Assert.Contains(result.Advice, a => a.Code == "three-azs");
    }

    [Fact]
    public void A_broker_type_without_a_price_in_the_region_is_not_offered_rather_than_free()
    {
        var result = Inputs.Size(new SizingRequest { AvgDataInMiBps = 10, Partitions = 100 }, ReferencePrices.Without("kafka.m7g.large"));
        var option = result.Option("kafka.m7g.large");

        Assert.False(option.IsAvailable);
        Assert.Null(option.MonthlyCost);
        Assert.Contains("Not offered", option.UnavailableReason);
        Assert.NotEqual("kafka.m7g.large", result.Recommended.Single(r => r.Family == BrokerFamily.M7g).Option!.Type.Name);
    }

    [Fact]
    public void The_recommended_pick_is_the_cheapest_type_of_its_family_within_the_quota()
    {
        var result = Inputs.Size(new SizingRequest { AvgDataInMiBps = 100, PeakDataInMiBps = 300, AvgDataOutMiBps = 500, PeakDataOutMiBps = 1500, Partitions = 6000, RetentionHours = 72 });

        foreach (var pick in result.Recommended.Where(r => r.Family != BrokerFamily.T3))
        {
            var family = result.Options.Where(o => o.Type.Family == pick.Family && o.IsAvailable && o.Brokers <= 60);
            Assert.Equal(family.Min(o => o.MonthlyCost!.Total), pick.Option!.MonthlyCost!.Total);
            Assert.Null(pick.Split);
        }

        // No T3 count fits T3's ZooKeeper quota of 30, and a development broker over many clusters is no pick.
        var t3 = result.Recommended.Single(r => r.Family == BrokerFamily.T3);
        Assert.Null(t3.Option);
        Assert.Contains("not suited", t3.Reason, StringComparison.Ordinal);

        // m5.large needs 84 and m5.xlarge 51 brokers: the 60-broker quota leaves m5.xlarge as the cheapest M5.
        Assert.Equal("kafka.m5.xlarge", result.Recommended.Single(r => r.Family == BrokerFamily.M5).Option!.Type.Name);
    }

    [Fact]
    public void A_workload_beyond_the_quota_for_every_size_gets_a_multi_cluster_proposal()
    {
        var result = Inputs.Size(new SizingRequest { AvgDataInMiBps = 40, AvgDataOutMiBps = 40, Partitions = 1500, RetentionHours = 8760 });
        var m5 = result.Recommended.Single(r => r.Family == BrokerFamily.M5);

        // A year of retention needs 453 volumes of 16 TiB whatever the size: 453 / 60 -> 8 clusters of 57, which are
        // 456 brokers: the pick is counted and priced as proposed, not as the limits' 453.
        Assert.Equal(new ClusterSplit(8, 57), m5.Split);
        Assert.Equal(456, m5.Option!.Brokers);
        Assert.Equal(453, result.Options.Single(o => o.Type == m5.Option.Type).Brokers);
        Assert.Equal(Math.Round(456m * (decimal)ReferencePrices.UsEast1.BrokerHourly[m5.Option.Type.Name] * 730m, 2), m5.Option.MonthlyCost!.Brokers);
        Assert.Contains(result.Advice, a => a.Code == "broker-quota" && a.Message.Contains("8 clusters", StringComparison.Ordinal));
    }

    [Fact]
    public void Min_isr_advice_is_rf_minus_one()
    {
        var rf2 = Inputs.Size(new SizingRequest { AvgDataInMiBps = 10, Partitions = 100, ReplicationFactor = 2 });

        Assert.Contains(rf2.Advice, a => a.Code == "min-isr" && a.Message.Contains("to 1 (RF - 1)", StringComparison.Ordinal));
        Assert.Contains(rf2.Advice, a => a.Code == "replication-factor");
    }

    [Fact]
    public void T3_is_sized_at_its_baseline_and_marked_for_development_only()
    {
        var result = Inputs.Size(new SizingRequest { AvgDataInMiBps = 1, Partitions = 50, RetentionHours = 24 });
        var t3 = result.Option("kafka.t3.small");

        // Baselines: 128 Mbps network = 15.26 MiB/s, 174 Mbps EBS = 20.74 MiB/s; network factor 1.5 + 5.7 = 7.2.
        Assert.Equal(128e6 / 8 / 1048576 / 7.2, t3.IngressPerBrokerMiBps, 9);
        Assert.Equal(3, t3.Brokers);
        Assert.Equal(Math.Round(3 * 0.0456m * 730, 2), t3.MonthlyCost!.Brokers);
        Assert.Contains(result.Advice, a => a.Code == "t3-development");
    }

    [Fact]
    public void Turning_off_nearest_replica_fetching_adds_the_consumers_cross_az_traffic()
    {
        var on = Inputs.Size(new SizingRequest { AvgDataInMiBps = 30, AvgDataOutMiBps = 60, Partitions = 300 });
        var off = Inputs.Size(new SizingRequest { AvgDataInMiBps = 30, AvgDataOutMiBps = 60, Partitions = 300, NearestReplicaFetching = false });

        // 60 MiB/s x 2/3 x 3600 x 730 / 1024 x $0.02 = $2,053.13 more a month.
        Assert.Equal(40, off.Network.CrossAzConsumerMiBps, 9);
        Assert.InRange(off.Option("kafka.m5.large").MonthlyCost!.CrossAz - on.Option("kafka.m5.large").MonthlyCost!.CrossAz, 2053.12m, 2053.14m);
        Assert.Contains(off.Advice, a => a.Code == "nearest-replica");
        Assert.DoesNotContain(on.Advice, a => a.Code == "nearest-replica");
    }

    [Fact]
    public void A_page_cache_that_does_not_fit_in_memory_is_flagged()
    {
        var result = Inputs.Size(new SizingRequest { AvgDataInMiBps = 50, Partitions = 300, PageCacheSeconds = 600 });
        var large = result.Option("kafka.m5.large");

        // 50 MiB/s x RF 3 / 12 brokers = 12.5 MiB/s each; 600 s of it is 7.32 GiB against 4 GiB of page cache.
        Assert.Equal(600 * 12.5 / 1024, large.Memory.RequiredGiB, 9);
        Assert.False(large.Memory.Fits);
        Assert.Contains(result.Advice, a => a.Code == "page-cache" && a.Message.Contains("kafka.m5.large", StringComparison.Ordinal));
    }

    [Fact]
    public void A_measured_tls_derate_lowers_per_broker_capacity()
    {
        var plain = Inputs.Size(new SizingRequest { AvgDataInMiBps = 200, Partitions = 300, RetentionHours = 24 });
        var derated = Inputs.Size(new SizingRequest { AvgDataInMiBps = 200, Partitions = 300, RetentionHours = 24, TlsDeratePercent = 20 });

        Assert.Equal(plain.Option("kafka.m5.2xlarge").IngressPerBrokerMiBps * 0.8, derated.Option("kafka.m5.2xlarge").IngressPerBrokerMiBps, 9);
        Assert.True(derated.Option("kafka.m5.large").Brokers > plain.Option("kafka.m5.large").Brokers);
    }

    [Fact]
    public void The_self_managed_comparison_counts_ec2_brokers_controllers_gp3_and_billed_replication()
    {
        var result = Inputs.Size(new SizingRequest { AvgDataInMiBps = 1, AvgDataOutMiBps = 1, Partitions = 50, RetentionHours = 24 });
        var selfManaged = result.Option("kafka.m5.large").SelfManaged!;

        // 3 x m5.large brokers and 3 m5.large controllers at $0.096/h; 506.25 GiB of gp3 at $0.08;
        // clients 2/3 MiB/s plus 2 replica copies of 1 MiB/s cross AZs: 2.667 MiB/s x 3600 x 730 / 1024 x $0.02.
        Assert.Equal(210.24m, selfManaged.Brokers);
        Assert.Equal(210.24m, selfManaged.Controllers);
        Assert.Equal(40.50m, selfManaged.Storage);
        Assert.Equal(136.88m, selfManaged.CrossAz);
        Assert.Null(result.Option("express.m7g.large").SelfManaged);
    }
}
