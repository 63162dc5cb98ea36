using MskPlanner.Persistence;
using MskPlanner.Web.Services;

namespace MskPlanner.Web.Api;

public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/v1/plans").WithTags("Plans");

        plans.MapGet("/", ListAsync).WithName("ListPlans").WithSummary("Saved plans, newest first; search by name, sort and page.");
        plans.MapPost("/", CreateAsync).WithName("CreatePlan").WithSummary("Save a new plan; its first revision holds the inputs.")
            .Accepts<CreatePlanRequest>("application/json").Produces<PlanResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        plans.MapGet("/{id:int}", GetAsync).WithName("GetPlan").WithSummary("A plan at its latest (or the given) revision, priced then and now.")
            .Produces<PlanResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPut("/{id:int}", UpdateAsync).WithName("UpdatePlan").WithSummary("Rename or describe a plan; new inputs make a new revision.")
            .Accepts<UpdatePlanRequest>("application/json").Produces<PlanResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapDelete("/{id:int}", DeleteAsync).WithName("DeletePlan").WithSummary("Delete a plan (restore undoes it).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{id:int}/restore", RestoreAsync).WithName("RestorePlan").WithSummary("Undo a deletion.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id:int}/revisions", RevisionsAsync).WithName("ListRevisions").WithSummary("Every revision of a plan, newest first.")
            .Produces<IReadOnlyList<RevisionResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{id:int}/share", ShareAsync).WithName("SharePlan").WithSummary("Create a read-only link to the plan, or to one revision.")
            .Accepts<ShareRequest>("application/json").Produces<ShareResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id:int}/share", SharesAsync).WithName("ListShareLinks").WithSummary("The plan's share links (tokens are never shown again).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapDelete("/{id:int}/share/{linkId:int}", RevokeAsync).WithName("RevokeShareLink").WithSummary("Revoke a share link.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/v1/shared/{token}", SharedAsync).WithTags("Plans").WithName("GetSharedPlan")
            .WithSummary("The plan a share link opens, read-only: nothing in it addresses the plan itself.").Produces<SharedPlanResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/api/v1/compare", CompareAsync).WithTags("Plans").WithName("Compare")
            .WithSummary("Two to four plans, revisions or variants side by side.")
            .Accepts<CompareRequest>("application/json").Produces<ComparisonResponse>().ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> ListAsync(PlanStore store, string? search, string? sort, int? page, int? pageSize, CancellationToken cancellationToken)
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

        var result = await store.ListAsync(search, order, page ?? 1, pageSize ?? 20, cancellationToken);
        return TypedResults.Ok(new PlanListResponse([.. result.Items.Select(PlanSummaryResponse.From)], result.Total, result.Page, result.PageSize));
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, PlanService plans, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreatePlanRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Inputs is null)
        {
            return JsonBody.Problem("inputs", "Give the plan's inputs: an object with at least avgDataInMiBps and partitions.", "The plan has invalid fields.");
        }

        var saved = await plans.CreateAsync(body.Name, body.Description, body.Inputs, body.SelectedFamily, body.Comment, cancellationToken);
        if (saved.Value is not { } details)
        {
            return JsonBody.Problem(saved.Errors, "The plan has invalid fields.");
        }

        return TypedResults.Created($"/api/v1/plans/{details.Plan.Id}", PlanResponse.From(await plans.PriceAsync(details, cancellationToken)));
    }

    private static async Task<IResult> GetAsync(int id, int? revision, PlanService plans, CancellationToken cancellationToken)
    {
        var details = await plans.Store.GetAsync(id, revision, cancellationToken);
        return details is null
            ? JsonBody.NotFound(revision is null ? $"There is no plan {id}." : $"Plan {id} has no revision {revision}.")
            : TypedResults.Ok(PlanResponse.From(await plans.PriceAsync(details, cancellationToken)));
    }

    private static async Task<IResult> UpdateAsync(int id, HttpRequest request, PlanService plans, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<UpdatePlanRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = PlanRules.Check(body!.Name, body.Description, null);
        if (errors.Count > 0)
        {
            return JsonBody.Problem(errors, "The plan has invalid fields.");
        }

        if (body.Inputs is not null)
        {
            var saved = await plans.SaveRevisionAsync(id, body.Inputs, body.SelectedFamily, body.Comment, cancellationToken);
            if (saved is null)
            {
                return JsonBody.NotFound($"There is no plan {id}.");
            }

            if (saved.Value is null)
            {
                return JsonBody.Problem(saved.Errors, "The plan has invalid fields.");
            }
        }

        if ((body.Name is not null || body.Description is not null) && await plans.Store.UpdateAsync(id, body.Name, body.Description, cancellationToken) is null)
        {
            return JsonBody.NotFound($"There is no plan {id}.");
        }

        return await GetAsync(id, null, plans, cancellationToken);
    }

    private static async Task<IResult> DeleteAsync(int id, PlanStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : JsonBody.NotFound($"There is no plan {id}.");

    private static async Task<IResult> RestoreAsync(int id, PlanStore store, CancellationToken cancellationToken) =>
        await store.RestoreAsync(id, cancellationToken) ? TypedResults.NoContent() : JsonBody.NotFound($"There is no deleted plan {id}.");

    private static async Task<IResult> RevisionsAsync(int id, PlanStore store, CancellationToken cancellationToken)
    {
        var revisions = await store.ListRevisionsAsync(id, cancellationToken);
        return revisions is null ? JsonBody.NotFound($"There is no plan {id}.") : TypedResults.Ok(revisions.Select(RevisionResponse.From).ToList());
    }

    private static async Task<IResult> ShareAsync(int id, HttpRequest request, PlanStore store, ShareLinkAddress addresses, CancellationToken cancellationToken)
    {
        ShareRequest? body = new(null);
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            IResult? problem;
            (body, problem) = await JsonBody.ReadAsync<ShareRequest>(request, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
        }

        var created = await store.CreateShareAsync(id, body!.Revision, cancellationToken);
        if (created is null)
        {
            return JsonBody.NotFound(body.Revision is null ? $"There is no plan {id}." : $"Plan {id} has no revision {body.Revision}.");
        }

        var url = addresses.For(created.Token, ShareLinkAddress.BaseOf(request));
        return TypedResults.Created(url, ShareResponse.From(created.Link, created.Token, url));
    }

    private static async Task<IResult> SharesAsync(int id, PlanStore store, CancellationToken cancellationToken) =>
        await store.ListSharesAsync(id, cancellationToken) is { } links
            ? TypedResults.Ok(links.Select(l => ShareResponse.From(l)).ToList())
            : JsonBody.NotFound($"There is no plan {id}.");

    private static async Task<IResult> RevokeAsync(int id, int linkId, PlanStore store, CancellationToken cancellationToken) =>
        await store.RevokeShareAsync(id, linkId, cancellationToken) ? TypedResults.NoContent() : JsonBody.NotFound($"Plan {id} has no share link {linkId}.");

    private static async Task<IResult> SharedAsync(string token, PlanService plans, CancellationToken cancellationToken)
    {
        var shared = await plans.Store.ResolveShareAsync(token, cancellationToken);
        return shared is null
            ? JsonBody.NotFound("This share link does not exist or was revoked.")
            : TypedResults.Ok(SharedPlanResponse.From(await plans.PriceAsync(shared.Details, cancellationToken)));
    }

    private static async Task<IResult> CompareAsync(HttpRequest request, ComparisonService comparisons, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CompareRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await comparisons.CompareAsync(body!, cancellationToken);
        return outcome.Value is { } comparison
            ? TypedResults.Ok(ComparisonResponse.From(comparison))
            : JsonBody.Problem(outcome.Errors, "The comparison is invalid.");
    }
}
