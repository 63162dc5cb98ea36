using Microsoft.AspNetCore.Http.HttpResults;

using MskPlanner.Persistence;
using MskPlanner.Web.Access;
using MskPlanner.Web.Planner;
using MskPlanner.Web.Services;

namespace MskPlanner.Web.Api;

public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/v1/plans").WithTags("Plans").AddEndpointFilter<BindingProblemFilter>().ForSignedInUsers();

        plans.MapGet("/", ListAsync).WithName("ListPlans").WithSummary("Saved plans, newest first; search by name, sort and page.");
        plans.MapPost("/", CreateAsync).WithName("CreatePlan").WithSummary("Save a new plan; its first revision holds the inputs.")
            .Accepts<CreatePlanRequest>("application/json");
        plans.MapGet("/{id:int}", GetAsync).WithName("GetPlan").WithSummary("A plan at its latest (or the given) revision, priced then and now.");
        plans.MapPut("/{id:int}", UpdateAsync).WithName("UpdatePlan").WithSummary("Rename or describe a plan; new inputs make a new revision.")
            .Accepts<UpdatePlanRequest>("application/json");
        plans.MapDelete("/{id:int}", DeleteAsync).WithName("DeletePlan").WithSummary("Delete a plan (restore undoes it).");
        plans.MapPost("/{id:int}/restore", RestoreAsync).WithName("RestorePlan").WithSummary("Undo a deletion.");
        plans.MapGet("/{id:int}/revisions", RevisionsAsync).WithName("ListRevisions").WithSummary("Every revision of a plan, newest first.");
        plans.MapPost("/{id:int}/share", ShareAsync).WithName("SharePlan").WithSummary("Create a read-only link to the plan, or to one revision.")
            .Accepts<ShareRequest>("application/json");
        plans.MapGet("/{id:int}/share", SharesAsync).WithName("ListShareLinks").WithSummary("The plan's share links (tokens are never shown again).");
        plans.MapDelete("/{id:int}/share/{linkId:int}", RevokeAsync).WithName("RevokeShareLink").WithSummary("Revoke a share link.");
        plans.MapPost("/{id:int}/move", MoveAsync).WithName("MovePlan").WithSummary("Move a plan, with its history, to another workspace (needs an owner of the one it is in); its live share links are revoked unless keepShareLinks.")
            .Accepts<MovePlanRequest>("application/json");
        plans.MapPost("/{id:int}/copy", CopyAsync).WithName("CopyPlan").WithSummary("Copy a plan and its history into a workspace; share links stay with the original.")
            .Accepts<PlanPlacementRequest>("application/json");
        // A viewer's change is refused (403); a plan in a workspace the caller does not belong to does not exist (404).
        plans.ProducesProblem(StatusCodes.Status403Forbidden);

        app.MapGet("/api/v1/shared/{token}", SharedAsync).WithTags("Plans").WithName("GetSharedPlan")
            .WithSummary("The plan a share link opens, read-only: nothing in it addresses the plan itself.")
            .LimitedBy(RateLimitPolicies.SharedViews);

        app.MapPost("/api/v1/compare", CompareAsync).WithTags("Plans").WithName("Compare").AddEndpointFilter<BindingProblemFilter>()
            .WithSummary("Two to four plans, revisions or variants side by side.")
            .Accepts<CompareRequest>("application/json").ForSignedInUsers();
        return app;
    }

    private static async Task<Results<Ok<PlanListResponse>, ValidationProblem>> ListAsync(
        RequestCaller me, PlanStore store, int? workspaceId, string? search, string? sort, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var order = PlanSort.UpdatedNewest;
        if (!string.IsNullOrEmpty(sort) && !EnumText.TryParse(sort, out order))
        {
            return JsonBody.Problem("sort", $"sort must be one of {EnumText.Names<PlanSort>()}.", "The query is invalid.");
        }

        if (PlanRules.CheckSearch(search) is { } searchError)
        {
            return JsonBody.Problem([searchError], "The query is invalid.");
        }

        if (page is < 1 || pageSize is < 1 or > PlanStore.MaxPageSize)
        {
            return JsonBody.Problem(page is < 1 ? "page" : "pageSize", $"page starts at 1; pageSize is 1 to {PlanStore.MaxPageSize}.", "The query is invalid.");
        }

        var result = await store.ListAsync(me.Caller, workspaceId, search, order, page ?? 1, pageSize ?? 20, cancellationToken);
        return TypedResults.Ok(new PlanListResponse([.. result.Items.Select(PlanSummaryResponse.From)], result.Total, result.Page, result.PageSize));
    }

    private static async Task<Results<Created<PlanResponse>, ValidationProblem>> CreateAsync(RequestCaller me, JsonInput<CreatePlanRequest> input, PlanService plans, CancellationToken cancellationToken)
    {
        var body = input.Value;
        if (body.Inputs is null)
        {
            return JsonBody.Problem("inputs", "Give the plan's inputs: an object with at least avgDataInMiBps and partitions.", "The plan has invalid fields.");
        }

        var saved = await plans.CreateAsync(me.Caller, body.WorkspaceId, body.Name, body.Description, body.Inputs, body.SelectedFamily, body.Comment, body.MeasuredFrom, cancellationToken);
        if (!saved.Succeeded)
        {
            return JsonBody.Problem(saved.Errors, "The plan has invalid fields.");
        }

        return TypedResults.Created($"/api/v1/plans/{saved.Value.Plan.Id}", PlanResponse.From(await plans.PriceAsync(saved.Value, cancellationToken)));
    }

    private static async Task<Results<Ok<PlanResponse>, NotFoundProblem>> GetAsync(RequestCaller me, int id, int? revision, PlanService plans, CancellationToken cancellationToken) =>
        await PricedAsync(me, id, revision, plans, cancellationToken) is { } plan
            ? TypedResults.Ok(plan)
            : JsonBody.NotFound(revision is null ? $"There is no plan {id}." : $"Plan {id} has no revision {revision}.");

    private static async Task<PlanResponse?> PricedAsync(RequestCaller me, int id, int? revision, PlanService plans, CancellationToken cancellationToken) =>
        await plans.Store.GetAsync(me.Caller, id, revision, cancellationToken) is { } details ? PlanResponse.From(await plans.PriceAsync(details, cancellationToken)) : null;

    private static async Task<Results<Ok<PlanResponse>, ValidationProblem, NotFoundProblem>> UpdateAsync(RequestCaller me, int id, JsonInput<UpdatePlanRequest> input, PlanService plans, CancellationToken cancellationToken)
    {
        var body = input.Value;
        var errors = PlanRules.Check(body.Name, body.Description, null);
        if (errors.Count > 0)
        {
            return JsonBody.Problem(errors, "The plan has invalid fields.");
        }

        if (body.Inputs is not null)
        {
            var saved = await plans.SaveRevisionAsync(me.Caller, id, body.Inputs, body.SelectedFamily, body.Comment, body.MeasuredFrom, cancellationToken);
            if (saved is null)
            {
                return JsonBody.NotFound($"There is no plan {id}.");
            }

            if (!saved.Succeeded)
            {
                return JsonBody.Problem(saved.Errors, "The plan has invalid fields.");
            }
        }

        if ((body.Name is not null || body.Description is not null) && await plans.Store.UpdateAsync(me.Caller, id, body.Name, body.Description, cancellationToken) is null)
        {
            return JsonBody.NotFound($"There is no plan {id}.");
        }

        return await PricedAsync(me, id, null, plans, cancellationToken) is { } plan ? TypedResults.Ok(plan) : JsonBody.NotFound($"There is no plan {id}.");
    }

    private static async Task<Results<NoContent, NotFoundProblem>> DeleteAsync(RequestCaller me, int id, PlanStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(me.Caller, id, cancellationToken) ? TypedResults.NoContent() : JsonBody.NotFound($"There is no plan {id}.");

    private static async Task<Results<NoContent, NotFoundProblem>> RestoreAsync(RequestCaller me, int id, PlanStore store, CancellationToken cancellationToken) =>
        await store.RestoreAsync(me.Caller, id, cancellationToken) ? TypedResults.NoContent() : JsonBody.NotFound($"There is no deleted plan {id}.");

    private static async Task<Results<Ok<List<RevisionResponse>>, NotFoundProblem>> RevisionsAsync(RequestCaller me, int id, PlanStore store, CancellationToken cancellationToken)
    {
        var revisions = await store.ListRevisionsAsync(me.Caller, id, cancellationToken);
        return revisions is null ? JsonBody.NotFound($"There is no plan {id}.") : TypedResults.Ok(revisions.Select(RevisionResponse.From).ToList());
    }

    /// <summary>The body is optional: without one, the link opens the plan's latest revision.</summary>
    private static async Task<Results<Created<ShareResponse>, NotFoundProblem>> ShareAsync(
        RequestCaller me, int id, JsonInput<ShareRequest>? input, HttpRequest request, PlanStore store, ShareLinkAddress addresses, CancellationToken cancellationToken)
    {
        var revision = input?.Value.Revision;
        var created = await store.CreateShareAsync(me.Caller, id, revision, input?.Value.ExpiresIn ?? ShareLinkExpiries.Default, cancellationToken);
        if (created is null)
        {
            return JsonBody.NotFound(revision is null ? $"There is no plan {id}." : $"Plan {id} has no revision {revision}.");
        }

        var url = addresses.For(created.Token, ShareLinkAddress.BaseOf(request));
        return TypedResults.Created(url, ShareResponse.From(created.Link, created.Token, url));
    }

    private static async Task<Results<Ok<List<ShareResponse>>, NotFoundProblem>> SharesAsync(RequestCaller me, int id, PlanStore store, CancellationToken cancellationToken) =>
        await store.ListSharesAsync(me.Caller, id, cancellationToken) is { } links
            ? TypedResults.Ok(links.Select(l => ShareResponse.From(l)).ToList())
            : JsonBody.NotFound($"There is no plan {id}.");

    private static async Task<Results<NoContent, NotFoundProblem>> RevokeAsync(RequestCaller me, int id, int linkId, PlanStore store, CancellationToken cancellationToken) =>
        await store.RevokeShareAsync(me.Caller, id, linkId, cancellationToken) ? TypedResults.NoContent() : JsonBody.NotFound($"Plan {id} has no share link {linkId}.");

    private static async Task<Results<Ok<PlanSummaryResponse>, ValidationProblem, NotFoundProblem>> MoveAsync(
        RequestCaller me, int id, JsonInput<MovePlanRequest> input, PlanStore store, CancellationToken cancellationToken) =>
        await PlaceAsync(id, input.Value.WorkspaceId, workspace => store.MoveAsync(me.Caller, id, workspace, input.Value.KeepShareLinks ?? false, cancellationToken));

    private static async Task<Results<Ok<PlanSummaryResponse>, ValidationProblem, NotFoundProblem>> CopyAsync(
        RequestCaller me, int id, JsonInput<PlanPlacementRequest> input, PlanStore store, CancellationToken cancellationToken) =>
        await PlaceAsync(id, input.Value.WorkspaceId, workspace => store.CopyAsync(me.Caller, id, workspace, cancellationToken));

    private static async Task<Results<Ok<PlanSummaryResponse>, ValidationProblem, NotFoundProblem>> PlaceAsync(int id, int? workspaceId, Func<int, Task<PlanSummary?>> place)
    {
        if (workspaceId is not { } workspace)
        {
            return JsonBody.Problem("workspaceId", "Give the id of the workspace to put the plan in.", "The request is invalid.");
        }

        return await place(workspace) is { } placed
            ? TypedResults.Ok(PlanSummaryResponse.From(placed))
            : JsonBody.NotFound($"There is no plan {id}, or no workspace {workspace}, of yours.");
    }

    private static async Task<Results<Ok<SharedPlanResponse>, NotFoundProblem>> SharedAsync(string token, PlanService plans, CancellationToken cancellationToken)
    {
        var shared = await plans.Store.ResolveShareAsync(token, cancellationToken);
        return shared is null
            ? JsonBody.NotFound("This share link does not exist or was revoked.")
            : TypedResults.Ok(SharedPlanResponse.From(await plans.PriceAsync(shared.Details, cancellationToken)));
    }

    private static async Task<Results<Ok<ComparisonResponse>, ValidationProblem>> CompareAsync(RequestCaller me, JsonInput<CompareRequest> body, ComparisonService comparisons, CancellationToken cancellationToken)
    {
        var outcome = await body.Value.CompareAsync(comparisons, me.Caller, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Ok(ComparisonResponse.From(outcome.Value))
            : JsonBody.Problem(outcome.Errors, "The comparison is invalid.");
    }
}
