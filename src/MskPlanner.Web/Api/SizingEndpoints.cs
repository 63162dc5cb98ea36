using System.Reflection;
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
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return Problem("body", "The body is not valid JSON.");
        }

        SizingRequest? body;
        using (document)
        {
            if (document.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                return Problem("body", "The body must be a JSON object of workload fields.");
            }

            try
            {
                body = document.Deserialize<SizingRequest>(StrictJson);
            }
            catch (JsonException e)
            {
                var field = FieldOf(e.Path);
                return Problem(field, ExplainUnreadable(field));
            }
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

    /// <summary>Says what the field takes, since System.Text.Json's own message names .NET types.</summary>
    private static string ExplainUnreadable(string field)
    {
        var property = typeof(SizingRequest).GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null)
        {
            return $"'{field}' is not a field of the sizing request; fields are camelCase, e.g. avgDataInMiBps, partitions, retentionHours.";
        }

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var expected = type == typeof(int) ? "a whole number"
            : type == typeof(double) ? "a number"
            : type == typeof(bool) ? "true or false"
            : "a string";
        return $"{field} must be {expected}.";
    }
}
