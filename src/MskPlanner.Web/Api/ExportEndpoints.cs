using MskPlanner.Deployment;
using MskPlanner.Persistence;
using MskPlanner.Sizing;
using MskPlanner.Web.Access;
using MskPlanner.Web.Planner;
using MskPlanner.Web.Services;

using ExportResult = Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<MskPlanner.Web.Api.ExportResponse>,
    Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, MskPlanner.Web.Api.NotFoundProblem>;

namespace MskPlanner.Web.Api;

/// <summary>
/// The files that build, watch and prove a plan's cluster: of a planner sizing, a saved plan and a shared plan,
/// by kind (as JSON with each file's text) or all of them as one zip.
/// </summary>
public static class ExportEndpoints
{
    public const string Zip = "zip";
    public const string Review = "review";

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    private static readonly string KindsText = string.Join(", ", Enum.GetNames<ExportKind>().Select(k => k.ToLowerInvariant()).Append(Review).Append(Zip));

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/api/v1").WithTags("Deploy").AddEndpointFilter<BindingProblemFilter>();
        const string Kinds = "kind: terraform, cloudformation, cli, alarms, loadtest, migration (the move's runbook and replication files, for inputs with a migration), review (the best-practice review), or zip (every file).";

        exports.MapMethods("/sizing/export/{kind}", GetAndHead, FromQueryAsync).WithName("ExportSizingFromAddress")
            .WithSummary("Deploy files for a workload given as query parameters (the planner page's address); family and plan (a name) optional. " + Kinds)
            .LimitedBy(RateLimitPolicies.Sizing);
        exports.MapPost("/sizing/export/{kind}", FromBodyAsync).WithName("ExportSizing")
            .WithSummary("Deploy files for a workload in the body (as POST /api/v1/sizing takes it); family and plan (a name) in the query. " + Kinds)
            .Accepts<SizingRequest>("application/json").LimitedBy(RateLimitPolicies.Sizing);
        exports.MapMethods("/plans/{id:int}/export/{kind}", GetAndHead, PlanAsync).WithName("ExportPlan")
            .WithSummary("Deploy files for a saved plan at its latest or the given revision. " + Kinds).ForSignedInUsers();
        exports.MapMethods("/shared/{token}/export/{kind}", GetAndHead, SharedAsync).WithName("ExportSharedPlan")
            .WithSummary("Deploy files for a shared plan. " + Kinds).LimitedBy(RateLimitPolicies.SharedViews);
        return app;
    }

    private static async Task<ExportResult> FromQueryAsync(string kind, string? family, string? plan, HttpRequest request, SizingService sizing, CancellationToken cancellationToken) =>
        await ExportAsync(kind, PlannerForm.FromQuery(request.Query).Request, family, plan, sizing, cancellationToken);

    private static async Task<ExportResult> FromBodyAsync(string kind, string? family, string? plan, JsonInput<SizingRequest> body, SizingService sizing, CancellationToken cancellationToken) =>
        await ExportAsync(kind, body.Value, family, plan, sizing, cancellationToken);

    private static async Task<ExportResult> PlanAsync(RequestCaller me, string kind, int id, int? revision, PlanService plans, CancellationToken cancellationToken)
    {
        var details = await plans.Store.GetAsync(me.Caller, id, revision, cancellationToken);
        return details is null
            ? JsonBody.NotFound(revision is null ? $"There is no plan {id}." : $"Plan {id} has no revision {revision}.")
            : Export(kind, await plans.PriceAsync(details, cancellationToken));
    }

    private static async Task<ExportResult> SharedAsync(string kind, string token, PlanService plans, CancellationToken cancellationToken)
    {
        var shared = await plans.Store.ResolveShareAsync(token, cancellationToken);
        return shared is null
            ? JsonBody.NotFound("This share link does not exist or was revoked.")
            : Export(kind, await plans.PriceAsync(shared.Details, cancellationToken));
    }

    private static async Task<ExportResult> ExportAsync(string kind, SizingRequest request, string? familyText, string? planName, SizingService sizing, CancellationToken cancellationToken)
    {
        if (!TryKind(kind, out var chosen))
        {
            return UnknownKind(kind);
        }

        if (FamilyQuery.TryRead(familyText, "The export is invalid.", out var family) is { } problem)
        {
            return problem;
        }

        if (PlanRules.CheckName("plan", planName) is { } nameError)
        {
            return JsonBody.Problem([nameError], "The export is invalid.");
        }

        var outcome = await sizing.SizeAsync(request, cancellationToken);
        return outcome.Succeeded
            ? Files(chosen, ClusterBlueprint.From(outcome.Value, family, planName))
            : JsonBody.Problem(outcome.Errors, "The workload has invalid fields.");
    }

    private static ExportResult Export(string kind, PricedPlan priced)
    {
        if (!TryKind(kind, out var chosen))
        {
            return UnknownKind(kind);
        }

        return priced.Result is { } result
            ? Files(chosen, ClusterBlueprint.From(result, priced.Details.Revision.SelectedFamily, priced.Details.Plan.Name))
            : JsonBody.Problem("inputs", "The saved inputs no longer size: open the plan to correct them.", "The plan cannot be exported.");
    }

    private static ExportResult Files(string kind, Outcome<ClusterBlueprint> outcome)
    {
        if (outcome.Value is not { } blueprint)
        {
            return JsonBody.Problem(outcome.Errors, "The plan cannot be deployed as it stands.");
        }

        if (EnumText.TryParse<ExportKind>(kind, out var asked) && asked == ExportKind.Migration && blueprint.Migration is not { Replication: not null })
        {
            return JsonBody.Problem(
                MigrationRequest.Field(blueprint.Migration is null ? "source" : "replication"),
                blueprint.Migration?.ToolProblem ?? "The plan has no migration section: give its inputs a migration to plan the move.",
                "There is no move to write files for.");
        }

        if (kind == Zip)
        {
            return TypedResults.File(DeployFiles.Zip(blueprint), "application/zip", $"{blueprint.ClusterName}-deploy.zip");
        }

        var response = kind == Review
            ? ExportResponse.From(blueprint, Review, [], review: PlanReview.For(blueprint))
            : EnumText.TryParse<ExportKind>(kind, out var files) && files == ExportKind.Alarms
                ? ExportResponse.From(blueprint, kind, DeployFiles.For(blueprint, files), alarms: Alarms.For(blueprint))
                : ExportResponse.From(blueprint, kind, DeployFiles.For(blueprint, files));
        return TypedResults.Ok(response);
    }

    private static bool TryKind(string text, out string kind)
    {
        kind = text.ToLowerInvariant();
        return kind is Zip or Review || EnumText.TryParse<ExportKind>(kind, out _);
    }

    private static NotFoundProblem UnknownKind(string kind) =>
        JsonBody.NotFound($"There is no export named '{Echo.Clip(kind)}'; choose {KindsText}.");
}

