namespace MskPlanner.Persistence;

/// <summary>Where the plans are kept.</summary>
public enum DatabaseProvider
{
    /// <summary>One embedded file beside the app: no set-up, one app process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database the team runs: several app processes can share it.</summary>
    PostgreSql,
}

/// <summary>The "Persistence" configuration section, with <c>ConnectionStrings:Plans</c> for PostgreSQL.</summary>
public sealed class PersistenceOptions
{
    public const string Section = "Persistence";

    /// <summary>The name under <c>ConnectionStrings</c> that points at the PostgreSQL database.</summary>
    public const string ConnectionStringName = "Plans";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file; a relative path is taken from the directory the app is started in.</summary>
    public string DatabasePath { get; set; } = "data/mskplanner.db";

    /// <summary>The PostgreSQL connection string (from <c>ConnectionStrings:Plans</c>); unused for SQLite.</summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>Below this much free space beside the SQLite file, the readiness check reports the store unhealthy.</summary>
    public int MinFreeSpaceMiB { get; set; } = 32;

    /// <summary>The SQLite file's absolute path.</summary>
    public string FullPath => Path.GetFullPath(DatabasePath);

    public string SqliteConnectionString() =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = FullPath, DefaultTimeout = 30, Pooling = true }.ToString();
}
