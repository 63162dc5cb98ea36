using Microsoft.Net.Http.Headers;

namespace MskPlanner.Web.Api;

/// <summary>
/// Refuses an API write whose body is not declared as JSON, with 415. A browser sends a cross-site POST without
/// asking first only as a form, text/plain or with no content type (what <c>fetch</c> in no-cors mode does), so
/// requiring JSON keeps other sites from writing through a visitor's browser. DELETE is left alone: a browser
/// always asks the server before sending one cross-site, and our answer (no CORS) stops it there.
/// An endpoint marked <see cref="TakesUploads"/> (it reads files and saves nothing) takes multipart/form-data too.
/// </summary>
public sealed class JsonOnlyWritesMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var writes = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);
        if (writes && request.Path.StartsWithSegments("/api") && !IsJson(request.ContentType)
            && !(context.GetEndpoint()?.Metadata.GetMetadata<TakesUploads>() is not null && request.HasFormContentType))
        {
            await problems.WriteProblemAsync(context, StatusCodes.Status415UnsupportedMediaType, "The request must be JSON.",
                "Send Content-Type: application/json with every POST and PUT, even one without a body.");
            return;
        }

        await next(context);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) &&
        (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Marks an endpoint that takes files as multipart/form-data. Only for one that saves nothing: a cross-site page can
/// send such a form, and what it gets back is not readable to it.
/// </summary>
public sealed class TakesUploads;
