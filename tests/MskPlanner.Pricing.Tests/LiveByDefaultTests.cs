using MskPlanner.Sizing;

namespace MskPlanner.Pricing.Tests;

/// <summary>Live MSK prices as a fresh start has them: EC2 kept from the multi-gigabyte offer, and no page held up by a slow download.</summary>
public sealed class LiveByDefaultTests() : FakeAwsTest(PriceSourceKind.Bulk)
{
    protected override void Configure(IServiceCollection services) =>
        services.Configure<PricingOptions>(o =>
        {
            o.Ec2FromBulkOffer = new PricingOptions().Ec2FromBulkOffer;
            o.FirstFetchWait = new PricingOptions().FirstFetchWait;
        });

    [Fact]
    public void A_fresh_start_reads_live_msk_prices_but_not_the_ec2_offer()
    {
        var defaults = new PricingOptions();

        Assert.Equal(PriceSourceKind.Bulk, defaults.Source);
        Assert.False(defaults.Ec2FromBulkOffer);
    }

    [Fact]
    public void A_host_that_configures_no_price_source_gets_the_same_live_default()
    {
        // The registration fell back to the snapshot while the options said Bulk: two defaults for one setting.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());

        builder.AddPricing();

        Assert.Contains(builder.Services, d => d.ServiceType == typeof(LivePriceSource));
    }

    [Fact]
    public async Task The_self_managed_comparison_uses_the_bundled_ec2_rates_and_says_so_without_downloading_ec2()
    {
        var snapshot = new BundledSnapshotPriceSource().Snapshot;
        await Harness.Prices.GetPricesAsync("eu-west-1");
        await ((IPriceSource)Harness.Prices).ArrivalAsync("eu-west-1").WaitAsync(TimeSpan.FromSeconds(30));

        var sheet = await Harness.Prices.GetPricesAsync("eu-west-1");

        Assert.Equal("AWS price list", sheet.Origin.Source);
        Assert.DoesNotContain(Aws.Requests, r => r.Path.Contains("AmazonEC2", StringComparison.Ordinal));
        Assert.Equal(snapshot.Ec2Hourly["m5.large"], sheet.Ec2Hourly["m5.large"]);
        Assert.Equal(snapshot.Ec2Gp3PerGiBMonth, sheet.Ec2Gp3PerGiBMonth);
        Assert.Contains("EC2 for the self-managed comparison", sheet.Origin.Note, StringComparison.Ordinal);
        var input = new SizingRequest { AvgDataInMiBps = 20, Partitions = 600, Region = "eu-west-1" }.Resolve().GetValueOrThrow();
        Assert.All(SizingEngine.Size(input, sheet).Options.Where(o => o.Type.Class == BrokerClass.Standard && o.IsAvailable), o => Assert.NotNull(o.SelfManaged));
    }

    [Fact]
    public async Task A_slow_first_download_answers_from_the_snapshot_at_once_and_the_prices_arrive_for_the_next_change()
    {
        Aws.Mode = FakeMode.Hang;

        // The harness's clock never moves here: a request that waited for the download at all would not return.
        var first = await Harness.Prices.GetPricesAsync("eu-west-1").AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("bundled snapshot", first.Origin.Source);
        Assert.Contains("still downloading", first.Origin.Note, StringComparison.Ordinal);

        Aws.Mode = FakeMode.Ok;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await Harness.Prices.CachedAsync("eu-west-1", timeout.Token) is null)
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.Equal("AWS price list", (await Harness.Prices.GetPricesAsync("eu-west-1")).Origin.Source);
    }

    [Fact]
    public async Task A_page_answered_from_the_snapshot_can_await_the_regions_first_download_and_then_has_live_prices()
    {
        var first = await Harness.Prices.GetPricesAsync("eu-west-1");
        var arrival = ((IPriceSource)Harness.Prices).ArrivalAsync("eu-west-1");

        await arrival.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("bundled snapshot", first.Origin.Source);
        Assert.Equal("AWS price list", (await Harness.Prices.GetPricesAsync("eu-west-1")).Origin.Source);
        Assert.True(((IPriceSource)Harness.Prices).ArrivalAsync("eu-west-1").IsCompleted);
    }
}
