using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MskPlanner.Persistence;

/// <summary>
/// What differs between the databases that can hold the plans: how to connect, how to migrate, and how to tell
/// that saves can succeed now. Everything else (the model, the stores) is the same for both.
/// </summary>
public abstract class StoreProvider
{
    /// <summary>The assembly that holds this provider's migrations (under migrations/).</summary>
    public abstract string MigrationsAssembly { get; }

    public static StoreProvider For(PersistenceOptions options) => options.Provider switch
    {
        DatabaseProvider.PostgreSql => new PostgreSqlStore(options),
        _ => new SqliteStore(options),
    };

    /// <summary>Points a context at this database, with its migrations and the interceptors it needs.</summary>
    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, params IInterceptor[] interceptors)
    {
        UseDatabase(builder);
        return builder
            .AddInterceptors(interceptors)
            // Revisions and share links are reached through their plan, whose query filter hides deleted plans
            // (see PlansDbContext): the warning that they lack a filter of their own does not apply.
            .ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
    }

    /// <summary>The options of a context over this database, for tools and tests that build their own factory.</summary>
    public DbContextOptions<PlansDbContext> ContextOptions(params IInterceptor[] interceptors) =>
        (DbContextOptions<PlansDbContext>)Configure(new DbContextOptionsBuilder<PlansDbContext>(), interceptors).Options;

    protected abstract void UseDatabase(DbContextOptionsBuilder builder);

    /// <summary>
    /// Brings the database to the newest migration. EF Core takes a database-wide lock around it (a lock table
    /// on SQLite, a table lock on PostgreSQL), so instances starting together apply each migration once.
    /// </summary>
    internal abstract Task MigrateAsync(PlansDbContext db, CancellationToken cancellationToken);

    /// <summary>Whether saves can succeed now, in words fit for anyone who asks the health endpoint.</summary>
    internal abstract Task<StoreCondition> CheckAsync(IDbContextFactory<PlansDbContext> contexts, CancellationToken cancellationToken);
}
