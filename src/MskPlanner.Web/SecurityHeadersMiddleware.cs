using Microsoft.Extensions.Options;

using MskPlanner.Web.Access;

using Scalar.AspNetCore;

namespace MskPlanner.Web;

/// <summary>
/// Headers that stop the app being framed, sniffed or leaking referrers, on every response. The content security
/// policy allows what Blazor Server and MudBlazor need: their own scripts, inline styles, and the circuit's web
/// socket to this origin ('self' covers ws: and wss: to it). The API reference page starts its own script inline,
/// with a nonce made for that response, which the policy then allows. They are set as the response starts, because
/// the exception handler clears the headers of a failed request before it writes the problem.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<AuthOptions> auth)
{
    private readonly string _otherSources =
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'" + SignOutDestination(auth.Value);

    /// <summary>The sign-out form is answered with a redirect to the provider, which form-action governs too.</summary>
    private static string SignOutDestination(AuthOptions auth) =>
        auth.Mode == AuthMode.Oidc && Uri.TryCreate(auth.Oidc.Authority, UriKind.Absolute, out var provider)
            ? " " + provider.GetLeftPart(UriPartial.Authority)
            : "";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            var scripts = context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce ? $"'self' 'nonce-{nonce}'" : "'self'";
            headers.ContentSecurityPolicy = $"default-src 'self'; script-src {scripts}; {_otherSources}";
            if (SharedLinkPaths.IsSharedView(context.Request.Path))
            {
                // The address is the credential: no browser or proxy cache may keep a copy after the link is revoked.
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
