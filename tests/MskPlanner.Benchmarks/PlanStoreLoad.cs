using System.Diagnostics;
using System.Globalization;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

using MskPlanner.Persistence;
using MskPlanner.Sizing;
using MskPlanner.Testing;

using Npgsql;

namespace MskPlanner.Benchmarks;

/// <summary>
/// A load driver for saved plans: fills a real SQLite file, or a database on a throwaway PostgreSQL server,
/// with N plans spread over 100 team workspaces, then times saves, loads and list pages through
/// <see cref="PlanStore"/> as a member of 10 of them (so every call first works out the member's workspaces),
/// one operation at a time, and prints percentiles.
/// Target: save and load p95 under 10 ms with 100,000 plans.
/// </summary>
public static class PlanStoreLoad
{
    private const int Operations = 1000;
    private const int Workspaces = 100;
    private const int MemberOf = 10;

    private static readonly Caller Member = new("load-sub", "Load driver", "load@example.com", []);

    public static async Task RunAsync(int plans, DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mskplanner-load", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "plans.db");
        var server = provider == DatabaseProvider.PostgreSql ? await PostgresServer.SharedAsync() : null;
        var options = server is null
            ? new PersistenceOptions { DatabasePath = path }
            : new PersistenceOptions { Provider = provider, PostgreSqlConnectionString = await server.CreateDatabaseAsync() };
        try
        {
            var store = StoreProvider.For(options);
            var contexts = new PooledDbContextFactory<PlansDbContext>(store.ContextOptions());
            await new DatabaseMigrator(contexts, store, new DatabaseReadiness(), NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);
            var seeding = Stopwatch.StartNew();
            await (server is null ? SeedAsync(path, plans) : SeedAsync(options.PostgreSqlConnectionString!, plans, server));
            Console.WriteLine($"{provider}: seeded {plans:N0} plans (one revision each) in {seeding.Elapsed.TotalSeconds:0.0} s");

            var plansStore = new PlanStore(contexts, TimeProvider.System);
            var random = new Random(42);
            // A plan in one of the member's workspaces: plan i lives in workspace (i - 1) % 100 + 1.
            int Plan() => (random.Next(0, plans / Workspaces) * Workspaces) + random.Next(1, MemberOf + 1);
            var draft = new RevisionDraft(new SizingRequest { AvgDataInMiBps = 50, Partitions = 3000 }, "us-east-1", null, "load",
                new PriceStamp("bundled snapshot", "us-east-1", new DateOnly(2026, 11, 25), 21269.29m));

            // Warm the pool and the query caches before measuring.
            for (var i = 0; i < 50; i++)
            {
                await plansStore.GetAsync(Member, Plan());
                await plansStore.SaveRevisionAsync(Member, Plan(), draft);
            }

            Report("save revision", await TimeAsync(() => plansStore.SaveRevisionAsync(Member, Plan(), draft)));
            Report("load plan", await TimeAsync(() => plansStore.GetAsync(Member, Plan())));
            Report("list, first page", await TimeAsync(() => plansStore.ListAsync(Member, null, null, PlanSort.UpdatedNewest, 1, 20), 200));
            Report("list, page 200", await TimeAsync(() => plansStore.ListAsync(Member, null, null, PlanSort.UpdatedNewest, 200, 20), 200));
            Report("list, one workspace", await TimeAsync(() => plansStore.ListAsync(Member, 3, null, PlanSort.UpdatedNewest, 1, 20), 200));
            Report("list, every plan (local mode)", await TimeAsync(() => plansStore.ListAsync(Caller.LocalUser, null, null, PlanSort.UpdatedNewest, 1, 20), 200));
            Report("list by cost", await TimeAsync(() => plansStore.ListAsync(Member, null, null, PlanSort.CostLowest, 1, 20), 200));
            Report("search by name", await TimeAsync(() => plansStore.ListAsync(Member, null, "plan 4242", PlanSort.UpdatedNewest, 1, 20), 200));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            if (server is not null)
            {
                await server.DropDatabaseAsync(options.PostgreSqlConnectionString!);
            }
        }
    }

    private static async Task<double[]> TimeAsync<T>(Func<Task<T>> operation, int count = Operations)
    {
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await operation();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times;
    }

