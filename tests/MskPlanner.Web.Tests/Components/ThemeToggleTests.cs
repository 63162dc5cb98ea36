using Bunit;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

using MskPlanner.Web.Components.Layout;

using MudBlazor.Services;

namespace MskPlanner.Web.Tests.Components;

/// <summary>The layout brings its own popover and dialog providers, so it renders in a bare context.</summary>
public class ThemeToggleTests : BunitContext, IAsyncLifetime
{
    public ThemeToggleTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddHttpContextAccessor();
        Services.AddSingleton(new LiveConnections(Microsoft.Extensions.Options.Options.Create(new CircuitLimitOptions())));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void A_pick_made_before_the_saved_preference_has_loaded_is_kept_and_saved()
    {
        var theme = JSInterop.SetupModule("./js/theme.js");
        var saved = theme.Setup<string?>("getPreference");
        theme.SetupVoid("setPreference", _ => true).SetVoidResult();
        var layout = Render<MainLayout>(p => p.Add(c => c.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

        layout.Find("button[aria-label='Dark mode']").Click();
        saved.SetResult(null);

        layout.WaitForAssertion(() => Assert.Equal("dark", layout.Find("[data-theme]").GetAttribute("data-theme")));
        layout.WaitForAssertion(() => Assert.Equal("dark", Assert.Single(theme.Invocations["setPreference"]).Arguments[0]));
    }

    [Fact]
    public void A_saved_preference_sets_the_theme_on_the_first_visit_to_a_page()
    {
        var theme = JSInterop.SetupModule("./js/theme.js");
        theme.Setup<string?>("getPreference").SetResult("dark");

        var layout = Render<MainLayout>(p => p.Add(c => c.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

        layout.WaitForAssertion(() => Assert.Equal("dark", layout.Find("[data-theme]").GetAttribute("data-theme")));
        Assert.Equal("true", layout.Find("button[aria-label='Dark mode']").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void The_pages_stylesheet_follows_the_theme_picked_with_the_scrollbar_style_kept()
    {
        var theme = JSInterop.SetupModule("./js/theme.js");
        theme.Setup<string?>("getPreference").SetResult(null);
        var layout = Render<MainLayout>(p => p.Add(c => c.Body, (RenderFragment)(b => b.AddContent(0, "page"))));
        var light = layout.Find("style:last-of-type").TextContent;

        layout.Find("button[aria-label='Dark mode']").Click();

        layout.WaitForAssertion(() => Assert.Contains("--mud-palette-error: rgba(255,138,128,1)", layout.Find("style:last-of-type").TextContent, StringComparison.Ordinal));
        Assert.Contains("--mud-palette-error: rgba(198,40,40,1)", light, StringComparison.Ordinal);
        Assert.Contains("::-webkit-scrollbar", layout.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_closed_before_its_theme_is_read_ends_without_an_error()
    {
        var theme = JSInterop.SetupModule("./js/theme.js");
        theme.Setup<string?>("getPreference").SetException(new JSDisconnectedException("The circuit has disconnected and is being disposed."));

        Render<MainLayout>(p => p.Add(c => c.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

        // An exception the layout left unhandled ends the circuit with an error in the server's log.
        Assert.Single(theme.Invocations["getPreference"]);
        Assert.False(Renderer.UnhandledException.IsCompleted);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services dispose only asynchronously, so xUnit must take this path.</summary>
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
