namespace MskPlanner.Sizing.Tests;

public class AdviceTests
{
    private static readonly SizingRequest Production = new() { AvgDataInMiBps = 100, AvgDataOutMiBps = 300, Partitions = 3000, RetentionHours = 72 };

    [Fact]
    public void T3_advice_is_left_out_where_t3_is_neither_the_cheapest_pick_nor_chosen()
    {
        var result = Inputs.Size(Production);

        Assert.NotEqual(BrokerFamily.T3, result.Recommended.Where(r => r.Option?.MonthlyCost is not null).MinBy(r => r.Option!.MonthlyCost!.Total)!.Family);
        Assert.DoesNotContain(result.Advice, a => a.Code == "t3-development");
        Assert.DoesNotContain(PlanAdvice.For(result, BrokerFamily.M5), a => a.Code == "t3-development");
    }

    [Fact]
    public void A_plan_that_chooses_t3_is_told_it_is_for_development_once()
    {
        var production = Inputs.Size(Production);
        var tiny = Inputs.Size(new SizingRequest { AvgDataInMiBps = 1, Partitions = 50, RetentionHours = 24 });

        Assert.Single(PlanAdvice.For(production, BrokerFamily.T3), a => a.Code == "t3-development");
        Assert.Single(PlanAdvice.For(tiny, BrokerFamily.T3), a => a.Code == "t3-development");
    }

    [Fact]
    public void A_pick_within_the_cluster_quota_but_over_the_account_quota_is_warned_about()
    {
        // A year of retention needs 453 volumes of 16 TiB: within a raised cluster quota of 1,000, over the 90 per account.
        var result = Inputs.Size(new SizingRequest { AvgDataInMiBps = 40, Partitions = 1500, RetentionHours = 8760, BrokerQuota = 1000 });

        var m5 = result.Recommended.Single(r => r.Family == BrokerFamily.M5);
        Assert.Null(m5.Split);
        Assert.Contains(result.Advice, a => a.Code == "account-quota" && a.Severity == AdviceSeverity.Warning && a.Message.Contains($"{m5.Option!.Brokers:N0} brokers", StringComparison.Ordinal));
        Assert.DoesNotContain(Inputs.Size(Production).Advice, a => a.Code == "account-quota");
    }

    [Fact]
    public void Provisioned_throughput_brings_the_replica_fetcher_advice()
    {
        Assert.Contains(Inputs.Size(Production with { ProvisionedThroughputMiBps = 500 }).Advice, a => a.Code == "pst-fetchers" && a.Message.Contains("num.replica.fetchers", StringComparison.Ordinal));
        Assert.DoesNotContain(Inputs.Size(Production).Advice, a => a.Code == "pst-fetchers");
    }

    [Fact]
    public void Tls_off_is_a_warning_and_tls_on_names_its_cost()
    {
        var off = Inputs.Size(Production with { TlsInTransit = false });
        var on = Inputs.Size(Production);
        var derated = Inputs.Size(Production with { TlsDeratePercent = 12.5 });

        Assert.Contains(off.Advice, a => a.Code == "tls" && a.Severity == AdviceSeverity.Warning);
        Assert.DoesNotContain(off.Advice, a => a.Code == "tls-cpu");
        Assert.Contains(on.Advice, a => a.Code == "tls-cpu" && a.Message.Contains("load-test", StringComparison.Ordinal));
        Assert.Contains(derated.Advice, a => a.Code == "tls-cpu" && a.Message.Contains("12.5%", StringComparison.Ordinal));
    }
}
