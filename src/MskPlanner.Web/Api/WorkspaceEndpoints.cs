using Microsoft.AspNetCore.Http.HttpResults;

using MskPlanner.Persistence;
using MskPlanner.Web.Access;

namespace MskPlanner.Web.Api;

/// <summary>The caller's workspaces, their members and, for owners, every share link in them.</summary>
public static class WorkspaceEndpoints
{
    public static IEndpointRouteBuilder MapWorkspaceApi(this IEndpointRouteBuilder app)
    {
        var workspaces = app.MapGroup("/api/v1/workspaces").WithTags("Workspaces").AddEndpointFilter<BindingProblemFilter>().ForSignedInUsers()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        workspaces.MapGet("/", ListAsync).WithName("ListWorkspaces").WithSummary("The caller's workspaces with their role in each, the personal one first.");
        workspaces.MapPost("/", CreateAsync).WithName("CreateWorkspace").WithSummary("A team workspace, with the caller as its owner.")
            .Accepts<CreateWorkspaceRequest>("application/json");
        workspaces.MapGet("/{id:int}/members", MembersAsync).WithName("ListMembers").WithSummary("A team workspace's members, by e-mail.");
        workspaces.MapPut("/{id:int}/members", AddMemberAsync).WithName("SetMember").WithSummary("Add a member by e-mail, or change a member's role (owners only).")
            .Accepts<MemberRequest>("application/json");
        workspaces.MapDelete("/{id:int}/members/{memberId:int}", RemoveMemberAsync).WithName("RemoveMember").WithSummary("Remove a member (owners only; the last owner stays).");
        workspaces.MapGet("/{id:int}/share-links", SharesAsync).WithName("ListWorkspaceShareLinks").WithSummary("Every share link to the workspace's plans (owners only).");
        workspaces.MapGet("/{id:int}/activity", ActivityAsync).WithName("ListWorkspaceActivity")
            .WithSummary("What was done to the workspace's plans, newest first: plans moved in and out, and their share links (owners only).");
        return app;
    }

    private static async Task<Ok<List<WorkspaceResponse>>> ListAsync(RequestCaller me, WorkspaceStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(me.Caller, cancellationToken)).Select(WorkspaceResponse.From).ToList());

    private static async Task<Results<Created<WorkspaceResponse>, ValidationProblem>> CreateAsync(RequestCaller me, JsonInput<CreateWorkspaceRequest> input, WorkspaceStore store, CancellationToken cancellationToken)
    {
        var created = await store.CreateTeamAsync(me.Caller, input.Value.Name ?? "", cancellationToken);
        return created.Succeeded
            ? TypedResults.Created($"/api/v1/workspaces/{created.Value.Id}", WorkspaceResponse.From(created.Value))
            : JsonBody.Problem(created.Errors, "The workspace has invalid fields.");
    }

    private static async Task<Results<Ok<List<MemberResponse>>, NotFoundProblem>> MembersAsync(RequestCaller me, int id, WorkspaceStore store, CancellationToken cancellationToken) =>
        await store.ListMembersAsync(me.Caller, id, cancellationToken) is { } members
            ? TypedResults.Ok(members.Select(MemberResponse.From).ToList())
            : NoWorkspace(id);

    private static async Task<Results<Ok<MemberResponse>, ValidationProblem, NotFoundProblem>> AddMemberAsync(
        RequestCaller me, int id, JsonInput<MemberRequest> input, WorkspaceStore store, CancellationToken cancellationToken)
    {
        if (input.Value.Role is not { } role)
        {
            return JsonBody.Problem("role", "Choose the member's role: viewer, editor or owner.", "The member has invalid fields.");
        }

        return await store.AddMemberAsync(me.Caller, id, input.Value.Email ?? "", role, cancellationToken) switch
        {
            null => NoWorkspace(id),
            { Succeeded: true } added => TypedResults.Ok(MemberResponse.From(added.Value)),
            var refused => JsonBody.Problem(refused.Errors, "The member has invalid fields."),
        };
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFoundProblem>> RemoveMemberAsync(RequestCaller me, int id, int memberId, WorkspaceStore store, CancellationToken cancellationToken) =>
        await store.RemoveMemberAsync(me.Caller, id, memberId, cancellationToken) switch
        {
            null => JsonBody.NotFound($"Workspace {id} has no member {memberId} of yours to remove."),
            { Succeeded: true } => TypedResults.NoContent(),
            var refused => JsonBody.Problem(refused.Errors, "The member cannot be removed."),
        };

    private static async Task<Results<Ok<List<WorkspaceShareResponse>>, NotFoundProblem>> SharesAsync(RequestCaller me, int id, PlanStore store, CancellationToken cancellationToken) =>
        await store.ListWorkspaceSharesAsync(me.Caller, id, cancellationToken) is { } links
            ? TypedResults.Ok(links.Select(WorkspaceShareResponse.From).ToList())
            : NoWorkspace(id);

    private static async Task<Results<Ok<List<WorkspaceEventResponse>>, NotFoundProblem>> ActivityAsync(RequestCaller me, int id, WorkspaceStore store, CancellationToken cancellationToken) =>
        await store.ListEventsAsync(me.Caller, id, cancellationToken) is { } events
            ? TypedResults.Ok(events.Select(WorkspaceEventResponse.From).ToList())
            : NoWorkspace(id);

    private static NotFoundProblem NoWorkspace(int id) => JsonBody.NotFound($"You have no workspace {id}.");
}
