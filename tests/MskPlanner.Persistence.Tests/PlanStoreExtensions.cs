namespace MskPlanner.Persistence.Tests;

internal static class PlanStoreExtensions
{
    /// <summary>A plan in the local user's personal workspace, which the local user can always write to.</summary>
    public static async Task<PlanDetails> CreatePersonalAsync(this PlanStore store, string name, string? description, RevisionDraft draft) =>
        await store.CreateAsync(Caller.LocalUser, null, name, description, draft) ?? throw new InvalidOperationException("The local user's own workspace refused a plan.");
}
