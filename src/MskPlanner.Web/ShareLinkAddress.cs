using Microsoft.Extensions.Options;

namespace MskPlanner.Web;

/// <summary>The "App" configuration section.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>
    /// The address colleagues open the app at, e.g. https://planner.example.com/ behind a proxy. Share links are
    /// built on it; unset, they are built on the address the request came in on (fine on a laptop).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}

/// <summary>
/// Builds share links in one place, for the API, the plan page and the PDF. A configured public address wins over
/// the request's Host header, which a client or a misconfigured proxy controls.
/// </summary>
public sealed class ShareLinkAddress(IOptions<AppOptions> options)
{
    /// <param name="requestBase">The app's base address as this request sees it, ending in "/".</param>
    public string For(string token, string requestBase) =>
        new Uri(options.Value.PublicBaseUrl ?? new Uri(requestBase), $"shared/{Uri.EscapeDataString(token)}").ToString();

    /// <summary>The request's own base address: scheme, host and path base.</summary>
    public static string BaseOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";

    internal static bool IsValid(AppOptions app) =>
        app.PublicBaseUrl is not { } url
        || (url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment) && url.AbsolutePath.EndsWith('/'));
}
