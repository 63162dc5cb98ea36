namespace MskPlanner.Persistence;

internal static class TextLimits
{
    /// <summary>
    /// The text cut to a column's length, for what comes from elsewhere (a provider's claims, a presented token)
    /// and is stored or looked up as it is rather than refused.
    /// </summary>
    public static string Cut(this string text, int length) => text.Length > length ? text[..length] : text;
}
