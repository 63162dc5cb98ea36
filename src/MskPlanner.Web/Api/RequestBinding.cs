using System.Reflection;

using Microsoft.AspNetCore.Http.HttpResults;

using MskPlanner.Reports;
using MskPlanner.Sizing;

using MskPlanner.Web.Planner;

namespace MskPlanner.Web.Api;

/// <summary>A handler argument read from the request that may instead carry the 4xx problem saying why it could not be.</summary>
internal interface IBoundFromRequest
{
    IResult? Problem { get; }
}

/// <summary>
/// Answers with the problem of the first argument that could not be read, before the handler runs: the body and
/// paper checks are written once here instead of at the top of every handler.
/// </summary>
internal sealed class BindingProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.Arguments.OfType<IBoundFromRequest>().Select(a => a.Problem).FirstOrDefault(p => p is not null) ?? await next(context);
}

/// <summary>
/// A JSON body read by <see cref="JsonBody.ReadAsync{T}"/>: strictly, within its size limit. An absent body is
/// allowed only where the handler's parameter is nullable (a share link needs no options).
/// </summary>
internal sealed class JsonInput<T> : IBoundFromRequest where T : class
{
    private readonly T? _value;

    private JsonInput(T? value, IResult? problem)
    {
        _value = value;
        Problem = problem;
    }

    public IResult? Problem { get; }

    /// <summary>The body; the filter has already answered for a body that could not be read.</summary>
    public T Value => _value ?? throw new InvalidOperationException($"The body was not read; {nameof(BindingProblemFilter)} must run first.");

    public static async ValueTask<JsonInput<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var request = context.Request;
        var absent = request.ContentLength is 0 or null && request.Headers.TransferEncoding.Count == 0;
        // A context per call: NullabilityInfoContext is not safe to share between threads.
        if (absent && new NullabilityInfoContext().Create(parameter).ReadState == NullabilityState.Nullable)
        {
            return null;
        }

        var (body, problem) = await JsonBody.ReadAsync<T>(request, context.RequestAborted);
        return new JsonInput<T>(body, problem);
    }
}

/// <summary>The <c>family</c> query parameter where one is optional: a family's name, or empty for none.</summary>
internal static class FamilyQuery
{
    /// <returns>Null when read; otherwise the problem, titled <paramref name="title"/>, that names the field.</returns>
    public static ValidationProblem? TryRead(string? text, string title, out BrokerFamily? family)
    {
        family = null;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!EnumText.TryParse<BrokerFamily>(text, out var parsed))
        {
            return JsonBody.Problem("family", $"family must be one of {string.Join(", ", Enum.GetNames<BrokerFamily>())}.", title);
        }

        family = parsed;
        return null;
    }
}

/// <summary>The paper a PDF is laid out on: <c>paper=a4|letter</c>, or the server's default.</summary>
internal sealed class Paper : IBoundFromRequest
{
    private Paper(PaperSize size, IResult? problem)
    {
        Size = size;
        Problem = problem;
    }

    public PaperSize Size { get; }

    public IResult? Problem { get; }

    public static ValueTask<Paper?> BindAsync(HttpContext context)
    {
        var text = context.Request.Query["paper"].ToString();
        var fallback = context.RequestServices.GetRequiredService<ReportRenderer>().DefaultPaper;
        return ValueTask.FromResult<Paper?>(string.IsNullOrEmpty(text) ? new(fallback, null)
            : EnumText.TryParse<PaperSize>(text, out var size) ? new(size, null)
            : new(fallback, JsonBody.Problem("paper", "paper must be a4 or letter.", "The query is invalid.")));
    }
}
