using MudBlazor;

namespace MskPlanner.Web.Components.Layout;

/// <summary>
/// System fonts only: the app must render the same offline as online. The status colours are darker than
/// MudBlazor's defaults so text in them (and white text on them) reaches WCAG AA's 4.5:1 contrast. In the dark
/// palette they are lighter instead, with dark text on filled buttons, for the same contrast on a dark surface.
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
        PaletteDark = new PaletteDark
        {
            Primary = "#9fa8ff",
            PrimaryContrastText = "#11131f",
            Error = "#ff8a80",
            ErrorContrastText = "#11131f",
            Warning = "#ffb74d",
            WarningContrastText = "#11131f",
            Success = "#81c784",
            SuccessContrastText = "#11131f",
            Info = "#90caf9",
            InfoContrastText = "#11131f",
            // Alerts write their text in the "darken" shade; on a dark surface it has to be the lighter one.
            ErrorDarken = "#ffb4ab",
            WarningDarken = "#ffd08a",
            SuccessDarken = "#a5d6a7",
            InfoDarken = "#bbdefb",
            // MudBlazor's dark secondary text (50% white) is 3.6:1 on its surface; 75% reaches 4.5:1.
            TextSecondary = "rgba(255,255,255,0.75)",
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
