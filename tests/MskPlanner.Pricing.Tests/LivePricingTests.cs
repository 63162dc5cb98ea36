using System.Diagnostics.Metrics;

using Microsoft.Extensions.Diagnostics.Metrics.Testing;

using MskPlanner.Sizing;

namespace MskPlanner.Pricing.Tests;

public sealed class LivePricingTests() : FakeAwsTest(PriceSourceKind.Bulk)
{
    [Fact]
    public async Task Eu_west_1_is_priced_from_its_own_price_list()
    {
        var sheet = await Harness.Prices.GetPricesAsync("eu-west-1");

        Assert.Equal(new PriceOrigin("AWS price list", "eu-west-1", new DateOnly(2026, 11, 1), sheet.Origin.Note), sheet.Origin);
        Assert.Equal(0.234, sheet.BrokerHourly["kafka.m5.large"]);
        Assert.Equal(0.454, sheet.BrokerHourly["express.m7g.large"]);
        Assert.Equal(0.11, sheet.StoragePerGiBMonth);
        Assert.Equal(0.025, sheet.TieredStoragePerGiBMonth);
        Assert.Equal(0.088, sheet.ProvisionedThroughputPerMiBpsMonth);
        Assert.Equal(0.011, sheet.ExpressDataInPerGiB);
        Assert.Equal(new ServerlessRates(0.8, 0.0016, 0.11, 0.11, 0.055, "AWS price list, eu-west-1"), sheet.Serverless);
        // The fixtures hold no eu-west-1 EC2 file, so the self-managed comparison borrows the bundled EC2 rates too.
        Assert.Equal("Not in the MSK price list, so at bundled us-east-1 rates: EC2 for the self-managed comparison, cross-AZ and inter-region transfer.", sheet.Origin.Note);
    }

