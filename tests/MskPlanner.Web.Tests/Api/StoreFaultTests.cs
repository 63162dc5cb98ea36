using System.Net;
using System.Text;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Hosting;

namespace MskPlanner.Web.Tests.Api;

/// <summary>The store's storage failing under the running app: honest answers, honest health, nothing acknowledged that is not kept.</summary>
public sealed class StoreFaultTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mskplanner-store-faults", Guid.NewGuid().ToString("N"));
    private StoreFaultApp _app = default!;
    private HttpClient _client = default!;

    public Task InitializeAsync()
    {
        _app = new StoreFaultApp(Path.Combine(_folder, "data", "plans.db"));
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_healthy_store_reports_ready()
    {
        using var ready = await _client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var text = await ready.Content.ReadAsStringAsync();
        Assert.Contains("Writable", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_folder, text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/healthz/live")).StatusCode);
    }

    [Fact]
    public async Task A_request_that_fails_in_the_app_carries_the_same_security_headers_as_any_other()
    {
        Directory.Delete(Path.Combine(_folder, "data"), recursive: true);

        using var failed = await CreateAsync("After the fault");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal("nosniff", failed.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", failed.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", failed.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", failed.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_data_directory_is_deleted_saves_answer_503_and_readiness_turns_unhealthy()
    {
        using var before = await CreateAsync("Before the fault");
        Assert.Equal(HttpStatusCode.Created, before.StatusCode);

        Directory.Delete(Path.Combine(_folder, "data"), recursive: true);

        for (var i = 0; i < 10; i++)
        {
            using var save = await CreateAsync($"After the fault {i}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, save.StatusCode);
            Assert.Equal("application/problem+json", save.Content.Headers.ContentType!.MediaType);
            Assert.Contains("Nothing was saved", await save.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var ready = await _client.GetAsync("/healthz/ready");
        using var health = await _client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("is missing", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "data", "plans.db")), "a new, empty database must not be created in its place");
    }

    private Task<HttpResponseMessage> CreateAsync(string name) =>
        _client.PostAsync("/api/v1/plans", new StringContent(
            new JsonObject { ["name"] = name, ["inputs"] = new JsonObject { ["avgDataInMiBps"] = 5, ["partitions"] = 50 } }.ToJsonString(), Encoding.UTF8, "application/json"));

    private sealed class StoreFaultApp(string databasePath) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Pricing:Source", "Snapshot");
            builder.UseSetting("Persistence:DatabasePath", databasePath);
            builder.UseSetting("Persistence:MinFreeSpaceMiB", "1");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
