using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MskPlanner.Persistence;

/// <summary>
/// Brings the database to the newest migration before the app takes requests, turns on write-ahead logging so
/// readers never wait for a save, then opens <see cref="DatabaseReadiness"/> for the work that waited.
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<PlansDbContext> contexts, DatabaseReadiness readiness, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await MigrateAsync(cancellationToken);
            readiness.Open();
        }
        catch (Exception e)
        {
            readiness.Fail(e);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var directory = Path.GetDirectoryName(db.Database.GetDbConnection().DataSource);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        if (pending.Count > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Applied {Count} migration(s) to {Database}: {Migrations}", pending.Count, db.Database.GetDbConnection().DataSource, string.Join(", ", pending));
        }
    }
}