    private static void Report(string name, double[] sorted)
    {
        static double P(double[] s, double q) => s[Math.Min(s.Length - 1, (int)Math.Ceiling(q * s.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-30} n={sorted.Length,5}  p50 {P(sorted, 0.50),7:0.000} ms  p95 {P(sorted, 0.95),7:0.000} ms  p99 {P(sorted, 0.99),7:0.000} ms  max {sorted[^1],7:0.000} ms"));
    }

    /// <summary>Plain SQL in one transaction: seeding is set-up, not what is measured.</summary>
    private static async Task SeedAsync(string path, int plans)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var workspaces = connection.CreateCommand();
        workspaces.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Workspaces})
            INSERT INTO Workspaces (Name, Kind, CreatedAt) SELECT 'Team ' || i, 'Team', 0 FROM n;
            INSERT INTO Members (WorkspaceId, Email, Role, AddedAt) SELECT Id, '{Member.Email}', 'Editor', 0 FROM Workspaces WHERE Id <= {MemberOf};
            """;
        await workspaces.ExecuteNonQueryAsync();
        var plan = connection.CreateCommand();
        plan.CommandText = "INSERT INTO Plans (WorkspaceId, Name, Description, CreatedAt, UpdatedAt, LatestRevision, LatestMonthlyCost) VALUES ($workspace, $name, NULL, $at, $at, 1, $cost)";
        var revision = connection.CreateCommand();
        revision.CommandText = "INSERT INTO Revisions (PlanId, Number, CreatedAt, Comment, InputsJson, Region, PriceSource, PriceRegion, PriceAsOf, MonthlyCostThen) " +
            "VALUES (last_insert_rowid(), 1, $at, NULL, $inputs, 'us-east-1', 'bundled snapshot', 'us-east-1', '2026-11-25', $cost)";
        var workspace = plan.Parameters.Add("$workspace", SqliteType.Integer);
        var name = plan.Parameters.Add("$name", SqliteType.Text);
        var at = plan.Parameters.Add("$at", SqliteType.Integer);
        var cost = plan.Parameters.Add("$cost", SqliteType.Real);
        var revisionAt = revision.Parameters.Add("$at", SqliteType.Integer);
        var inputs = revision.Parameters.Add("$inputs", SqliteType.Text);
        var revisionCost = revision.Parameters.Add("$cost", SqliteType.Real);
        var start = DateTimeOffset.UtcNow.AddDays(-365).ToUnixTimeMilliseconds();
        for (var i = 1; i <= plans; i++)
        {
            workspace.Value = ((i - 1) % Workspaces) + 1;
            name.Value = $"Plan {i}";
            at.Value = revisionAt.Value = start + (i * 1000L);
            cost.Value = revisionCost.Value = 500 + (i % 10_000);
            inputs.Value = $$"""{"avgDataInMiBps":{{10 + (i % 500)}},"partitions":{{100 + (i % 5000)}}}""";
            await plan.ExecuteNonQueryAsync();
            await revision.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>The same rows as the SQLite seeding, generated by the server.</summary>
    private static async Task SeedAsync(string connectionString, int plans, PostgresServer server)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-365).ToUnixTimeMilliseconds();
        await server.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $$"""
            INSERT INTO "Workspaces" ("Name", "Kind", "CreatedAt") SELECT 'Team ' || i, 'Team', 0 FROM generate_series(1, {{Workspaces}}) AS i;
            INSERT INTO "Members" ("WorkspaceId", "Email", "Role", "AddedAt") SELECT "Id", '{{Member.Email}}', 'Editor', 0 FROM "Workspaces" WHERE "Id" <= {{MemberOf}};
            INSERT INTO "Plans" ("WorkspaceId", "Name", "Description", "CreatedAt", "UpdatedAt", "LatestRevision", "LatestMonthlyCost")
            SELECT (i - 1) % {{Workspaces}} + 1, 'Plan ' || i, NULL, {{start}} + i * 1000, {{start}} + i * 1000, 1, 500 + (i % 10000) FROM generate_series(1, {{plans}}) AS i;
            INSERT INTO "Revisions" ("PlanId", "Number", "CreatedAt", "Comment", "InputsJson", "Region", "PriceSource", "PriceRegion", "PriceAsOf", "MonthlyCostThen")
            SELECT "Id", 1, "CreatedAt", NULL, '{"avgDataInMiBps":' || (10 + "Id" % 500) || ',"partitions":' || (100 + "Id" % 5000) || '}',
                   'us-east-1', 'bundled snapshot', 'us-east-1', DATE '2026-11-25', "LatestMonthlyCost" FROM "Plans";
            """), connectionString);
        // As autovacuum leaves a table after a bulk load: statistics and the visibility map that index-only scans need.
        await server.ExecuteAsync("VACUUM ANALYZE;", connectionString);
        NpgsqlConnection.ClearAllPools();
    }
}
