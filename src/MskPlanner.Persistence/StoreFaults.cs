using Microsoft.Data.Sqlite;

using Npgsql;

namespace MskPlanner.Persistence;

/// <summary>The plan store cannot be used now: its file is gone, its disk is full or failing. Nothing was saved.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Tells a fault of the store's storage (answered 503, retry later) from a fault of our own code (a bug).</summary>
public static class StoreFaults
{
    // SQLite result codes: https://www.sqlite.org/rescode.html
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CannotOpen = 14;
    private const int NotADatabase = 26;
    internal const int Busy = 5;
    internal const int Locked = 6;
    private const int Constraint = 19;

    public static bool IsUnavailable(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            var unavailable = e switch
            {
                StoreUnavailableException => true,
                SqliteException sqlite => sqlite.SqliteErrorCode is ReadOnly or IoError or Corrupt or Full or CannotOpen or NotADatabase,
                PostgresException postgres => IsServerUnavailable(postgres.SqlState),
                // Npgsql's own failures, with no answer from the server: refused or dropped connections, timeouts.
                NpgsqlException => true,
                _ => false,
            };
            if (unavailable)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Two saves met: SQLite's writer lock was held too long, or both took one revision number, or PostgreSQL
    /// chose one of them to fail. The loser tries again and both are kept.
    /// </summary>
    public static bool IsWriteConflict(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: Busy or Locked or Constraint }
                or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Connection lost (08), out of disk or memory (53), shut down or starting (57P), read-only standby (25006).</summary>
    private static bool IsServerUnavailable(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state.StartsWith("53", StringComparison.Ordinal)
        || state.StartsWith("57P", StringComparison.Ordinal)
        || state == PostgresErrorCodes.ReadOnlySqlTransaction;
}
