using Microsoft.AspNetCore.Diagnostics;

using MskPlanner.Persistence;

namespace MskPlanner.Web.Access;

/// <summary>
/// Answers a change the caller's role does not allow (a viewer saving, an editor managing members) with a 403
/// problem that names their role and the one needed. Only for a workspace they can see: the stores answer a
/// workspace or plan they cannot see as not found.
/// </summary>
public sealed class AccessDeniedHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not AccessDeniedException denied)
        {
            return false;
        }

        await problems.WriteProblemAsync(httpContext, StatusCodes.Status403Forbidden, "Your role does not allow this.",
            denied.Message + " An owner of the workspace can change your role.");
        return true;
    }
}
