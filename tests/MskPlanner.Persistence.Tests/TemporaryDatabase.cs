using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

using MskPlanner.Testing;

namespace MskPlanner.Persistence.Tests;

/// <summary>
/// A real database, migrated as the app migrates it, deleted afterwards: a SQLite file in a fresh folder, or a
/// fresh database on the test PostgreSQL server.
/// </summary>
public sealed class TemporaryDatabase(DatabaseProvider provider = DatabaseProvider.Sqlite) : IAsyncLifetime
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mskplanner-tests", Guid.NewGuid().ToString("N"));
    private PostgresServer? _server;

    /// <summary>The SQLite file (SQLite only).</summary>
    public string Path => System.IO.Path.Combine(_folder, "plans.db");

    public PersistenceOptions Options { get; private set; } = default!;

    public StoreProvider Provider { get; private set; } = default!;

    public IDbContextFactory<PlansDbContext> Contexts { get; private set; } = default!;

    /// <summary>Open once the migrations below have run, as the app's is.</summary>
    public DatabaseReadiness Readiness { get; } = new();

    public PlanStore Store(TimeProvider? clock = null) => new(Contexts, clock ?? TimeProvider.System);

    public WorkspaceStore Workspaces() => new(Contexts, TimeProvider.System);

    /// <summary>A second, separate context factory over the same database, as another app instance has.</summary>
    public IDbContextFactory<PlansDbContext> NewContexts() => new PooledDbContextFactory<PlansDbContext>(Provider.ContextOptions());

    public async Task InitializeAsync()
    {
        Options = provider == DatabaseProvider.PostgreSql
            ? new PersistenceOptions { Provider = provider, PostgreSqlConnectionString = await (_server = await PostgresServer.SharedAsync()).CreateDatabaseAsync() }
            : new PersistenceOptions { DatabasePath = Path };
        Provider = StoreProvider.For(Options);
        Contexts = NewContexts();
        await new DatabaseMigrator(Contexts, Provider, Readiness, NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DropDatabaseAsync(Options.PostgreSqlConnectionString!);
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
