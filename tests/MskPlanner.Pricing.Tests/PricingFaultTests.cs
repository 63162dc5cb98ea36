using Microsoft.Data.Sqlite;

namespace MskPlanner.Pricing.Tests;

/// <summary>Faults of the price store and of start-up order: none may stop the app or cost a second download.</summary>
public sealed class PricingFaultTests() : FakeAwsTest(PriceSourceKind.Bulk)
{
    [Fact]
    public async Task A_fresh_database_with_a_fast_price_list_starts_and_keeps_running_every_time()
    {
        for (var start = 0; start < 4; start++)
        {
            var logs = new WarningCounter();
            using var host = LiveHarness.Build(Aws, FileIn($"fresh-{start}.db"), PriceSourceKind.Bulk, logs, TimeProvider.System);
            await host.StartAsync();
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            var refresher = host.Services.GetServices<IHostedService>().OfType<PriceRefreshService>().Single();

            // The first pass has read the cache once it tries us-east-1 (which the fake does not sell, so it warns).
            await WaitUntilAsync(() => lifetime.ApplicationStopping.IsCancellationRequested || logs.Messages.Any(m => m.Contains("us-east-1", StringComparison.Ordinal)));
            Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, string.Join("\n", logs.Messages));
            Assert.False(refresher.ExecuteTask!.IsCompleted, string.Join("\n", logs.Messages));
            Assert.DoesNotContain(logs.Messages, m => m.Contains("no such table", StringComparison.Ordinal));
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_store_that_fails_neither_stops_the_refresh_nor_takes_live_prices_away()
    {
        var logs = new WarningCounter();
        using var host = LiveHarness.Build(Aws, FileIn("broken.db"), PriceSourceKind.Bulk, logs, TimeProvider.System,
            services => services.AddSingleton<IPriceCache, BrokenCache>());
        await host.Services.GetRequiredService<Persistence.DatabaseMigrator>().StartAsync(CancellationToken.None);
        var refresher = ActivatorUtilities.CreateInstance<PriceRefreshService>(host.Services);

        var passed = await refresher.TryRefreshAsync(CancellationToken.None);
        var sheet = await host.Services.GetRequiredService<LivePriceSource>().GetPricesAsync("eu-west-1");

        Assert.False(passed);
        Assert.Contains(logs.Messages, m => m.Contains("background price refresh failed", StringComparison.Ordinal));
        Assert.Equal(LivePriceSheet.SourceName, sheet.Origin.Source);
        Assert.Contains(logs.Messages, m => m.Contains("could not be stored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_background_refresh_survives_a_failing_store_and_keeps_running()
    {
        var logs = new WarningCounter();
        using var host = LiveHarness.Build(Aws, FileIn("broken-hosted.db"), PriceSourceKind.Bulk, logs, TimeProvider.System,
            services => services.AddSingleton<IPriceCache, BrokenCache>());

        await host.StartAsync();
        await WaitUntilAsync(() => logs.Messages.Any(m => m.Contains("background price refresh failed", StringComparison.Ordinal)));

        var refresher = host.Services.GetServices<IHostedService>().OfType<PriceRefreshService>().Single();
        Assert.False(refresher.ExecuteTask!.IsCompleted);
        Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_first_visitors_to_a_region_download_its_offer_file_once()
    {
        var sheets = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Harness.Prices.GetPricesAsync("eu-west-1").AsTask()));

        Assert.All(sheets, s => Assert.Equal(LivePriceSheet.SourceName, s.Origin.Source));
        Assert.Single(Aws.Requests, r => r.Path.Contains("AmazonMSK", StringComparison.Ordinal) && r.Path.EndsWith("/eu-west-1/index.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_refresh_button_still_downloads_again_when_asked()
    {
        await Harness.Prices.GetPricesAsync("eu-west-1");
        await Harness.Prices.RefreshAsync("eu-west-1");

        Assert.Equal(2, Aws.Requests.Count(r => r.Path.Contains("AmazonMSK", StringComparison.Ordinal) && r.Path.EndsWith("/eu-west-1/index.json", StringComparison.Ordinal)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>A price store on a broken disk: every call fails as SQLite does when its file cannot be written.</summary>
    private sealed class BrokenCache : IPriceCache
    {
        public Task<CachedPriceSet?> GetAsync(string region, CancellationToken cancellationToken) => throw Fault();

        public Task<IReadOnlyList<CachedPriceSet>> ListAsync(CancellationToken cancellationToken) => throw Fault();

        public Task SaveAsync(CachedPriceSet priceSet, CancellationToken cancellationToken) => throw Fault();

        private static SqliteException Fault() => new("SQLite Error 10: 'disk I/O error'.", 10);
    }
}
