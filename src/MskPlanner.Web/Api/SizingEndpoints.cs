using Microsoft.AspNetCore.Http.HttpResults;

using MskPlanner.Pricing;
using MskPlanner.Sizing;
using MskPlanner.Web.Services;

namespace MskPlanner.Web.Api;

public static class SizingEndpoints
{
    public static IEndpointRouteBuilder MapSizingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Sizing").AddEndpointFilter<BindingProblemFilter>();

        api.MapPost("/sizing", SizeAsync)
            .WithName("SizeCluster")
            .WithSummary("Size an MSK cluster for every broker type and price it.")
            .WithDescription("Only avgDataInMiBps and partitions are required; omitted fields take the model's defaults. " +
                "Throughput in MiB/s, retention in hours, storage in GiB, money in USD per month (730 hours).")
            .Accepts<SizingRequest>("application/json");

        api.MapGet("/regions", (RegionCatalog regions) => regions.All)
            .WithName("ListRegions")
            .WithSummary("The AWS regions where MSK is sold.");

        return app;
    }

    private static async Task<Results<Ok<SizingResponse>, ValidationProblem>> SizeAsync(JsonInput<SizingRequest> body, SizingService sizing, CancellationToken cancellationToken)
    {
        var outcome = await sizing.SizeAsync(body.Value, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Ok(SizingResponse.From(outcome.Value))
            : JsonBody.Problem(outcome.Errors, "The workload has invalid fields.");
    }
}
