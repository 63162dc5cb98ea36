namespace MskPlanner.Persistence.Tests;

/// <summary>
/// A test class with its own migrated database and a store over it. The suites that hold for every provider
/// are abstract and run once per provider through a sealed subclass for each.
/// </summary>
public abstract class StoreTest(DatabaseProvider provider = DatabaseProvider.Sqlite) : IAsyncLifetime
{
    protected TemporaryDatabase Database { get; } = new(provider);

    protected PlanStore Store { get; private set; } = default!;

    /// <summary>Local mode's user, who owns every workspace: the suites about plans themselves act as it.</summary>
    protected static Caller Me => Caller.LocalUser;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Store = Database.Store();
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}
