namespace MskPlanner.Persistence.Tests;

/// <summary>A test class of its own migrated SQLite file and a store over it.</summary>
public abstract class StoreTest : IAsyncLifetime
{
    protected TemporaryDatabase Database { get; } = new();

    protected PlanStore Store { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Store = Database.Store();
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}
