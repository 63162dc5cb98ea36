using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace MskPlanner.Persistence.Tests;

/// <summary>A real SQLite file in a fresh folder, migrated as the app migrates it, deleted afterwards.</summary>
public sealed class TemporaryDatabase : IAsyncLifetime
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mskplanner-tests", Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(_folder, "plans.db");

    public IDbContextFactory<PlansDbContext> Contexts { get; private set; } = default!;

    /// <summary>Open once the migrations below have run, as the app's is.</summary>
    public DatabaseReadiness Readiness { get; } = new();

    public PlanStore Store(TimeProvider? clock = null) => new(Contexts, clock ?? TimeProvider.System);

    public async Task InitializeAsync()
    {
        var options = new DbContextOptionsBuilder<PlansDbContext>()
            .UseSqlite(new PersistenceOptions { DatabasePath = Path }.ConnectionString(), s => s.MigrationsAssembly(PersistenceServiceCollectionExtensions.MigrationsAssembly))
            .Options;
        Contexts = new PooledDbContextFactory<PlansDbContext>(options);
        await new DatabaseMigrator(Contexts, Readiness, NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
