namespace MskPlanner.Web;

/// <summary>
/// A share link's address holds its token, and the token is the credential: anyone who reads it opens the plan.
/// Logs and traces name a request by its path with the token replaced, as the route template writes it.
/// </summary>
public static class SharedLinkPaths
{
    private const string Segment = "/shared/";

    public static bool IsSharedView(PathString path) => path.StartsWithSegments("/shared") || path.StartsWithSegments("/api/v1/shared");

    /// <summary>The path as it may be recorded: <c>/api/v1/shared/{token}/summary.pdf</c> for any token.</summary>
    public static string Redacted(PathString path)
    {
        var text = path.Value ?? "";
        var at = text.IndexOf(Segment, StringComparison.Ordinal);
        if (at < 0 || !IsSharedView(path))
        {
            return text;
        }

        var tokenStart = at + Segment.Length;
        var tokenEnd = text.IndexOf('/', tokenStart);
        return string.Concat(text.AsSpan(0, tokenStart), "{token}", tokenEnd < 0 ? "" : text.AsSpan(tokenEnd));
    }

    /// <inheritdoc cref="Redacted(PathString)"/>
    public static string Redacted(HttpContext context) => Redacted(context.Request.Path);
}
