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
            ["ApiTokens", "DataProtectionKeys", "EndedSessions", "Leases", "Members", "Plans", "PriceSets", "Revisions", "ShareLinks", "Users", "WorkspaceEvents", "Workspaces", "__EFMigrationsHistory", "__EFMigrationsLock"],
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
            ["ApiTokens", "DataProtectionKeys", "EndedSessions", "Leases", "Members", "Plans", "PriceSets", "Revisions", "ShareLinks", "Users", "WorkspaceEvents", "Workspaces", "__EFMigrationsHistory"],
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
        var plan = await Store.CreatePersonalAsync("Kept", null, Drafts.For(10));

        await new DatabaseMigrator(Database.Contexts, Database.Provider, new DatabaseReadiness(), NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);

        Assert.NotNull(await Store.GetAsync(Me, plan.Plan.Id));
    }

    [Fact]
    public async Task Plans_saved_before_workspaces_move_into_one_team_workspace_that_local_mode_owns()
    {
        await MigrateWithRowsSavedBeforeAsync(
            "Workspaces",
            """
            INSERT INTO "Plans" ("Name", "CreatedAt", "UpdatedAt", "LatestRevision") VALUES ('Saved last year', 1700000000000, 1700000000000, 1);
            INSERT INTO "Revisions" ("PlanId", "Number", "CreatedAt", "InputsJson", "Region", "PriceSource", "PriceRegion", "PriceAsOf")
            SELECT "Id", 1, 1700000000000, '{{"avgDataInMiBps":10,"partitions":300}}', 'us-east-1', 'bundled snapshot', 'us-east-1', '2023-11-14' FROM "Plans";
            """);

        var plan = Assert.Single((await Store.ListAsync(Me, null, null, PlanSort.Name, 1, 10)).Items);
        Assert.Equal(("Saved last year", "Plans saved before workspaces", WorkspaceKind.Team), (plan.Name, plan.Workspace.Name, plan.Workspace.Kind));
        Assert.Null((await Store.GetAsync(Me, plan.Id))!.Revision.SavedBy);
        Assert.Null(await Store.GetAsync(new Caller("someone", "Someone", "someone@example.com", []), plan.Id));
    }

    [Fact]
    public async Task Share_links_made_before_links_expired_keep_opening_their_plan_after_the_upgrade()
    {
        const string Token = "made-before-expiry";
        await MigrateWithRowsSavedBeforeAsync(
            "LinkExpiryEventsAndSessions",
            """
            INSERT INTO "Workspaces" ("Name", "Kind", "CreatedAt") VALUES ('Team', 'Team', 1700000000000);
            INSERT INTO "Plans" ("WorkspaceId", "Name", "CreatedAt", "UpdatedAt", "LatestRevision") SELECT "Id", 'Shared last year', 1700000000000, 1700000000000, 1 FROM "Workspaces";
            INSERT INTO "Revisions" ("PlanId", "Number", "CreatedAt", "InputsJson", "Region", "PriceSource", "PriceRegion", "PriceAsOf")
            SELECT "Id", 1, 1700000000000, '{{"avgDataInMiBps":10,"partitions":300}}', 'us-east-1', 'bundled snapshot', 'us-east-1', '2023-11-14' FROM "Plans";
            INSERT INTO "ShareLinks" ("PlanId", "TokenHash", "CreatedAt") SELECT "Id", {0}, 1700000000000 FROM "Plans";
            """, SecretTokens.Hash(Token));

        var shared = await Store.ResolveShareAsync(Token);

        Assert.Equal("Shared last year", shared!.Details.Plan.Name);
        Assert.Null(shared.Link.ExpiresAt);
    }

    [Fact]
    public async Task Plans_saved_with_partition_replicas_read_back_as_the_leader_partitions_they_made()
    {
        await MigrateWithRowsSavedBeforeAsync(
            "LeaderPartitions",
            """
            INSERT INTO "Workspaces" ("Name", "Kind", "CreatedAt") VALUES ('Team', 'Team', 1700000000000);
            INSERT INTO "Plans" ("WorkspaceId", "Name", "CreatedAt", "UpdatedAt", "LatestRevision") SELECT "Id", 'Counted replicas', 1700000000000, 1700000000000, 3 FROM "Workspaces";
            INSERT INTO "Revisions" ("PlanId", "Number", "CreatedAt", "InputsJson", "Region", "PriceSource", "PriceRegion", "PriceAsOf")
            SELECT "Id", 1, 1700000000000, '{{"avgDataInMiBps":10,"partitions":3000}}', 'us-east-1', 'bundled snapshot', 'us-east-1', '2023-11-14' FROM "Plans";
            INSERT INTO "Revisions" ("PlanId", "Number", "CreatedAt", "InputsJson", "Region", "PriceSource", "PriceRegion", "PriceAsOf")
            SELECT "Id", 2, 1700000000000, '{{"avgDataInMiBps":10,"partitions":1000,"replicationFactor":3}}', 'us-east-1', 'bundled snapshot', 'us-east-1', '2023-11-14' FROM "Plans";
            INSERT INTO "Revisions" ("PlanId", "Number", "CreatedAt", "InputsJson", "Region", "PriceSource", "PriceRegion", "PriceAsOf")
            SELECT "Id", 3, 1700000000000, '{{"avgDataInMiBps":10,"partitions":301,"replicationFactor":2}}', 'us-east-1', 'bundled snapshot', 'us-east-1', '2023-11-14' FROM "Plans";
            """);

        var id = Assert.Single((await Store.ListAsync(Me, null, null, PlanSort.Name, 1, 10)).Items).Id;
        var inputs = (await Store.ListRevisionsAsync(Me, id))!.OrderBy(r => r.Number).Select(r => r.Inputs).ToList();

        // 3,000 replicas at the default RF 3 are 1,000 leaders; 1,000 at RF 3 round up to 334 (1,002 replicas,
        // since Kafka's replicas are always leaders x RF); 301 at RF 2 round up to 151.
        Assert.Equal([1000, 334, 151], inputs.Select(i => i.LeaderPartitions ?? 0));
        Assert.All(inputs, i => Assert.Null(i.Partitions));
        Assert.Equal(2, inputs[2].ReplicationFactor);
    }

    [Fact]
    public async Task Migrations_cover_the_whole_model()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(), $"The {Database.Options.Provider} model has changes no migration captures: add one (migrations/README.md).");
    }

    /// <summary>Migrates to just before the named migration, saves rows as the app then would, and migrates the rest.</summary>
    private async Task MigrateWithRowsSavedBeforeAsync(string migration, string sql, params object[] parameters)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var migrations = db.Database.GetMigrations().ToList();
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_" + migration, StringComparison.Ordinal)) - 1]);
        await db.Database.ExecuteSqlRawAsync(sql, parameters);
        await migrator.MigrateAsync();
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
