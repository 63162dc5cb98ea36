using System.Text.RegularExpressions;

using Microsoft.Playwright;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>The plan page a save leads to.</summary>
internal static partial class SavedPlanPage
{
    /// <summary>
    /// Waits until the plan page is drawn and live. The address changes before the page is drawn, and until then the
    /// planner is still there, live too: a check would read the planner's fields, and a click land on its tabs.
    /// </summary>
    public static async Task DrawnAsync(IPage page)
    {
        await Assertions.Expect(page).ToHaveURLAsync(PlanAddress());
        await Assertions.Expect(page.Locator("[data-testid=plan-tabs]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
    }

    [GeneratedRegex(@"/plans/\d+$")]
    private static partial Regex PlanAddress();
}
