using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MskPlanner.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The name the data-protection key ring is kept under, the same for every instance wherever it runs.</summary>
    public const string ApplicationName = "MskPlanner";

    /// <summary>
    /// Saved plans, cached price sets, leases and the data-protection key ring in SQLite (the default) or
    /// PostgreSQL: a context factory, the stores, and migrations applied at start.
    /// </summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PersistenceOptions>()
            .BindConfiguration(PersistenceOptions.Section)
            .Configure<IConfiguration>((o, configuration) =>
                o.PostgreSqlConnectionString ??= configuration.GetConnectionString(PersistenceOptions.ConnectionStringName))
            .Validate(o => Enum.IsDefined(o.Provider), "Persistence:Provider must be Sqlite or PostgreSql.")
            .Validate(o => o.Provider != DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(o.DatabasePath), "Persistence:DatabasePath must name the SQLite file.")
            .Validate(
                o => o.Provider != DatabaseProvider.PostgreSql || !string.IsNullOrWhiteSpace(o.PostgreSqlConnectionString),
                "Persistence:Provider is PostgreSql, so ConnectionStrings:Plans must give the database to connect to.")
            .Validate(o => o.MinFreeSpaceMiB >= 0, "Persistence:MinFreeSpaceMiB must be 0 or more.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => StoreProvider.For(sp.GetRequiredService<IOptions<PersistenceOptions>>().Value));
        builder.Services.AddDbContextFactory<PlansDbContext>((sp, options) => sp.GetRequiredService<StoreProvider>()
            .Configure(options, sp.GetRequiredService<StoreGuard>(), sp.GetRequiredService<StoreMetrics>()));
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PlanStore>();
        builder.Services.AddSingleton<ApiTokenStore>();
        builder.Services.AddSingleton<WorkspaceStore>();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<PriceSetStore>();
        builder.Services.AddSingleton<LeaseStore>();
        builder.Services.AddSingleton<DatabaseReadiness>();
        builder.Services.AddSingleton<StoreGuard>();
        builder.Services.AddSingleton<StoreMetrics>();
        builder.Services.AddSingleton<StoreProbe>();
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrator>());
        // Kept with the plans, so cookies and antiforgery tokens one instance issues are accepted by the others.
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<PlansDbContext>();
        return builder;
    }
}
