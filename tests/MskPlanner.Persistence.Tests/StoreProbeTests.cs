using Microsoft.Data.Sqlite;

namespace MskPlanner.Persistence.Tests;

public sealed class StoreProbeOnSqliteTests : IAsyncLifetime
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
        await using var writer = new SqliteConnection(_database.Options.SqliteConnectionString());
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
        new(_database.Contexts, StoreProvider.For(new PersistenceOptions { DatabasePath = _database.Path, MinFreeSpaceMiB = minFreeMiB }), _database.Readiness);
}

public sealed class StoreProbeOnPostgreSqlTests : IAsyncLifetime
{
    private readonly TemporaryDatabase _database = new(DatabaseProvider.PostgreSql);

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_migrated_writable_database_is_usable()
    {
        var condition = await new StoreProbe(_database.Contexts, _database.Provider, _database.Readiness).CheckAsync(CancellationToken.None);

        Assert.True(condition.IsUsable, condition.Description);
    }

    [Fact]
    public async Task A_read_only_database_is_not_usable()
    {
        var server = await MskPlanner.Testing.PostgresServer.SharedAsync();
        var name = new Npgsql.NpgsqlConnectionStringBuilder(_database.Options.PostgreSqlConnectionString).Database;
        await server.ExecuteAsync($"ALTER DATABASE {name} SET default_transaction_read_only = on;");
        Npgsql.NpgsqlConnection.ClearAllPools();

        var condition = await new StoreProbe(_database.Contexts, _database.Provider, _database.Readiness).CheckAsync(CancellationToken.None);

        Assert.False(condition.IsUsable);
        Assert.Contains("read-only", condition.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_not_usable_and_says_so_without_naming_it()
    {
        var gone = StoreProvider.For(new PersistenceOptions { Provider = DatabaseProvider.PostgreSql, PostgreSqlConnectionString = "Host=127.0.0.1;Port=1;Username=postgres;Database=plans;Timeout=2" });
        var contexts = new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<PlansDbContext>(gone.ContextOptions());

        var condition = await new StoreProbe(contexts, gone, _database.Readiness).CheckAsync(CancellationToken.None);

        Assert.False(condition.IsUsable);
        Assert.DoesNotContain("127.0.0.1", condition.Description, StringComparison.Ordinal);
    }
}
