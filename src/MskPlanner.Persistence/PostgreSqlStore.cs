using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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

    /// <summary>Any number that no other application on the database uses for an advisory lock.</summary>
    private const long MigrationLockKey = 0x4D534B504C414E;

    /// <summary>
    /// EF Core's own migration lock on PostgreSQL is a table lock inside each migration's transaction, so it is let
    /// go between migrations, and an instance that waited for it could apply the next pending migration a second
    /// time. A session advisory lock, held on this connection over the whole run, lets one instance migrate at a time.
    /// </summary>
    internal override async Task MigrateAsync(PlansDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                // Npgsql's EF provider reads the history table without checking that it exists, and EF logs the
                // failed read of a new database as an error (npgsql/efcore.pg#3407), which would page an operator on
                // every first start. EF's own script creates the table when it is missing.
                await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

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
