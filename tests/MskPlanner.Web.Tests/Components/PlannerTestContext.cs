using Bunit;

using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

using MskPlanner.Persistence;
using MskPlanner.Pricing;
using MskPlanner.Web.Services;
using MskPlanner.Web.Telemetry;

using MudBlazor;
using MudBlazor.Services;

namespace MskPlanner.Web.Tests.Components;

/// <summary>
/// One bUnit context for MudBlazor components: its services, loose JS interop, the popover and dialog providers,
/// and the app's own services over a real, migrated SQLite file of the test's own.
/// </summary>
public abstract class PlannerTestContext : BunitContext, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mskplanner-bunit", Guid.NewGuid().ToString("N"));

    /// <param name="arrange">Services and authorization of the test's own, set before anything is rendered.</param>
    protected PlannerTestContext(Action<BunitContext>? arrange = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddMudServices();
        Services.AddSingleton<IPriceSource, BundledSnapshotPriceSource>();
        Services.AddSingleton<RegionCatalog>();
        Services.AddMetrics();
        Services.AddSingleton(new LiveConnections(Microsoft.Extensions.Options.Options.Create(new CircuitLimitOptions())));
        Services.AddSingleton<AppMetrics>();
        Services.AddSingleton<SizingService>();
        Services.AddScoped<MskPlanner.Web.Planner.AddressBar>();
        Services.AddSingleton(StoreProvider.For(new PersistenceOptions { DatabasePath = Path.Combine(_folder, "plans.db") }));
        Services.AddDbContextFactory<PlansDbContext>((sp, o) => sp.GetRequiredService<StoreProvider>().Configure(o));
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<PlanStore>();
        Services.AddSingleton<ApiTokenStore>();
        Services.AddSingleton<WorkspaceStore>();
        Services.AddOptions<MskPlanner.Web.Access.AuthOptions>();
        Services.AddSingleton<MskPlanner.Web.Access.Callers>();
        Services.AddScoped<MskPlanner.Web.Access.CurrentCaller>();
        Services.AddSingleton<PlanService>();
        Services.AddSingleton<ComparisonService>();
        Services.AddOptions<AppOptions>();
        Services.AddSingleton<ShareLinkAddress>();
        // Local mode's implicit user, always signed in, unless the test signs someone in.
        (arrange ?? (context => context.AddAuthorization().SetAuthorized("Local user")))(this);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
    }

    protected IRenderedComponent<MudDialogProvider> Dialogs { get; }

    /// <summary>A sizing at the prices the app runs with in tests: the bundled snapshot.</summary>
    protected static MskPlanner.Sizing.SizingResult Size(MskPlanner.Sizing.SizingRequest request) =>
        MskPlanner.Sizing.SizingEngine.Size(request.Resolve().GetValueOrThrow(), new BundledSnapshotPriceSource().Snapshot);

    protected void Navigate(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    /// <summary>The planner keeps its address in step through this module, not through a Blazor navigation.</summary>
    protected BunitJSModuleInterop AddressBar()
    {
        var module = JSInterop.SetupModule("./js/address.js");
        module.SetupVoid("replaceAddress", _ => true).SetVoidResult();
        return module;
    }

    protected static string LastAddress(BunitJSModuleInterop module) =>
        module.Invocations["replaceAddress"] is { Count: > 0 } calls && calls[^1].Arguments is [string address, ..] ? address : "";

    protected PlanService Plans => Services.GetRequiredService<PlanService>();

    public Task InitializeAsync() =>
        new DatabaseMigrator(Services.GetRequiredService<IDbContextFactory<PlansDbContext>>(), Services.GetRequiredService<StoreProvider>(), new DatabaseReadiness(), NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);

    /// <summary>MudBlazor's services dispose only asynchronously, so xUnit must take this path.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
