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

    [Fact]
    public void Tiered_storage_says_how_many_brokers_it_saves_against_keeping_everything_on_broker_disks()
    {
        // 30 days at 40 MiB/s, RF 3: 40 × 720 × 3600 × 3 / 1024 = 303,750 GiB, 607,500 GiB of EBS at a 0.5 target;
        // at 16,384 GiB a broker that alone is 37.08, so at least 38 brokers (39 in three AZs) on disk.
        var onDisk = new SizingRequest { AvgDataInMiBps = 40, Partitions = 1200, RetentionHours = 720 };
        var tiered = Inputs.Size(onDisk with { PrimaryRetentionHours = 24 });
        var disk = Inputs.Size(onDisk);

        var m5Disk = disk.Recommended.Single(r => r.Family == BrokerFamily.M5).Option!.Brokers;
        var m5Tiered = tiered.Recommended.Single(r => r.Family == BrokerFamily.M5).Option!.Brokers;
        Assert.True(m5Disk >= 39, $"{m5Disk} brokers on disk");
        var advice = Assert.Single(tiered.Advice, a => a.Code == "tiered-storage-brokers" && a.Message.StartsWith("M5:", StringComparison.Ordinal));
        Assert.Contains($"keeping 24 h on broker disks and the rest in tiered storage needs {m5Tiered:N0} brokers; all on broker disks would need {m5Disk:N0}", advice.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(disk.Advice, a => a.Code == "tiered-storage-brokers");
    }

    [Theory]
    [InlineData(40, 720, 24)]
    [InlineData(400, 73, 72)]
    public void Tiered_storage_advice_appears_for_exactly_the_families_whose_broker_count_it_changes(double averageIn, double retention, double primary)
    {
        var onDisk = new SizingRequest { AvgDataInMiBps = averageIn, Partitions = 1200, RetentionHours = retention };
        var tiered = Inputs.Size(onDisk with { PrimaryRetentionHours = primary });
        var disk = Inputs.Size(onDisk);

        foreach (var family in Enum.GetValues<BrokerFamily>())
        {
            var changes = tiered.Recommended.Single(r => r.Family == family).Option?.Brokers is { } t
                && disk.Recommended.Single(r => r.Family == family).Option?.Brokers is { } d && t != d;
            Assert.Equal(changes, tiered.Advice.Any(a => a.Code == "tiered-storage-brokers" && a.Message.StartsWith($"{family}:", StringComparison.Ordinal)));
        }
    }
}
