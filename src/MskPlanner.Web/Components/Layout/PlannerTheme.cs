using MudBlazor;

namespace MskPlanner.Web.Components.Layout;

/// <summary>System fonts only: the app must render the same offline as online.</summary>
public static class PlannerTheme
{
    public static MudTheme Theme { get; } = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "DejaVu Sans", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
