using MskPlanner.Persistence;

using MudBlazor;

namespace MskPlanner.Web.Components;

public static class RoleRefusals
{
    /// <summary>
    /// Runs a change the user's role may no longer allow: an owner can change it while the page is open. The store's
    /// refusal becomes a message, and the page, with any edits not saved yet, stays as it was.
    /// </summary>
    public static async Task TryAsync(this ISnackbar snackbar, Func<Task> change)
    {
        try
        {
            await change();
        }
        catch (AccessDeniedException refused)
        {
            snackbar.Add(refused.Message + " Reload the page to see what you may do now.", Severity.Warning);
        }
    }
}
