using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MskPlanner.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The assembly that holds the migrations (the top-level migrations/ project).</summary>
    public const string MigrationsAssembly = "MskPlanner.Migrations";

    /// <summary>Saved plans and cached price sets in SQLite: a context factory, the stores, and migrations applied at start.</summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PersistenceOptions>()
            .BindConfiguration(PersistenceOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabasePath), "Persistence:DatabasePath must name the SQLite file.")
            .Validate(o => o.MinFreeSpaceMiB >= 0, "Persistence:MinFreeSpaceMiB must be 0 or more.")
            .ValidateOnStart();
        builder.Services.AddDbContextFactory<PlansDbContext>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<IOptions<PersistenceOptions>>().Value.ConnectionString(), sqlite => sqlite.MigrationsAssembly(MigrationsAssembly))
            .AddInterceptors(sp.GetRequiredService<StoreGuard>())
            // Revisions and share links are reached through their plan, whose query filter hides deleted plans
            // (see PlansDbContext): the warning that they lack a filter of their own does not apply.
            .ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning)));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PlanStore>();
        builder.Services.AddSingleton<PriceSetStore>();
        builder.Services.AddSingleton<DatabaseReadiness>();
        builder.Services.AddSingleton<StoreGuard>();
        builder.Services.AddSingleton<StoreProbe>();
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrator>());
        return builder;
    }
}
