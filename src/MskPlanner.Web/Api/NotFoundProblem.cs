using System.Reflection;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace MskPlanner.Web.Api;

/// <summary>
/// A 404 as problem+json that declares itself in the endpoint's signature, so the OpenAPI document lists it.
/// <see cref="ProblemHttpResult"/> carries its status only at run time; <see cref="NotFound{TValue}"/> writes plain JSON.
/// </summary>
public sealed class NotFoundProblem(string detail) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private readonly ProblemHttpResult _problem = TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public int? StatusCode => StatusCodes.Status404NotFound;

    public string Detail => detail;

    public Task ExecuteAsync(HttpContext httpContext) => _problem.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), ["application/problem+json"]));
}
