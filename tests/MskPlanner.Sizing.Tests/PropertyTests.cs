using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MskPlanner.Sizing.Tests;

/// <summary>Workloads drawn over wide ranges: from a trickle to tens of GiB/s, 1 hour to 10 years.</summary>
public static class Workloads
{
    public static Arbitrary<SizingInput> Inputs() =>
        (from avgIn in Range(0.1, 5_000)
         from peakFactor in Range(1, 5)
         from fanOut in Range(0.1, 5)
         from peakOutFactor in Range(1, 3)
         from retention in Range(1, 87_600)
         from primaryShare in Range(0.01, 1)
         from partitions in Gen.Choose(1, 2_000_000)
         from rf in Gen.Elements(2, 3)
         from zones in Gen.Elements(2, 3)
         from nearest in Gen.Elements(true, false)
         from disk in Range(0.1, 0.85)
         from utilization in Range(0.1, 1)
         from lagging in Range(0, 3)
         from pst in Gen.Elements<double?>(null, 250, 500, 1000)
         from maxPartitions in Gen.Elements(true, false)
         from tls in Range(0, 50)
         select Valid(new SizingRequest
         {
             AvgDataInMiBps = avgIn,
             PeakDataInMiBps = avgIn * peakFactor,
             AvgDataOutMiBps = avgIn * fanOut,
             PeakDataOutMiBps = avgIn * fanOut * peakOutFactor,
             RetentionHours = retention,
             // MSK tiers only topics kept 3 days or more, so shorter plans keep it all on broker disks.
             PrimaryRetentionHours = retention < ClusterChoices.MinTieredRetentionHours ? retention : Math.Max(0.01, retention * primaryShare),
             Partitions = partitions,
             ReplicationFactor = rf,
             AvailabilityZones = zones,
             NearestReplicaFetching = nearest,
             DiskUtilizationTarget = disk,
             PeakUtilization = utilization,
             LaggingConsumerFactor = lagging,
             ProvisionedThroughputMiBps = pst,
             UseMaxPartitions = maxPartitions,
             TlsDeratePercent = tls,
         })).ToArbitrary();

    /// <summary>Every input at the edges of what validation lets through, where overflow would show first.</summary>
    public static Arbitrary<SizingRequest> Extremes() =>
        (from avgIn in Edge(InputLimits.MinThroughputMiBps, InputLimits.MaxThroughputMiBps)
         from avgOut in Edge(InputLimits.MinThroughputMiBps, InputLimits.MaxThroughputMiBps)
         from retention in Edge(1e-6, InputLimits.MaxRetentionHours)
         from partitions in Gen.Elements(1, InputLimits.MaxPartitions)
         from disk in Gen.Elements(InputLimits.MinDiskUtilizationTarget, InputLimits.MaxDiskUtilizationTarget)
         from utilization in Gen.Elements(InputLimits.MinPeakUtilization, 1)
         from lagging in Gen.Elements(0, InputLimits.MaxLaggingConsumerFactor)
         from tls in Gen.Elements(0, InputLimits.MaxTlsDeratePercent)
         from pageCache in Gen.Elements(0, InputLimits.MaxPageCacheSeconds)
         from quota in Gen.Elements(1, InputLimits.MaxBrokerQuota)
         from zones in Gen.Elements(2, 3)
         select new SizingRequest
         {
             AvgDataInMiBps = avgIn,
             AvgDataOutMiBps = avgOut,
             RetentionHours = retention,
             Partitions = partitions,
             AvailabilityZones = zones,
             DiskUtilizationTarget = disk,
             PeakUtilization = utilization,
             LaggingConsumerFactor = lagging,
             TlsDeratePercent = tls,
             PageCacheSeconds = pageCache,
             BrokerQuota = quota,
         }).ToArbitrary();

    private static Gen<double> Edge(double min, double max) =>
        Gen.OneOf(Gen.Elements(min, max, min * 1.5, max / 1.5), Range(min, max));

    private static Gen<double> Range(double min, double max) =>
        Gen.Choose(0, 1_000_000).Select(i => min + ((max - min) * i / 1_000_000d));

    private static SizingInput Valid(SizingRequest request) =>
        request.Resolve().GetValueOrThrow();
}

[Properties(Arbitrary = [typeof(Workloads)], MaxTest = 300)]
public class PropertyTests
{
    private static readonly PriceSheet Prices = ReferencePrices.UsEast1;

    [Property]
    public bool Broker_counts_are_multiples_of_the_az_count(SizingInput input) =>
        SizingEngine.Size(input, Prices).Options.All(o =>
            o.Brokers % (o.Type.Class == BrokerClass.Express ? 3 : input.AvailabilityZones) == 0 && o.Brokers > 0);

