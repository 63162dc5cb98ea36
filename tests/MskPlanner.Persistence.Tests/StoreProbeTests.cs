using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace MskPlanner.Persistence.Tests;

public sealed class StoreProbeTests : IAsyncLifetime
{
    private readonly TemporaryDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_migrated_file_with_room_is_usable()
    {
        var condition = await Probe().CheckAsync(CancellationToken.None);

        Assert.True(condition.IsUsable, condition.Description);
    }

    [Fact]
    public async Task A_save_holding_the_write_lock_does_not_make_the_check_wait_for_it_or_fail()
    {
        await using var writer = new SqliteConnection(new PersistenceOptions { DatabasePath = _database.Path }.ConnectionString());
        await writer.OpenAsync();
        await using var hold = writer.CreateCommand();
        hold.CommandText = "BEGIN IMMEDIATE;";
        await hold.ExecuteNonQueryAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var condition = await Probe().CheckAsync(timeout.Token);

        Assert.True(condition.IsUsable, condition.Description);
        Assert.StartsWith("Busy", condition.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Less_free_space_than_wanted_is_not_usable()
    {
        var condition = await Probe(minFreeMiB: int.MaxValue).CheckAsync(CancellationToken.None);

        Assert.False(condition.IsUsable);
        Assert.Contains("free", condition.Description, StringComparison.Ordinal);
    }

    private StoreProbe Probe(int minFreeMiB = 1) =>
        new(_database.Contexts, _database.Readiness, Options.Create(new PersistenceOptions { DatabasePath = _database.Path, MinFreeSpaceMiB = minFreeMiB }));
}
