using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

using MudBlazor;

namespace MskPlanner.Web.Components.Layout;

/// <summary>
/// MudThemeProvider for <see cref="PlannerTheme"/>, with its stylesheet built once per palette for the process. MudBlazor
/// builds the 12,000 characters of CSS variables again for every page and render, and a live page keeps them in its
/// render tree: 49 KiB a page (decision record 0011). The text is the same for every page with the same palette, so
/// each render's text is swapped for the first one like it, and the one it built is garbage at once.
/// </summary>
public sealed class PlannerThemeProvider : MudThemeProvider
{
    /// <summary>Light and dark, each with MudBlazor's scrollbar style or without it: four at most, as the theme is fixed.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Styles = new(StringComparer.Ordinal);

    public PlannerThemeProvider() => Theme = PlannerTheme.Theme;

    /// <summary>
    /// What MudThemeProvider draws: its scrollbar style unless the browser's is asked for, and the theme's variables.
    /// Its one other style, for a chart series under the pointer, is in app.css.
    /// </summary>
    protected override void BuildRenderTree(RenderTreeBuilder __builder)
    {
        if (!ReferenceEquals(Theme, PlannerTheme.Theme))
        {
            throw new InvalidOperationException($"{nameof(PlannerThemeProvider)} draws {nameof(PlannerTheme)} only; its stylesheet is shared by every page.");
        }

        var style = (DefaultScrollbar ? "" : BuildMudBlazorScrollbar()) + BuildTheme();
        __builder.AddContent(0, new MarkupString(Styles.GetOrAdd(style, style)));
    }
}
