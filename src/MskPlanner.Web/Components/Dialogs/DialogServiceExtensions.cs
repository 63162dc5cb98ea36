using MudBlazor;

namespace MskPlanner.Web.Components.Dialogs;

public static class DialogServiceExtensions
{
    /// <summary>Asks before an action; true only when the user confirmed (Escape and Cancel are a no).</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmText,
        string cancelText = "Cancel", bool destructive = false)
    {
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.CancelText, cancelText },
            { d => d.Destructive, destructive },
        });
        return await dialog.Result is { Canceled: false };
    }

    /// <summary>Shows how figures were worked out; nothing to answer.</summary>
    public static Task ExplainAsync(this IDialogService dialogs, string title, IEnumerable<MskPlanner.Sizing.Explanation> explanations) =>
        dialogs.ShowAsync<ExplanationDialog>(title, new DialogParameters<ExplanationDialog> { { d => d.Explanations, [.. explanations] } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true });
}
