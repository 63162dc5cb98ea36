using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MskPlanner.Persistence;

/// <summary>What the store's health check found.</summary>
public sealed record StoreCondition(bool IsUsable, string Description);

/// <summary>
/// Checks that saves can succeed now: migrated, the file present, room on its disk, and the write lock
/// obtainable. A read alone would pass on a full disk or a deleted file.
/// </summary>
public sealed class StoreProbe(IDbContextFactory<PlansDbContext> contexts, DatabaseReadiness readiness, IOptions<PersistenceOptions> options)
{
    private const int Busy = 5;
    private const int Locked = 6;

    public async Task<StoreCondition> CheckAsync(CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            return new(false, "The database is being migrated.");
        }

        var path = options.Value.FullPath;
        if (!File.Exists(path))
        {
            return new(false, "The database file is missing.");
        }

        var free = new DriveInfo(Path.GetDirectoryName(path)!).AvailableFreeSpace / (1024 * 1024);
        if (free < options.Value.MinFreeSpaceMiB)
        {
            return new(false, $"Only {free} MiB free beside the database (at least {options.Value.MinFreeSpaceMiB} MiB wanted): saves may fail.");
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            // A check must answer quickly; a save holding the lock longer than this shows writing works anyway.
            command.CommandTimeout = 2;
            await command.ExecuteNonQueryAsync(cancellationToken);
            // No path here: the health endpoints answer anyone who asks, and where the data lives is not theirs to know.
            return new(true, $"Writable, {free} MiB free.");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is Busy or Locked)
        {
            return new(true, $"Busy with a save, {free} MiB free.");
        }
        catch (Exception e) when (StoreFaults.IsUnavailable(e) || e is SqliteException)
        {
            return new(false, $"The database cannot be written: {e.Message}");
        }
    }
}
