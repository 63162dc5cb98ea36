using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

using MudBlazor;

namespace MskPlanner.Web.Components.Layout;

/// <summary>
/// The frame of every page: the app bar, the error boundary, and the theme. The theme follows the system's light
/// or dark preference until the user picks one with the toggle; the pick is kept in the browser across visits.
/// </summary>
public partial class MainLayout : IAsyncDisposable
{
    private const string AppBarLink = "mud-button-root mud-button mud-button-text mud-button-text-inherit mud-button-text-size-medium mud-ripple";

    private ErrorBoundary? _errors;
    private PlannerThemeProvider? _themeProvider;
    private IJSObjectReference? _preferences;
    private bool _dark;
    private bool _followSystem;
    private bool _userPicked;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private IHttpContextAccessor Request { get; set; } = default!;

    [Inject] private LiveConnections Connections { get; set; } = default!;

    /// <summary>
    /// Read while the page is prerendered, when its request is at hand: this visitor already holds as many live pages
    /// as the server allows one address, so this page's connection will be refused. The page says so until it goes
    /// live (a tab closed meanwhile lets it), instead of showing a planner whose fields never unlock.
    /// </summary>
    private bool TooManyPages => !RendererInfo.IsInteractive && Request.HttpContext is { } request && Connections.IsFull(ClientAddress.Of(request));

    /// <summary>Moving to another page starts it afresh, not under the last page's error.</summary>
    protected override void OnParametersSet() => _errors?.Recover();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _themeProvider is null)
        {
            return;
        }

        try
        {
            await ApplyPreferenceAsync(_themeProvider);
        }
        catch (JSDisconnectedException)
        {
            // The page was closed before its theme was read: there is nothing left to draw it on.
        }
    }

    private async Task ApplyPreferenceAsync(MudThemeProvider themeProvider)
    {
        var preferences = await JS.InvokeAsync<IJSObjectReference>("import", "./js/theme.js");
        var chosen = await preferences.InvokeAsync<string?>("getPreference");
        _preferences = preferences;

        // On a slow connection the user can press the toggle while the saved choice is still on its way; that
        // press is the newer choice, so it wins (and is saved here if the module was not there to save it).
        if (_userPicked)
        {
            await SavePreferenceAsync();
            return;
        }

        _followSystem = chosen is not ("dark" or "light");
        var dark = _followSystem ? await themeProvider.GetSystemDarkModeAsync() : chosen == "dark";
        if (!_userPicked)
        {
            _dark = dark;
            StateHasChanged();
        }
    }

    private async Task ToggleThemeAsync()
    {
        _dark = !_dark;
        _followSystem = false;
        _userPicked = true;
        await SavePreferenceAsync();
    }

    private async Task SavePreferenceAsync()
    {
        if (_preferences is not null)
        {
            await _preferences.InvokeVoidAsync("setPreference", _dark ? "dark" : "light");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_preferences is not null)
        {
            try
            {
                await _preferences.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }

        GC.SuppressFinalize(this);
    }
}
