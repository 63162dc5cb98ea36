using Microsoft.AspNetCore.Diagnostics;

namespace MskPlanner.Web.Access;

/// <summary>
/// A page that needs sign-in while the OpenID provider cannot be reached (its discovery document does not load)
/// gets a 503 that says so, instead of a 500 that reads like a bug in the app.
/// </summary>
public sealed class ProviderUnavailableHandler(IProblemDetailsService problems, ILogger<ProviderUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // IDX20803 is Microsoft.IdentityModel's "unable to obtain configuration" from the provider's metadata address.
        if (exception is not InvalidOperationException || !exception.Message.StartsWith("IDX20803", StringComparison.Ordinal))
        {
            return false;
        }

        logger.LogError(exception, "The sign-in provider cannot be reached: {Path} answered 503.", SharedLinkPaths.Redacted(httpContext));
        httpContext.Response.Headers.RetryAfter = "30";
        await problems.WriteProblemAsync(httpContext, StatusCodes.Status503ServiceUnavailable, "The sign-in provider cannot be reached.",
            "This server signs users in with its OpenID Connect provider, which is not answering. Try again shortly.", exception);
        return true;
    }
}
