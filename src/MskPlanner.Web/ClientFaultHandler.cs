using Microsoft.AspNetCore.Diagnostics;

namespace MskPlanner.Web;

/// <summary>
/// A request that Kestrel found malformed or too slow (a body that trickles in under the minimum rate is a 408, one
/// over the size limit a 413) is the client's fault: it gets its own 4xx and one warning line in the log, without
/// a stack, so an operator's alerting on errors does not page for every bad client.
/// </summary>
public sealed class ClientFaultHandler(IProblemDetailsService problems, ILogger<ClientFaultHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        logger.LogWarning("A client's request was refused with {Status}: {Reason} ({Method} {Path})",
            bad.StatusCode, bad.Message, httpContext.Request.Method, SharedLinkPaths.Redacted(httpContext));
        await problems.WriteProblemAsync(httpContext, bad.StatusCode, "The request could not be read.", bad.Message);
        return true;
    }
}
