

using MskPlanner.Pricing;
using MskPlanner.Sizing;
using MskPlanner.Web.Services;

namespace MskPlanner.Web.Api;

public static class SizingEndpoints
{
    public static IEndpointRouteBuilder MapSizingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Sizing");

        api.MapPost("/sizing", SizeAsync)
            .WithName("SizeCluster")
            .WithSummary("Size an MSK cluster for every broker type and price it.")
            .WithDescription("Only avgDataInMiBps and partitions are required; omitted fields take the model's defaults. " +
                "Throughput in MiB/s, retention in hours, storage in GiB, money in USD per month (730 hours).")
            .Accepts<SizingRequest>("application/json")
            .Produces<SizingResponse>()
            .ProducesValidationProblem();

        api.MapGet("/regions", (RegionCatalog regions) => regions.All)
            .WithName("ListRegions")
            .WithSummary("The AWS regions where MSK is sold.");

        return app;
    }

    private static async Task<IResult> SizeAsync(HttpRequest request, SizingService sizing, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<SizingRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await sizing.SizeAsync(body!, cancellationToken);
        return outcome.Value is { } result
            ? TypedResults.Ok(SizingResponse.From(result))
            : JsonBody.Problem(outcome.Errors, "The workload has invalid fields.");
    }
}
