namespace MskPlanner.Web;

/// <summary>Problem responses written by middleware, outside the endpoints' typed results.</summary>
public static class ProblemResponses
{
    /// <summary>
    /// Sets the status and writes a problem+json body with the app's usual problem shape, or the same words as
    /// plain text for a client whose Accept header rules JSON out.
    /// </summary>
    public static async ValueTask WriteProblemAsync(this IProblemDetailsService problems, HttpContext context, int status, string title, string detail, Exception? exception = null)
    {
        context.Response.StatusCode = status;
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
        if (!written)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"{title} {detail}");
        }
    }
}
