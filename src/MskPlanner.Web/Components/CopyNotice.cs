using MudBlazor;

namespace MskPlanner.Web.Components;

/// <summary>
/// What a copy button says. One notice at a time: each copy replaces the last one's notice, so copying three files
/// in a row leaves one line, not three stacked over the page.
/// </summary>
public static class CopyNotice
{
    private const string Key = "copy";

    /// <param name="done">What to say when the browser copied, e.g. "Link copied.".</param>
    /// <param name="what">What to select by hand when the browser refused, e.g. "the text".</param>
    public static void ShowCopied(this ISnackbar snackbar, bool copied, string done, string what)
    {
        snackbar.RemoveByKey(Key);
        snackbar.Add(copied ? done : $"This browser did not allow copying here: select {what} and copy it.", copied ? Severity.Success : Severity.Warning, key: Key);
    }
}
