using Bunit;

using Microsoft.AspNetCore.Components;

using Microsoft.Extensions.DependencyInjection;

using MskPlanner.Pricing;
using MskPlanner.Web.Services;

using MudBlazor;
using MudBlazor.Services;

namespace MskPlanner.Web.Tests.Components;

/// <summary>One bUnit context for MudBlazor components: its services, loose JS interop, and the popover provider.</summary>
public abstract class PlannerTestContext : BunitContext, IAsyncLifetime
{
    protected PlannerTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IPriceSource, BundledSnapshotPriceSource>();
        Services.AddSingleton<SizingService>();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services dispose only asynchronously, so xUnit must take this path.</summary>
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
