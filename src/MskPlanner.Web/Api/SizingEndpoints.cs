using System.Text.Json;
using System.Text.Json.Serialization;

using Microsoft.AspNetCore.Http.HttpResults;

using MskPlanner.Pricing;
using MskPlanner.Sizing;
using MskPlanner.Web.Services;

namespace MskPlanner.Web.Api;

public static class SizingEndpoints
{
    /// <summary>Unknown fields are refused, so a misspelt field is reported instead of silently defaulted.</summary>
    private static readonly JsonSerializerOptions StrictJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

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

        api.MapGet("/regions", () => MskRegions.All)
            .WithName("ListRegions")
            .WithSummary("The AWS regions where MSK is sold.");

        return app;
    }

    private static async Task<IResult> SizeAsync(HttpRequest request, SizingService sizing, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Problem("body", "Send the workload as a JSON object with Content-Type: application/json.");
        }

        SizingRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<SizingRequest>(request.Body, StrictJson, cancellationToken);
        }
        catch (JsonException e)
        {
            return Problem(FieldOf(e.Path), $"This value cannot be read: {Simplify(e.Message)}");
        }

        if (body is null)
        {
            return Problem("body", "Send the workload as a JSON object, not null.");
        }

        var outcome = await sizing.SizeAsync(body, cancellationToken);
        return outcome.Result is { } result
            ? TypedResults.Ok(SizingResponse.From(result))
            : TypedResults.ValidationProblem(
                outcome.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "The workload has invalid fields.");
    }


    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request body cannot be read.");

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.').Split('.', '[')[0];

    private static string Simplify(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
