
namespace MskPlanner.Sizing.Tests;

/// <summary>The two places MskPlanner departs from the published method's examples, each checked by hand.</summary>
public class DeliberateDepartureTests
{
    [Fact]
    public void Rf_2_replicates_one_copy_so_m5_xlarge_ingress_needs_3_brokers_where_the_rf_3_constants_gave_6()
    {
        var (request, published) = AwsMethodExampleTests.Load("RF 2, nearest replica fetching off", "kafka.m5.xlarge");
        var option = Inputs.Size(request).Option("kafka.m5.xlarge");

        // storage factor = RF 2 + lagging 0.5 + rebalancing 3 = 5.5
        // network factor = fan-out 3 x 1.5 + 1.1 x (RF - 1) + 0.5 + 3 = 9.1 (the RF 3 constants give 10.2)
        // ingress per broker = min(144 / 5.5, 160 / 9.1) x 0.5 = 8.79 MiB/s; 25 / 8.79 = 2.84 -> 3 brokers
        var ingress = option.Limits.Single(l => l.Kind == LimitKind.Ingress);
        Assert.Equal(160 / 9.1, option.IngressPerBrokerMiBps, 9);
        Assert.Equal(3, ingress.BrokersNeeded);
        Assert.Equal(6, published["limits"]!["ingress"]!.GetValue<int>());

        // 59,062.5 GiB of EBS still needs 4 volumes of 16 TiB, so the count and the cost agree with the method.
        Assert.Equal(LimitKind.Storage, option.BindingLimit);
        Assert.Equal(published["brokers"]!.GetValue<int>(), option.Brokers);
        Assert.Equal(published["monthlyCost"]!["brokers"]!.GetValue<decimal>(), option.MonthlyCost!.Brokers);
    }

    [Fact]
    public void Provisioned_throughput_applies_to_m7g_2xlarge_as_the_msk_documentation_lists_it()
    {
        var (request, published) = AwsMethodExampleTests.Load("provisioned storage throughput 500 MiB/s", "kafka.m7g.2xlarge");
        var option = Inputs.Size(request).Option("kafka.m7g.2xlarge");

        // PST is capped at the instance's EBS maximum, 312.5 MiB/s, which MSK takes in whole MiB/s (CloudFormation's
        // VolumeThroughput is an integer): 312. 800 / 312 = 2.56 -> 3 brokers, not binding.
        var pst = option.Limits.Single(l => l.Kind == LimitKind.ProvisionedThroughput);
        Assert.Equal(312, pst.CapacityPerBroker);
        Assert.Equal(3, pst.BrokersNeeded);
        Assert.Equal(published["brokers"]!.GetValue<int>(), option.Brokers);
        Assert.Equal(option.Brokers * 312m * 0.08m, option.MonthlyCost!.ProvisionedThroughput);
        Assert.Equal(0m, published["monthlyCost"]!["provisionedThroughput"]!.GetValue<decimal>());
    }
}