    [Property]
    public bool More_peak_data_in_never_means_fewer_brokers(SizingInput input, PositiveInt extraPercent)
    {
        var more = input with { PeakDataInMiBps = input.PeakDataInMiBps * (1 + (Math.Min(extraPercent.Get, 500) / 100d)) };
        more = more with { PeakDataOutMiBps = input.PeakDataOutMiBps * more.PeakDataInMiBps / input.PeakDataInMiBps };
        var before = SizingEngine.Size(input, Prices).Options;
        var after = SizingEngine.Size(more, Prices).Options;
        return before.Zip(after).All(pair => pair.Second.Brokers >= pair.First.Brokers);
    }

    [Property]
    public bool Provisioned_throughput_is_never_below_msks_250_default_and_never_costs_brokers(SizingInput input) =>
        SizingEngine.Size(input, Prices).Options.All(o =>
            o.ProvisionedThroughputMiBps is not { } pst
            || (pst >= SizingEngine.VolumeThroughputMiBps && pst <= o.Type.EbsThroughputMiBps && o.Brokers <= (o.WithoutProvisionedThroughput?.Brokers ?? o.Brokers)));

    [Property]
    public bool More_retention_or_partitions_never_means_fewer_brokers(SizingInput input, PositiveInt extra)
    {
        var more = input with
        {
            RetentionHours = input.RetentionHours + extra.Get,
            PrimaryRetentionHours = input.PrimaryRetentionHours + extra.Get,
            Partitions = input.Partitions + extra.Get,
        };
        var before = SizingEngine.Size(input, Prices).Options;
        var after = SizingEngine.Size(more, Prices).Options;
        return before.Zip(after).All(pair => pair.Second.Brokers >= pair.First.Brokers);
    }

    [Property]
    public bool Costs_are_non_negative_and_add_up_to_the_total(SizingInput input) =>
        SizingEngine.Size(input, Prices).Options.All(o =>
            o.MonthlyCost is { } c &&
            c.Brokers >= 0 && c.Storage >= 0 && c.TieredStorage >= 0 && c.ProvisionedThroughput >= 0 && c.DataIn >= 0 && c.CrossAz >= 0 &&
            c.Total == c.Brokers + c.Storage + c.TieredStorage + c.ProvisionedThroughput + c.DataIn + c.CrossAz);

    [Property]
    public bool The_binding_limit_needs_exactly_the_chosen_count_and_no_limit_runs_over(SizingInput input) =>
        SizingEngine.Size(input, Prices).Options.All(o =>
            o.Limits.Single(l => l.Kind == o.BindingLimit).BrokersNeeded == o.Brokers &&
            o.Limits.All(l => l.BrokersNeeded <= o.Brokers && l.Utilization <= 1 + 1e-9 && l.Utilization > 0));

    [Property]
    public bool Every_family_gets_a_pick_that_fits_the_quota_or_a_split_that_does(SizingInput input)
    {
        var result = SizingEngine.Size(input, Prices);
        // T3 gets no pick over its ZooKeeper quota or with tiered storage: a development broker is not split.
        return result.Recommended.All(r => r.Option is null
            ? (input.AvailabilityZones == 2 && r.Family == BrokerFamily.Express) || r.Family == BrokerFamily.T3
            : r.Split is null
                ? r.Option.Brokers <= input.BrokerQuotaFor(r.Option.Type)
                : r.Split.BrokersPerCluster <= input.BrokerQuotaFor(r.Option.Type) && r.Split.Clusters * r.Split.BrokersPerCluster == r.Option.Brokers);
    }

    /// <summary>An infinite or NaN figure cannot be written as JSON: the API would answer 500 and a saved plan could never be read.</summary>
    [Property(Arbitrary = [typeof(Workloads)], MaxTest = 500)]
    public bool Every_input_validation_accepts_sizes_to_figures_json_can_carry(SizingRequest request)
    {
        var input = request.Resolve().Value;
        if (input is null)
        {
            return true;
        }

        var result = SizingEngine.Size(input, Prices);
        System.Text.Json.JsonSerializer.Serialize(result);
        return result.Options.All(o => o.Brokers > 0);
    }

    [Property]
    public bool Sizing_is_deterministic(SizingInput input)
    {
        var first = SizingEngine.Size(input, Prices);
        var second = SizingEngine.Size(input, Prices);
        return first.Options.Zip(second.Options).All(p => p.First.Brokers == p.Second.Brokers && p.First.MonthlyCost == p.Second.MonthlyCost);
    }
}
