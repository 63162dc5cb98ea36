using MudBlazor;

namespace MskPlanner.Web.Components.Layout;

/// <summary>
/// System fonts only: the app must render the same offline as online. The status colours are darker than
/// MudBlazor's defaults so text in them (and white text on them) reaches WCAG AA's 4.5:1 contrast.
/// </summary>
public static class PlannerTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Error = "#c62828",
            Warning = "#a84f00",
            Success = "#1b6e3a",
            Info = "#0a5ea8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "DejaVu Sans", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
