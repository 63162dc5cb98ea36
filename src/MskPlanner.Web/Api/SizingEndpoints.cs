using Microsoft.AspNetCore.Http.HttpResults;

using MskPlanner.Pricing;
using MskPlanner.Sizing;
using MskPlanner.Web.Access;
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
            .WithDescription("Only avgDataInMiBps and partitions are required; omitted fields take the model's defaults. ?explain=true adds how every figure was worked out. " +
                "?family=m5|m7g|express|t3 settles on that family's pick: its advice joins the answer, and a migration plans the move onto it. " +
                "Throughput in MiB/s, retention in hours, storage in GiB, money in USD per month (730 hours).")
            .Accepts<SizingRequest>("application/json")
            .LimitedBy(RateLimitPolicies.Sizing);

        api.MapPost("/capacity", Capacity)
            .WithName("ClusterCapacity")
            .WithSummary("What an existing cluster can take: the peak data in and out, partitions and retention its brokers carry.")
            .WithDescription("instanceType and brokers are required, and volumeGiBPerBroker for Standard brokers; fanOut (or peakDataInMiBps " +
                "with peakDataOutMiBps), replicationFactor, retentionHours, peakUtilization and the other ratios take the sizing's defaults. " +
                "avgDataInMiBps adds how many hours of retention the volumes hold at it.")
            .Accepts<CapacityRequest>("application/json")
            .LimitedBy(RateLimitPolicies.Sizing);

        api.MapGet("/regions", (RegionCatalog regions) => regions.All)
            .WithName("ListRegions")
            .WithSummary("The AWS regions where MSK is sold.");

        return app;
    }

    private static Results<Ok<CapacityResponse>, ValidationProblem> Capacity(JsonInput<CapacityRequest> body)
    {
        var question = body.Value.Resolve();
        return question.Succeeded
            ? TypedResults.Ok(CapacityResponse.From(CapacityEngine.Capacity(question.Value)))
            : JsonBody.Problem(question.Errors, "The cluster has invalid fields.");
    }

    /// <param name="explain">true adds <c>explain</c>: how every figure was worked out, keyed by its path in the answer.</param>
    /// <param name="family">The family the plan settles on, as a saved plan's selectedFamily; the headline pick when left out.</param>
    private static async Task<Results<Ok<SizingResponse>, ValidationProblem>> SizeAsync(
        JsonInput<SizingRequest> body, SizingService sizing, CancellationToken cancellationToken, bool explain = false, string? family = null)
    {
        if (FamilyQuery.TryRead(family, "The workload has invalid fields.", out var settled) is { } problem)
        {
            return problem;
        }

        var outcome = await sizing.SizeAsync(body.Value, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Ok(SizingResponse.From(outcome.Value, settled, explain))
            : JsonBody.Problem(outcome.Errors, "The workload has invalid fields.");
    }
}

/// <summary>
/// What a cluster can take; throughput in MiB/s, retention in hours. <c>ingressPerBrokerMiBps</c> means what it means
/// in a sizing (a broker at full use); the two capacities are the sizing's <c>limits.*.capacityPerBroker</c>.
/// </summary>
public sealed record CapacityResponse(
    string InstanceType, int Brokers, int AvailabilityZones, double FanOut, double IngressPerBrokerMiBps, double IngressCapacityPerBrokerMiBps, double EgressCapacityPerBrokerMiBps,
    double MaxPeakDataInMiBps, double MaxPeakDataOutMiBps, int MaxPartitions, double? RetentionHoursAtIngress, double? MaxAvgDataInMiBpsForRetention,
    string BindingLimit)
{
    public static CapacityResponse From(ClusterCapacity capacity)
    {
        var question = capacity.Question;
        return new(question.Type.Name, question.Brokers, question.AvailabilityZones, question.FanOut, capacity.IngressPerBrokerMiBps,
            capacity.IngressCapacityPerBrokerMiBps, capacity.EgressCapacityPerBrokerMiBps,
            capacity.MaxPeakDataInMiBps, capacity.MaxPeakDataOutMiBps, capacity.MaxPartitions, capacity.RetentionHoursAtIngress, capacity.MaxAvgDataInMiBpsForRetention,
            Names.Of(capacity.BindingLimit).Key);
    }
}
