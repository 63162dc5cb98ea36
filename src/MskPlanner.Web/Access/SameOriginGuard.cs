using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace MskPlanner.Web.Access;

/// <summary>
/// Refuses, in every mode, a write or a connection to the Blazor hub that a browser made from another site. A
/// browser names the page's origin in <c>Origin</c> on every cross-origin request and every web socket it opens,
/// and a page cannot forge it; a web socket has no CORS to stop it otherwise, so without this check another site's
/// page could drive a visitor's planner. Requests without <c>Origin</c> (scripts, curl, API tokens) are not a
/// browser's cross-site request and pass.
/// </summary>
public static class SameOriginGuard
{
    public static WebApplication UseSameOriginGuard(this WebApplication app)
    {
        var publicBaseUrl = app.Services.GetRequiredService<IOptions<AppOptions>>().Value.PublicBaseUrl;
        var callbacks = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(SignIn.OidcScheme);
        // The provider's sign-in answer is a form it posts from its own origin; its state and nonce protect it.
        PathString[] exempt = [callbacks.CallbackPath, callbacks.SignedOutCallbackPath, callbacks.RemoteSignOutPath];
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var guarded = request.Path.StartsWithSegments(CircuitLimitMiddleware.Hub) || IsWrite(request.Method);
            if (guarded && !exempt.Any(p => p.HasValue && request.Path.StartsWithSegments(p)) && !IsSameOrigin(request, publicBaseUrl))
            {
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteProblemAsync(context, StatusCodes.Status403Forbidden,
                    "Cross-site request refused.", "This server takes changes and live pages only from its own pages.");
                return;
            }

            await next(context);
        });
        return app;
    }

    private static bool IsWrite(string method) => !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    /// <summary>No <c>Origin</c>, or one naming this server as the request reached it or as its public address says.</summary>
    private static bool IsSameOrigin(HttpRequest request, Uri? publicBaseUrl)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        // "null" (a sandboxed frame, a file) and anything unparsable name no site of ours.
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https"))
        {
            return false;
        }

        return SameHost(site, request.Host)
            || (publicBaseUrl is not null && SameHost(site, HostString.FromUriComponent(publicBaseUrl)));
    }

    /// <summary>
    /// The same host and port. The scheme is not compared: behind a proxy that ends TLS the app sees http while the
    /// browser's origin says https, and a host name without a port then means the scheme's default one on either side.
    /// </summary>
    private static bool SameHost(Uri site, HostString host) =>
        string.Equals(site.Host, host.Host, StringComparison.OrdinalIgnoreCase)
        && (host.Port is { } port ? site.Port == port : site.IsDefaultPort);
}
