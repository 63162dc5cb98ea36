using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

using MskPlanner.Testing;

using Npgsql;

namespace MskPlanner.Persistence.Tests;

public sealed class MigrationOnSqliteTests() : MigrationTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Migrating_an_empty_file_creates_every_table_in_wal_mode()
    {
        await using var connection = new SqliteConnection($"Data Source={Database.Path}");
        await connection.OpenAsync();

        Assert.Equal(
            ["ApiTokens", "DataProtectionKeys", "Leases", "Plans", "PriceSets", "Revisions", "ShareLinks", "__EFMigrationsHistory", "__EFMigrationsLock"],
            await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;"));
        Assert.Equal(["wal"], await ListAsync(connection, "PRAGMA journal_mode;"));
    }
}

public sealed class MigrationOnPostgreSqlTests() : MigrationTests(DatabaseProvider.PostgreSql)
{
    [Fact]
    public async Task Migrating_an_empty_database_creates_every_table()
    {
        await using var connection = new NpgsqlConnection(Database.Options.PostgreSqlConnectionString);
        await connection.OpenAsync();

        Assert.Equal(
            ["ApiTokens", "DataProtectionKeys", "Leases", "Plans", "PriceSets", "Revisions", "ShareLinks", "__EFMigrationsHistory"],
            await ListAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name COLLATE \"C\";"));
    }

    [Fact]
    public async Task Instances_starting_together_on_an_empty_database_migrate_it_once_and_all_start()
    {
        var server = await PostgresServer.SharedAsync();
        var empty = await server.CreateDatabaseAsync();
        try
        {
            var provider = StoreProvider.For(new PersistenceOptions { Provider = DatabaseProvider.PostgreSql, PostgreSqlConnectionString = empty });
            var instances = Enumerable.Range(0, 4).Select(_ => new DatabaseMigrator(
                new PooledDbContextFactory<PlansDbContext>(provider.ContextOptions()), provider, new DatabaseReadiness(), NullLogger<DatabaseMigrator>.Instance));

            await Task.WhenAll(instances.Select(m => Task.Run(() => m.StartAsync(CancellationToken.None))));

            await using var connection = new NpgsqlConnection(empty);
            await connection.OpenAsync();
            var applied = await ListAsync(connection, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\";");
            Assert.Equal(applied.Distinct().Count(), applied.Count);
            Assert.NotEmpty(applied);
        }
        finally
        {
            await server.DropDatabaseAsync(empty);
        }
    }
}

public abstract class MigrationTests(DatabaseProvider provider) : StoreTest(provider)
{
    [Fact]
    public async Task Migrating_twice_is_harmless_and_keeps_saved_plans()
    {
        var plan = await Store.CreateAsync("Kept", null, Drafts.For(10));

        await new DatabaseMigrator(Database.Contexts, Database.Provider, new DatabaseReadiness(), NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);

        Assert.NotNull(await Store.GetAsync(plan.Plan.Id));
    }

    [Fact]
    public async Task Migrations_cover_the_whole_model()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(), $"The {Database.Options.Provider} model has changes no migration captures: add one (migrations/README.md).");
    }

    protected static async Task<List<string>> ListAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
