using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MskPlanner.Persistence.Tests;

public sealed class MigrationTests : StoreTest
{
    [Fact]
    public async Task Migrating_an_empty_file_creates_every_table_in_wal_mode()
    {
        await using var connection = new SqliteConnection($"Data Source={Database.Path}");
        await connection.OpenAsync();

        Assert.Equal(["Plans", "PriceSets", "Revisions", "ShareLinks", "__EFMigrationsHistory", "__EFMigrationsLock"], await TablesAsync(connection));
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        var applied = await ScalarAsync(connection, "SELECT group_concat(MigrationId) FROM __EFMigrationsHistory;");
        Assert.Contains("InitialPlans", applied, StringComparison.Ordinal);
        Assert.Contains("PriceSets", applied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrating_twice_is_harmless_and_keeps_saved_plans()
    {
        var plan = await Store.CreateAsync("Kept", null, Drafts.For(10));

        await new DatabaseMigrator(Database.Contexts, new DatabaseReadiness(), Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);

        Assert.NotNull(await Store.GetAsync(plan.Plan.Id));
    }

    [Fact]
    public async Task Migrations_cover_the_whole_model()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration captures: add one (migrations/README.md).");
    }

    private static async Task<List<string>> TablesAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