public sealed record ExportFileResponse(string Path, string Content);

public sealed record AlarmResponse(
    string Id, string Title, string Scope, string Statistic, string Comparison, double Threshold, string Unit, string Condition, string Duration,
    string Protects, string WhenItFires, string ThresholdSource);

public sealed record ReviewItemResponse(string Code, string Practice, string Status, string Finding);

/// <summary>One kind of export for one cluster: its files, and the alarm table or the review when those were asked for.</summary>
public sealed record ExportResponse(
    string Kind, string ClusterName, string BrokerType, int BrokersPerCluster, int Clusters, string KafkaVersion,
    IReadOnlyList<ExportFileResponse> Files, IReadOnlyList<AlarmResponse>? Alarms, IReadOnlyList<ReviewItemResponse>? Review)
{
    public static ExportResponse From(ClusterBlueprint blueprint, string kind, IReadOnlyList<DeployFile> files,
        IReadOnlyList<Alarm>? alarms = null, IReadOnlyList<ReviewItem>? review = null) => new(
        kind, blueprint.ClusterName, blueprint.Type.Name, blueprint.BrokersPerCluster, blueprint.Clusters, blueprint.KafkaVersion,
        [.. files.Select(f => new ExportFileResponse(f.Path, f.Text))],
        alarms?.Select(a => new AlarmResponse(a.Id, a.Title, a.Scope.ToString().ToLowerInvariant(), a.Statistic, a.Comparison, a.Threshold, a.Unit,
            a.Condition, a.Duration, a.Protects, a.WhenItFires, a.ThresholdSource)).ToList(),
        review?.Select(r => new ReviewItemResponse(r.Code, r.Practice, r.Status.ToString().ToLowerInvariant(), r.Finding)).ToList());
}
