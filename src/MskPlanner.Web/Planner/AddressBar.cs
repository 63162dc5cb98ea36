using Microsoft.JSInterop;

namespace MskPlanner.Web.Planner;

/// <summary>
/// Keeps the browser's address a link to what is on screen, through history.replaceState (wwwroot/js/address.js):
/// a Blazor navigation would make the router render the whole page a second time on every keystroke. One per
/// circuit.
/// </summary>
public sealed class AddressBar(IJSRuntime js) : IAsyncDisposable
{
    private Task<IJSObjectReference>? _module;
    private Task _writing = Task.CompletedTask;
    private string? _newest;

    /// <summary>
    /// Shows <paramref name="address"/>, not awaited by the page. Edits can come faster than the browser answers
    /// (the first ones wait for the module together), so only the newest is written: an older write landing last
    /// would leave the address behind the page, as typing "60" under load once left "6".
    /// </summary>
    public Task ShowAsync(string address)
    {
        _newest = address;
        return _writing = WriteAsync(address);
    }

    private async Task WriteAsync(string address)
    {
        try
        {
            var module = await (_module ??= js.InvokeAsync<IJSObjectReference>("import", "./js/address.js").AsTask());
            if (address == _newest)
            {
                await module.InvokeVoidAsync("replaceAddress", address);
            }
        }
        catch (Exception e) when (e is JSDisconnectedException or OperationCanceledException)
        {
            // The page closed while typing: there is no address bar left to update.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writing;
        if (_module is { IsCompletedSuccessfully: true })
        {
            try
            {
                await _module.Result.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The page is gone, and its module with it.
            }
        }
    }
}
