using Microsoft.Extensions.Time.Testing;

namespace MskPlanner.Persistence.Tests;

public sealed class LeaseStoreOnSqliteTests() : LeaseStoreTests(DatabaseProvider.Sqlite);

public sealed class LeaseStoreOnPostgreSqlTests() : LeaseStoreTests(DatabaseProvider.PostgreSql);

public abstract class LeaseStoreTests(DatabaseProvider provider) : StoreTest(provider)
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Of_instances_asking_at_the_same_moment_exactly_one_gets_the_lease()
    {
        var instances = Enumerable.Range(0, 8).Select(_ => new LeaseStore(Database.NewContexts(), Database.Readiness, _clock)).ToArray();
        using var start = new ManualResetEventSlim();

        var asks = instances.Select((lease, i) => Task.Run(async () =>
        {
            start.Wait();
            return await lease.TryAcquireAsync("prices", $"instance {i}", Hold, CancellationToken.None);
        })).ToArray();
        start.Set();

        Assert.Single(await Task.WhenAll(asks), granted => granted);
    }

    [Fact]
    public async Task A_held_lease_is_refused_to_others_renewed_for_its_holder_and_free_once_released()
    {
        var leases = new LeaseStore(Database.Contexts, Database.Readiness, _clock);

        Assert.True(await leases.TryAcquireAsync("prices", "a", Hold, CancellationToken.None));
        Assert.False(await leases.TryAcquireAsync("prices", "b", Hold, CancellationToken.None));
        Assert.True(await leases.TryAcquireAsync("prices", "a", Hold, CancellationToken.None));
        Assert.True(await leases.TryAcquireAsync("other work", "b", Hold, CancellationToken.None));

        await leases.ReleaseAsync("prices", "b", CancellationToken.None);
        Assert.False(await leases.TryAcquireAsync("prices", "b", Hold, CancellationToken.None));
        await leases.ReleaseAsync("prices", "a", CancellationToken.None);
        Assert.True(await leases.TryAcquireAsync("prices", "b", Hold, CancellationToken.None));
    }

    [Fact]
    public async Task A_lease_whose_holder_died_lapses_when_its_time_is_up()
    {
        var leases = new LeaseStore(Database.Contexts, Database.Readiness, _clock);
        Assert.True(await leases.TryAcquireAsync("prices", "died", Hold, CancellationToken.None));

        _clock.Advance(Hold - TimeSpan.FromSeconds(1));
        Assert.False(await leases.TryAcquireAsync("prices", "survivor", Hold, CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await leases.TryAcquireAsync("prices", "survivor", Hold, CancellationToken.None));
    }
}
