namespace MskPlanner.Persistence;

/// <summary>The "Persistence" configuration section.</summary>
public sealed class PersistenceOptions
{
    public const string Section = "Persistence";

    /// <summary>The SQLite file; a relative path is taken from the directory the app is started in.</summary>
    public string DatabasePath { get; set; } = "data/mskplanner.db";

    /// <summary>Below this much free space beside the database, the readiness check reports the store unhealthy.</summary>
    public int MinFreeSpaceMiB { get; set; } = 32;

    /// <summary>The SQLite file's absolute path.</summary>
    public string FullPath => Path.GetFullPath(DatabasePath);

    public string ConnectionString() =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = FullPath, DefaultTimeout = 30, Pooling = true }.ToString();
}