    [Fact]
    public async Task Msk_connect_and_replicator_rates_come_from_the_region_list_and_transfer_between_regions_from_the_bundle()
    {
        var sheet = await Harness.Prices.GetPricesAsync("eu-west-1");
        var bundled = new BundledSnapshotPriceSource().Snapshot.Migration!;

        Assert.Equal((0.121, 0.33, 0.088), (sheet.Migration!.McuHour, sheet.Migration.ReplicatorHour, sheet.Migration.ReplicatorPerGiB));
        Assert.Equal(bundled.InterRegionPerGiB, sheet.Migration.InterRegionPerGiB);
        Assert.StartsWith("AWS price list, eu-west-1; inter-region transfer: bundled us-east-1 rates", sheet.Migration.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_region_list_without_msk_connect_or_replicator_keeps_the_bundled_rates_and_says_so()
    {
        var sheet = await Harness.Prices.GetPricesAsync("ap-southeast-1");

        Assert.Equal(new BundledSnapshotPriceSource().Snapshot.Migration, sheet.Migration);
        Assert.Contains("MSK Connect and MSK Replicator", sheet.Origin.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_priced_in_eu_west_1_shows_eu_west_1_figures()
    {
        var input = new SizingRequest { AvgDataInMiBps = 50, AvgDataOutMiBps = 100, Partitions = 3000, Region = "eu-west-1" }.Resolve().GetValueOrThrow();

        var result = SizingEngine.Size(input, await Harness.Prices.GetPricesAsync("eu-west-1"));

        var m5 = result.Options.Single(o => o.Type.Name == "kafka.m5.large");
        Assert.Equal(Math.Round((decimal)(12 * 0.234 * 730), 2), m5.MonthlyCost!.Brokers);
        Assert.Equal(Math.Round((decimal)(177187.5 * 0.11), 2), m5.MonthlyCost.Storage);
        Assert.Equal("eu-west-1", result.Prices.Region);
    }

    [Fact]
    public async Task Real_ap_southeast_1_prices_are_read_and_a_type_missing_there_is_not_offered()
    {
        var sheet = await Harness.Prices.GetPricesAsync("ap-southeast-1");

        Assert.Equal(0.255, sheet.BrokerHourly["kafka.m7g.large"]);
        Assert.Equal(0.0578, sheet.BrokerHourly["kafka.t3.small"]);
        Assert.Equal(0.12, sheet.StoragePerGiBMonth);
        Assert.Equal(0.0652, sheet.TieredStoragePerGiBMonth);
        Assert.Equal(0.12, sheet.ExpressStoragePerGiBMonth);
        Assert.Equal(0.0264, sheet.Ec2Hourly["t3.small"]);
        Assert.Equal(0.12, sheet.Ec2Hourly["m5.large"]);
        Assert.Equal(0.096, sheet.Ec2Gp3PerGiBMonth);
        Assert.Contains("provisioned throughput, Express data in", sheet.Origin.Note, StringComparison.Ordinal);
        // The real list has Serverless cluster-hours (0.9375) but not the other four rates: all five come from the bundle, and the note says so.
        Assert.Contains("MSK Serverless", sheet.Origin.Note, StringComparison.Ordinal);
        Assert.Equal(0.75, sheet.Serverless!.ClusterHour);
        Assert.StartsWith("bundled us-east-1 rates as of ", sheet.Serverless.Source, StringComparison.Ordinal);

        var result = SizingEngine.Size(new SizingRequest { AvgDataInMiBps = 10, Partitions = 100, Region = "ap-southeast-1" }.Resolve().GetValueOrThrow(), sheet);
        var xlarge = result.Options.Single(o => o.Type.Name == "kafka.m5.xlarge");
        Assert.False(xlarge.IsAvailable);
        Assert.Null(xlarge.MonthlyCost);
        Assert.Equal("Not offered in ap-southeast-1: the price list has no kafka.m5.xlarge brokers there.", xlarge.UnavailableReason);
    }

    [Fact]
    public async Task A_cached_price_set_answers_without_the_network_even_after_a_restart()
    {
        await Harness.Prices.GetPricesAsync("eu-west-1");
        var afterFirst = Aws.Requests.Count;

        await Harness.Prices.GetPricesAsync("eu-west-1");
        await using var restarted = await LiveHarness.StartAsync(Aws, Database);
        var fromDisk = await restarted.Prices.GetPricesAsync("eu-west-1");

        Assert.Equal(afterFirst, Aws.Requests.Count);
        Assert.Equal(0.234, fromDisk.BrokerHourly["kafka.m5.large"]);
        Assert.Equal(new DateOnly(2026, 11, 1), fromDisk.Origin.AsOf);
    }

    [Theory]
    [InlineData(FakeMode.ServerError, "503")]
    [InlineData(FakeMode.Throttle, "429")]
    [InlineData(FakeMode.Hang, "did not answer in time")]
    [InlineData(FakeMode.Garbage, "not JSON")]
    [InlineData(FakeMode.Truncated, "truncated")]
    [InlineData(FakeMode.WrongContent, "not an AWS offer file")]
    public async Task A_failing_price_list_falls_back_to_the_snapshot_says_why_and_logs_once(FakeMode mode, string reason)
    {
        Aws.Mode = mode;

        var sheet = await Harness.Prices.GetPricesAsync("eu-west-1");
        var requests = Aws.Requests.Count;
        var again = await Harness.Prices.GetPricesAsync("eu-west-1");

        Assert.Equal("bundled snapshot", sheet.Origin.Source);
        Assert.StartsWith("Live prices unavailable (", sheet.Origin.Note, StringComparison.Ordinal);
        Assert.Contains(reason, sheet.Origin.Note, StringComparison.Ordinal);
        Assert.Contains("us-east-1 prices shown for eu-west-1", sheet.Origin.Note, StringComparison.Ordinal);
        Assert.Equal(sheet, again);
        Assert.Equal(requests, Aws.Requests.Count);
        Assert.Single(Harness.Warnings.Messages, m => m.Contains("eu-west-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_refresh_after_a_restart_keeps_serving_the_stored_set()
    {
        await Harness.Prices.GetPricesAsync("eu-west-1");
        await using var restarted = await LiveHarness.StartAsync(Aws, Database);
        Aws.Mode = FakeMode.Garbage;

        var (set, _) = await restarted.Prices.RefreshAsync("eu-west-1");
        var sheet = await restarted.Prices.GetPricesAsync("eu-west-1");

        Assert.Null(set);
        Assert.Equal("AWS price list", sheet.Origin.Source);
        Assert.Equal(0.234, sheet.BrokerHourly["kafka.m5.large"]);
    }

    [Fact]
    public async Task Server_errors_are_retried_before_falling_back()
    {
        Aws.Mode = FakeMode.ServerError;

        await Harness.Prices.GetPricesAsync("eu-west-1");

        Assert.True(Aws.Requests.Count > 1, $"{Aws.Requests.Count} request(s)");
    }

    [Fact]
    public async Task After_a_failure_the_region_is_tried_again_once_the_wait_is_over()
    {
        Aws.Mode = FakeMode.Garbage;
        await Harness.Prices.GetPricesAsync("eu-west-1");

        Aws.Mode = FakeMode.Ok;
        Harness.Clock.Advance(TimeSpan.FromMinutes(6));
        var sheet = await Harness.Prices.GetPricesAsync("eu-west-1");

        Assert.Equal("AWS price list", sheet.Origin.Source);
    }

    [Fact]
    public async Task The_refresher_renews_sets_older_than_the_interval_and_leaves_fresh_ones()
    {
        var refresher = Harness.Refresher();
        await Harness.Prices.GetPricesAsync("eu-west-1");
        var fetched = (await Harness.Prices.CachedAsync("eu-west-1"))!.FetchedAt;

        Assert.DoesNotContain("eu-west-1", await refresher.RefreshDueAsync(CancellationToken.None));

        Harness.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Contains("eu-west-1", await refresher.RefreshDueAsync(CancellationToken.None));
        Assert.True((await Harness.Prices.CachedAsync("eu-west-1"))!.FetchedAt > fetched);
    }

    [Fact]
    public async Task The_region_picker_learns_the_regions_from_the_region_index()
    {
        await Harness.Prices.RefreshRegionsAsync(CancellationToken.None);

        var regions = Harness.Get<RegionCatalog>().All;
        Assert.Contains(regions, r => r is { Code: "eu-west-1", Name: "Europe (Ireland)" });
        Assert.Contains(regions, r => r.Code == "ap-southeast-1");
    }

    [Fact]
    public async Task Each_download_is_counted_by_outcome_and_the_age_of_the_prices_served_is_reported()
    {
        var meters = Harness.Get<IMeterFactory>();
        using var fetches = new MetricCollector<long>(meters, PricingMetrics.MeterName, "mskplanner.prices.fetches");
        using var age = new MetricCollector<double>(meters, PricingMetrics.MeterName, "mskplanner.prices.age");

        await Harness.Prices.GetPricesAsync("eu-west-1");
        Aws.Mode = FakeMode.Garbage;
        await Harness.Prices.RefreshAsync("ap-southeast-1");
        Harness.Clock.Advance(TimeSpan.FromMinutes(90));
        age.RecordObservableInstruments();

        Assert.Equal(["eu-west-1 ok", "ap-southeast-1 failed"], fetches.GetMeasurementSnapshot().Select(m => $"{m.Tags["region"]} {m.Tags["outcome"]}"));
        var served = Assert.Single(age.GetMeasurementSnapshot());
        Assert.Equal("eu-west-1", served.Tags["region"]);
        Assert.Equal(90 * 60, served.Value);
    }
}
