using Microsoft.Data.Sqlite;

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

    public static bool IsUnavailable(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is StoreUnavailableException or SqliteException { SqliteErrorCode: ReadOnly or IoError or Corrupt or Full or CannotOpen or NotADatabase })
            {
                return true;
            }
        }

        return false;
    }
}
