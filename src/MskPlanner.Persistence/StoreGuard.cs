using System.Data.Common;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MskPlanner.Persistence;

/// <summary>
/// Refuses to open the database once its file has gone. SQLite keeps writing to a deleted file through the
/// connections it already holds, so without this check saves would be acknowledged and then lost at the next
/// start; and a fresh connection would quietly create a new, empty file.
/// </summary>
public sealed class StoreGuard(DatabaseReadiness readiness) : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        EnsureFilePresent(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        EnsureFilePresent(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// Before the migrations have run, the file may rightly not exist yet: the migrator creates it. A server
    /// database has no file to lose.
    /// </summary>
    private void EnsureFilePresent(DbConnection connection)
    {
        if (connection is SqliteConnection && readiness.IsReady && !File.Exists(connection.DataSource))
        {
            throw new StoreUnavailableException($"The plans database {connection.DataSource} is missing; nothing is read or written until it is restored.");
        }
    }
}
