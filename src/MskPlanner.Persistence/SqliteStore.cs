using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MskPlanner.Persistence;

/// <summary>One embedded SQLite file in write-ahead-log mode, so readers never wait for a save.</summary>
internal sealed class SqliteStore(PersistenceOptions options) : StoreProvider
{
    public override string MigrationsAssembly => "MskPlanner.Migrations.Sqlite";

    protected override void UseDatabase(DbContextOptionsBuilder builder) =>
        builder.UseSqlite(options.SqliteConnectionString(), sqlite => sqlite.MigrationsAssembly(MigrationsAssembly));

    internal override async Task MigrateAsync(PlansDbContext db, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(options.FullPath)!);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>Present, room on its disk, and the write lock obtainable: a read alone passes on a full disk or a deleted file.</summary>
    internal override async Task<StoreCondition> CheckAsync(IDbContextFactory<PlansDbContext> contexts, CancellationToken cancellationToken)
    {
        var path = options.FullPath;
        if (!File.Exists(path))
        {
            return new(false, "The database file is missing.");
        }

        var free = new DriveInfo(Path.GetDirectoryName(path)!).AvailableFreeSpace / (1024 * 1024);
        if (free < options.MinFreeSpaceMiB)
        {
            return new(false, $"Only {free} MiB free beside the database (at least {options.MinFreeSpaceMiB} MiB wanted): saves may fail.");
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
        catch (SqliteException e) when (e.SqliteErrorCode is StoreFaults.Busy or StoreFaults.Locked)
        {
            return new(true, $"Busy with a save, {free} MiB free.");
        }
        catch (Exception e) when (StoreFaults.IsUnavailable(e) || e is SqliteException)
        {
            return new(false, $"The database cannot be written: {e.Message}");
        }
    }
}
