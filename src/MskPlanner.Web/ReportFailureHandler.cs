using Microsoft.AspNetCore.Diagnostics;

using MskPlanner.Reports;

namespace MskPlanner.Web;

/// <summary>
/// A PDF that could not be made: 503 when the server lacks its report fonts, 500 when rendering failed. The
/// caller, who may be anyone holding a share link, is told what happened and not why: the exception's text names
/// the server's font paths and internals, so it goes to the log only.
/// </summary>
public sealed class ReportFailureHandler(IProblemDetailsService problems, ILogger<ReportFailureHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case ReportFontsMissingException:
                logger.LogError(exception, "PDF export is not available: the report fonts are missing ({Path}).", SharedLinkPaths.Redacted(httpContext));
                await problems.WriteProblemAsync(httpContext, StatusCodes.Status503ServiceUnavailable, "PDF export is not available on this server.",
                    "The server cannot make PDFs right now; its operator has the details in the log.");
                return true;
            case ReportFailedException:
                logger.LogError(exception, "A PDF could not be rendered ({Path}).", SharedLinkPaths.Redacted(httpContext));
                await problems.WriteProblemAsync(httpContext, StatusCodes.Status500InternalServerError, "The PDF could not be rendered.",
                    "Nothing is wrong with your request; the server's log has the details.");
                return true;
            default:
                return false;
        }
    }
}
