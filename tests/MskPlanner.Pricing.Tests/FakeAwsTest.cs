namespace MskPlanner.Pricing.Tests;

/// <summary>A test class with the fake AWS on loopback, a folder for SQLite files, and the app's pricing over them.</summary>
public abstract class FakeAwsTest(PriceSourceKind source) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mskplanner-pricing", Guid.NewGuid().ToString("N"));

    protected FakeAws Aws { get; private set; } = default!;

    protected LiveHarness Harness { get; private set; } = default!;

    protected string Database => FileIn("plans.db");

    protected string FileIn(string name) => Path.Combine(_folder, name);

    /// <summary>Services a test class replaces, such as the credentials.</summary>
    protected virtual void Configure(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        Aws = await FakeAws.StartAsync();
        Harness = await LiveHarness.StartAsync(Aws, Database, source, Configure);
    }

    public async Task DisposeAsync()
    {
        await Harness.DisposeAsync();
        await Aws.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
