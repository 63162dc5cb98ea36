using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MskPlanner.Persistence;

/// <summary>
/// Brings the database to the newest migration before the app takes requests, then opens
/// <see cref="DatabaseReadiness"/> for the work that waited.
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<PlansDbContext> contexts, StoreProvider provider, DatabaseReadiness readiness, ILogger<DatabaseMigrator> logger) : IHostedService
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
        await provider.MigrateAsync(db, cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
            logger.LogInformation("The plans database ({Provider}) is at migration {Migration}.", db.Database.ProviderName, applied.LastOrDefault() ?? "none");
        }
    }
}
