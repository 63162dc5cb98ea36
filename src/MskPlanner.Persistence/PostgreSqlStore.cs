using Microsoft.EntityFrameworkCore;

using Npgsql;

namespace MskPlanner.Persistence;

/// <summary>A PostgreSQL database shared by every instance of the app.</summary>
internal sealed class PostgreSqlStore(PersistenceOptions options) : StoreProvider
{
    public override string MigrationsAssembly => "MskPlanner.Migrations.PostgreSql";

    /// <summary>
    /// Retries what fails on a connection the server dropped (a restart, a failover): the pool still holds such
    /// connections afterwards, and without a retry each would cost someone a failed save.
    /// </summary>
    protected override void UseDatabase(DbContextOptionsBuilder builder) =>
        builder.UseNpgsql(options.PostgreSqlConnectionString, npgsql => npgsql
            .MigrationsAssembly(MigrationsAssembly)
            .EnableRetryOnFailure(maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null));

    internal override Task MigrateAsync(PlansDbContext db, CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);

    /// <summary>Reachable and writable: a standby (read-only) server or one refusing connections is not usable.</summary>
    internal override async Task<StoreCondition> CheckAsync(IDbContextFactory<PlansDbContext> contexts, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SHOW transaction_read_only;";
            command.CommandTimeout = 2;
            var readOnly = (string?)await command.ExecuteScalarAsync(cancellationToken);
            return readOnly == "off"
                ? new(true, "Writable.")
                : new(false, "The database is read-only (a standby?): saves would fail.");
        }
        catch (Exception e) when (StoreFaults.IsUnavailable(e) || e is NpgsqlException or TimeoutException)
        {
            // The message names no host: the health endpoints answer anyone who asks.
            return new(false, "The database cannot be reached.");
        }
    }
}
