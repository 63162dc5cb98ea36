using System.Globalization;

using Microsoft.Playwright;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>
/// For the tests and load drivers of pages that pause (circuit-pause.js): how many circuits the server holds, from
/// Blazor's own gauge in the app's Prometheus scrape (Telemetry:Prometheus on), and a page hidden or shown as a
/// switch of tabs would, since headless Chromium never hides a page by itself.
/// </summary>
public static class PausedPages
{
    /// <summary>The circuits the server holds now.</summary>
    public static async Task<int> ActiveCircuitsAsync(HttpClient app)
    {
        var scrape = await app.GetStringAsync(new Uri("metrics", UriKind.Relative));
        var line = scrape.Split('\n').FirstOrDefault(l => l.StartsWith("aspnetcore_components_circuit_active", StringComparison.Ordinal));
        return line is null ? 0 : (int)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>Reads the gauge until it shows <paramref name="expected"/> or <paramref name="timeout"/> passes; returns the last reading.</summary>
    public static async Task<int> WaitForActiveCircuitsAsync(HttpClient app, int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        int active;
        while ((active = await ActiveCircuitsAsync(app)) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        return active;
    }

    /// <summary>Tells the page it is "hidden" or "visible".</summary>
    public static async Task SetVisibilityAsync(IPage page, string state) => await page.EvaluateAsync("""
        state => {
            Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
            Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
            document.dispatchEvent(new Event('visibilitychange'));
        }
        """, state);
}
