using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MskPlanner.Web.Tests;

/// <summary>The real app in memory, with its own SQLite file in a fresh folder, priced from the bundled snapshot (never the internet).</summary>
public class PlannerAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mskplanner-web-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Pricing:Source", "Snapshot");
        builder.UseSetting("Persistence:DatabasePath", Path.Combine(_folder, "plans.db"));
        // Every test shares one client address; the limiter has tests of its own.
        builder.UseSetting("RateLimits:SizingPerMinute", "1000000");
        builder.UseSetting("RateLimits:SharedViewsPerMinute", "1000000");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
