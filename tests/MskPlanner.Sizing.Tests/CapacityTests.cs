using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MskPlanner.Sizing.Tests;

public class CapacityTests
{
    private static readonly PriceSheet Prices = ReferencePrices.UsEast1;

    private static ClusterCapacity Capacity(CapacityRequest request) =>
        CapacityEngine.Capacity(request.Resolve().GetValueOrThrow());

    [Fact]
    public void Six_m5_2xlarge_in_three_AZs_take_the_peak_their_EBS_throughput_allows_at_half_utilization()
    {
        // By hand: storage factor RF 3 + lagging 0.5 + rebalancing 3 = 6.5; 250 MiB/s EBS / 6.5 = 38.46 MiB/s per broker
        // (the network's 320 / (1.5 + 2.2 + 0.5 + 3) = 44.44 is higher), at 0.5 utilization 19.23, times 6 brokers.
        // An hour of retention: 6 x 1,000 GiB hold it for 284 MiB/s (6,000 x 0.5 x 1,024 / (3,600 x 3)), so storage does not bind.
        var capacity = Capacity(new() { InstanceType = "kafka.m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 1000, RetentionHours = 1 });

        Assert.Equal(6 * 250 / 6.5 * 0.5, capacity.MaxPeakDataInMiBps, 6);
        Assert.Equal(capacity.MaxPeakDataInMiBps, capacity.MaxPeakDataOutMiBps, 9);
        Assert.Equal(6 * 2000, capacity.MaxPartitions);
        Assert.Equal(LimitKind.Ingress, capacity.BindingLimit);
    }

    [Fact]
    public void Volumes_say_how_many_hours_they_hold_at_todays_data_in_and_bind_when_short_of_the_retention()
    {
        // By hand: 6 x 1,000 GiB x 0.5 target x 1,024 MiB = 3,072,000 MiB; 10 MiB/s x 3,600 s x RF 3 = 108,000 MiB an hour.
        var capacity = Capacity(new() { InstanceType = "kafka.m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 1000, AvgDataInMiBps = 10, RetentionHours = 168 });

        Assert.Equal(3_072_000d / 108_000, capacity.RetentionHoursAtIngress!.Value, 6);
        Assert.Equal(3_072_000d / (168 * 3600 * 3), capacity.MaxAvgDataInMiBpsForRetention!.Value, 9);
        Assert.Equal(LimitKind.Storage, capacity.BindingLimit);
    }

    [Fact]
    public void Volumes_too_small_for_the_retention_of_the_traffic_the_brokers_carry_make_storage_the_binding_limit()
    {
        // The case: 6 x kafka.m5.4xlarge. By hand, on MSK's default 250 MiB/s volumes: min(250 / 6.5, 640 / 7.2) x 0.5
        // = 19.23 MiB/s a broker, 115.4 for six. Volumes for 50 MiB/s kept 72 h: 50 x 72 x 3,600 x 3 / 1,024 / 0.5 / 6 = 12,656.25 GiB each.
        var volume = 50d * 72 * 3600 * 3 / 1024 / 0.5 / 6;
        var capacity = Capacity(new() { InstanceType = "kafka.m5.4xlarge", Brokers = 6, VolumeGiBPerBroker = volume, RetentionHours = 72 });

        Assert.Equal(6 * 250 / 6.5 * 0.5, capacity.MaxPeakDataInMiBps, 6);
        Assert.Equal(50, capacity.MaxAvgDataInMiBpsForRetention!.Value, 6);
        Assert.Equal(LimitKind.Storage, capacity.BindingLimit);
    }

    [Fact]
    public void Ingress_per_broker_means_what_it_means_in_a_sizing_a_broker_at_full_use()
    {
        var capacity = Capacity(new() { InstanceType = "kafka.m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 1000 });

        // min(250 / 6.5, 320 / 7.2) = 38.46 at full use; 19.23 at the default utilization of 0.5.
        Assert.Equal(250 / 6.5, capacity.IngressPerBrokerMiBps, 9);
        Assert.Equal(250 / 6.5 * 0.5, capacity.IngressCapacityPerBrokerMiBps, 9);
        var sized = Inputs.Size(new SizingRequest { AvgDataInMiBps = 10, Partitions = 100 }).Option("kafka.m5.2xlarge");
        Assert.Equal(sized.IngressPerBrokerMiBps, capacity.IngressPerBrokerMiBps, 9);
    }

    [Theory]
    [InlineData(2, LimitKind.Ingress, 3 * 15.625 * 0.75)]
    [InlineData(4, LimitKind.Egress, 3 * 15.625 * 2 / 4)]
    public void Express_brokers_are_bound_by_ingress_until_the_fan_out_passes_their_twice_as_large_egress(double fanOut, LimitKind binding, double expected)
    {
        // By hand: express.m7g.large sustains 15.625 MiB/s in (used to 0.5 x 1.5 = 0.75) and twice that out.
        var capacity = Capacity(new() { InstanceType = "express.m7g.large", Brokers = 3, FanOut = fanOut });

        Assert.Equal(binding, capacity.BindingLimit);
        Assert.Equal(expected, capacity.MaxPeakDataInMiBps, 9);
        Assert.Null(capacity.RetentionHoursAtIngress);
    }

    [Fact]
    public void The_fan_out_may_be_given_as_the_two_peaks()
    {
        var byPeaks = Capacity(new() { InstanceType = "kafka.m7g.xlarge", Brokers = 6, VolumeGiBPerBroker = 500, PeakDataInMiBps = 50, PeakDataOutMiBps = 150 });
        var byRatio = Capacity(new() { InstanceType = "kafka.m7g.xlarge", Brokers = 6, VolumeGiBPerBroker = 500, FanOut = 3 });

        Assert.Equal(byRatio.MaxPeakDataInMiBps, byPeaks.MaxPeakDataInMiBps, 9);
    }

    [Theory]
    [InlineData("kafka.m9.large", 3, 100.0, "instanceType")]
    [InlineData(null, 3, 100.0, "instanceType")]
    [InlineData("kafka.m5.large", 0, 100.0, "brokers")]
    [InlineData("kafka.m5.large", 4, 100.0, "brokers")]
    [InlineData("kafka.m5.large", 3, null, "volumeGiBPerBroker")]
    [InlineData("kafka.m5.large", 3, 20_000.0, "volumeGiBPerBroker")]
    public void A_question_that_cannot_be_answered_names_its_field(string? type, int brokers, double? volume, string field)
    {
        var outcome = new CapacityRequest { InstanceType = type, Brokers = brokers, VolumeGiBPerBroker = volume }.Resolve();

        Assert.Contains(outcome.Errors, e => e.Field == field);
    }

    [Fact]
    public void Express_in_two_zones_or_at_rf_2_is_refused()
    {
        var outcome = new CapacityRequest { InstanceType = "express.m7g.large", Brokers = 4, AvailabilityZones = 2, ReplicationFactor = 2 }.Resolve();

        Assert.Equal(["availabilityZones", "replicationFactor"], outcome.Errors.Select(e => e.Field).Distinct().Order());
    }

    [Property(Arbitrary = [typeof(Clusters)], MaxTest = 300)]
    public bool What_a_cluster_can_take_fed_back_into_the_sizing_needs_no_more_brokers_than_it_has(CapacityRequest request)
    {
        var capacity = Capacity(request);
        var question = capacity.Question;
        if (capacity.MaxPeakDataOutMiBps > InputLimits.MaxThroughputMiBps)
        {
            // Beyond what a sizing request may ask (100,000 MiB/s), so there is no forward sizing to compare with.
            return true;
        }

        var input = new SizingRequest
        {
            AvgDataInMiBps = Math.Max(InputLimits.MinThroughputMiBps, capacity.MaxPeakDataInMiBps),
            AvgDataOutMiBps = Math.Max(InputLimits.MinThroughputMiBps, capacity.MaxPeakDataOutMiBps),
            RetentionHours = 1,
            Partitions = 1,
            ReplicationFactor = question.ReplicationFactor,
            AvailabilityZones = question.AvailabilityZones,
            PeakUtilization = question.PeakUtilization,
            LaggingConsumerFactor = question.LaggingConsumerFactor,
            TlsDeratePercent = question.TlsDeratePercent,
            BrokerQuota = InputLimits.MaxBrokerQuota,
        }.Resolve().GetValueOrThrow();

        var forward = SizingEngine.Size(input, Prices).Options.Single(o => o.Type == question.Type);

        var throughputBrokers = forward.Limits.Where(l => l.Kind is LimitKind.Ingress or LimitKind.Egress).Max(l => l.BrokersNeeded);
        return throughputBrokers <= question.Brokers;
    }

    public static class Clusters
    {
        public static Arbitrary<CapacityRequest> Requests() =>
            (from type in Gen.Elements([.. BrokerCatalog.All])
             from express in Gen.Constant(type.Class == BrokerClass.Express)
             from zones in express ? Gen.Constant(3) : Gen.Elements(2, 3)
             from multiple in Gen.Choose(1, 20)
             from fanOut in Gen.Choose(1, 5_000).Select(i => i / 1_000d)
             from rf in express ? Gen.Constant(3) : Gen.Elements(2, 3)
             from utilization in Gen.Choose(10, 100).Select(i => i / 100d)
             from lagging in Gen.Choose(0, 30).Select(i => i / 10d)
             select new CapacityRequest
             {
                 InstanceType = type.Name,
                 Brokers = zones * multiple,
                 AvailabilityZones = zones,
                 VolumeGiBPerBroker = express ? null : 1000,
                 FanOut = fanOut,
                 ReplicationFactor = rf,
                 PeakUtilization = utilization,
                 LaggingConsumerFactor = lagging,
             }).ToArbitrary();
    }

    [Fact]
    public void An_unknown_broker_type_is_named_alone_without_asking_for_storage()
    {
        var outcome = new CapacityRequest { InstanceType = "kafka.m9.huge", Brokers = 6 }.Resolve();

        Assert.Equal("instanceType", Assert.Single(outcome.Errors).Field);
    }
}
