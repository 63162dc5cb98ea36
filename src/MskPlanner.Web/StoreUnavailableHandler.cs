using Microsoft.AspNetCore.Diagnostics;

using MskPlanner.Persistence;

namespace MskPlanner.Web;

/// <summary>
/// Answers a fault of the plan store's storage (a full or failing disk, a deleted file) with 503 and a problem
/// that says nothing was saved, instead of a bare 500 that reads like a bug. Other exceptions pass on.
/// </summary>
public sealed class StoreUnavailableHandler(IProblemDetailsService problems, ILogger<StoreUnavailableHandler> logger) : IExceptionHandler
{
    /// <summary>Long enough for an operator to free space or restore the file; a client may try again then.</summary>
    private const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!StoreFaults.IsUnavailable(exception))
        {
            return false;
        }

        logger.LogError(exception, "The plan store is unavailable: {Method} {Path} answered 503.", httpContext.Request.Method, SharedLinkPaths.Redacted(httpContext));
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await problems.WriteProblemAsync(httpContext, StatusCodes.Status503ServiceUnavailable, "The plan store is unavailable.",
            "Nothing was saved. The server cannot read or write its database right now (its disk is full or failing, or its file is missing); try again later.",
            exception);
        return true;
    }
}
