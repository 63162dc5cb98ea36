using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

using MskPlanner.Import;
using MskPlanner.Web.Access;

namespace MskPlanner.Web.Api;

public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/v1/import").WithTags("Import").AddEndpointFilter<BindingProblemFilter>().ForSignedInUsers();

        imports.MapPost("/prometheus", PrometheusAsync)
            .WithName("ImportFromPrometheus")
            .WithSummary("A workload as streams, measured by a running cluster's Prometheus: a stream per topic, or per group of topics.")
            .WithDescription("Give source (one of the server's Import:Prometheus:Sources) or, in Local mode only, url. days (7), stepSeconds (300), " +
                "naming (auto, jmx, msk, kafka-exporter) and peak (p99, max) are optional. request is a body POST /api/v1/sizing takes as it is; " +
                "figures say where each value came from. 502 when Prometheus cannot answer, 422 when it has no Kafka traffic to import.")
            .Accepts<PrometheusImportRequest>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .LimitedBy(RateLimitPolicies.Sizing);

        return app;
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> PrometheusAsync(
        JsonInput<PrometheusImportRequest> body, PrometheusImporter importer, IOptions<PrometheusImportOptions> options, IOptions<AuthOptions> auth,
        ILogger<PrometheusImporter> logger, CancellationToken cancellationToken)
    {
        var request = body.Value;
        var window = request.ResolveWindow();
        var (target, targetErrors) = PrometheusTarget.Resolve(request, options.Value.Sources, typedUrlAllowed: auth.Value.Mode == AuthMode.Local);
        if (target is null && targetErrors.Count == 0)
        {
            return TypedResults.Problem(
                $"This server imports only from the Prometheus servers its operator configures in {PrometheusImportOptions.Section}:Sources; give source, one of their names, instead of url.",
                statusCode: StatusCodes.Status403Forbidden, title: "A typed Prometheus address is not allowed here.");
        }

        if (!window.Succeeded || target is null)
        {
            return JsonBody.Problem([.. window.Errors, .. targetErrors], "The import has invalid fields.");
        }

        ImportResult result;
        try
        {
            result = await importer.ImportAsync(target, window.Value, cancellationToken);
        }
        catch (PrometheusQueryException e)
        {
            logger.LogWarning("An import from Prometheus at {Target} failed: {Reason}", target, e.Message);
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status502BadGateway, title: "Prometheus did not answer the import.");
        }

        return result.Request.Streams is { Count: > 0 }
            ? TypedResults.Ok(result)
            : TypedResults.Problem(string.Join(" ", result.Warnings), statusCode: StatusCodes.Status422UnprocessableEntity, title: "Nothing to import.");
    }
}
