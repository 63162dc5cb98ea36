namespace MskPlanner.Pricing.Tests;

/// <summary>Three instances of the app's pricing over one plans database, as behind a load balancer.</summary>
public sealed class SeveralInstancesTests() : FakeAwsTest(PriceSourceKind.Bulk)
{
    [Fact]
    public async Task Instances_refreshing_at_once_download_a_due_region_once_and_all_serve_it_by_their_next_check()
    {
        await Harness.Prices.GetPricesAsync("eu-west-1");
        var stale = (await Harness.Prices.CachedAsync("eu-west-1"))!.FetchedAt;
        await using var second = await LiveHarness.StartAsync(Aws, Database);
        await using var third = await LiveHarness.StartAsync(Aws, Database);
        LiveHarness[] instances = [Harness, second, third];
        foreach (var instance in instances)
        {
            instance.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        }

        Aws.Requests.Clear();
        var refreshers = instances.Select(i => i.Refresher()).ToArray();
        await Task.WhenAll(refreshers.Select(r => Task.Run(() => r.RefreshDueAsync(CancellationToken.None))));
        await Task.WhenAll(refreshers.Select(r => r.RefreshDueAsync(CancellationToken.None)));

        Assert.Single(Aws.Requests, r => r.Path.Contains("AmazonMSK", StringComparison.Ordinal) && r.Path.EndsWith("/eu-west-1/index.json", StringComparison.Ordinal));
        foreach (var instance in instances)
        {
            var served = await instance.Prices.CachedAsync("eu-west-1");
            Assert.True(served!.FetchedAt > stale, "an instance still serves the set from before the refresh");
        }
    }
}
