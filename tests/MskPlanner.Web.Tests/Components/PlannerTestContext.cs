using Bunit;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using MskPlanner.Import;
using MskPlanner.Persistence;
using MskPlanner.Pricing;
using MskPlanner.Web.Services;
using MskPlanner.Web.Telemetry;

using MudBlazor;

namespace MskPlanner.Web.Tests.Components;

/// <summary>
/// One bUnit context for MudBlazor components: loose JS interop, the popover and dialog providers, and the app's
/// services registered as the app registers them, over a real, migrated SQLite file of the test's own: a service the
/// app adds or changes is the one the components get here.
/// </summary>
public abstract class PlannerTestContext : BunitContext, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mskplanner-bunit", Guid.NewGuid().ToString("N"));

    /// <param name="arrange">Services and authorization of the test's own, set before anything is rendered.</param>
    protected PlannerTestContext(Action<BunitContext>? arrange = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        AddTheAppsServices();
        // Local mode's implicit user, always signed in, unless the test signs someone in.
        (arrange ?? (context => context.AddAuthorization().SetAuthorized("Local user")))(this);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
    }

    protected IRenderedComponent<MudDialogProvider> Dialogs { get; }

    /// <summary>
    /// The app's services as Program.cs registers them, through the same extensions, over this test's SQLite file
    /// and the bundled prices; bUnit's stand-ins for the browser (navigation, JavaScript) are kept.
    /// </summary>
    private void AddTheAppsServices()
    {
        var app = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        app.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pricing:Source"] = "Snapshot",
            ["Persistence:DatabasePath"] = Path.Combine(_folder, "plans.db"),
        });
        app.AddPricing();
        app.AddImport();
        app.AddPersistence();
        app.AddWeb();
        app.AddTelemetry();
        var bunits = Services.Select(s => s.ServiceType).ToHashSet();
        foreach (var service in app.Services.Where(s => !bunits.Contains(s.ServiceType)))
        {
            Services.Add(service);
        }
    }

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

    public Task InitializeAsync() => Services.GetRequiredService<DatabaseMigrator>().StartAsync(CancellationToken.None);

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
