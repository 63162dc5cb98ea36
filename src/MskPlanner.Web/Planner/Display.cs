namespace MskPlanner.Web.Planner;

/// <summary>What only the page needs on top of <see cref="Sizing.Figures"/>, which it shares with the PDF.</summary>
public static class Display
{
    /// <summary>
    /// A label for a MudChart axis. MudChart writes axis labels into the page as markup, not text, so anything a
    /// user typed (a plan's name) is HTML-encoded first: it then shows as typed and can never become an element.
    /// </summary>
    public static string ChartLabel(string text) => System.Net.WebUtility.HtmlEncode(text);
}
