using System.Net;
using System.Text;
using System.Text.Json.Nodes;

using Microsoft.Playwright;

using MskPlanner.Testing;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>Two app processes on one PostgreSQL database, as a team runs them behind a load balancer.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private PostgresServer _server = default!;

    public string Database { get; private set; } = "";

    public RunningApp First { get; private set; } = default!;

    public RunningApp Second { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        Database = await _server.CreateDatabaseAsync();
        // Started together: both migrate the empty database at once, which must not fail either.
        var instances = await Task.WhenAll(StartAsync(Database), StartAsync(Database));
        (First, Second) = (instances[0], instances[1]);
        // These tests kill an instance mid-burst and cut the database's connections on purpose: a plan read caught
        // by that is logged by EF Core as a failed command, readiness logs the store as unhealthy, and each test
        // asserts what its callers were answered.
        foreach (var instance in instances)
        {
            instance.Expect("fail: Microsoft.EntityFrameworkCore.Database.Command");
            instance.Expect("Health check plan-store with status Unhealthy");
        }
    }

    public static Task<RunningApp> StartAsync(string database) => RunningApp.StartAsync(new Dictionary<string, string>
    {
        ["Persistence__Provider"] = "PostgreSql",
        ["ConnectionStrings__Plans"] = database,
    });

    public Task ExecuteAsync(string sql) => _server.ExecuteAsync(sql);

    public async Task DisposeAsync()
    {
        try
        {
            await First.DisposeAsync();
        }
        finally
        {
            try
            {
                await Second.DisposeAsync();
            }
            finally
            {
                await _server.DropDatabaseAsync(Database);
            }
        }
    }
}

public sealed class SeveralInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task A_plan_saved_through_one_instance_is_read_and_revised_through_the_other()
    {
        using var first = Client(instances.First);
        using var second = Client(instances.Second);

        var id = await CreatePlanAsync(first, "Orders EU");
        using var revised = await second.PutAsync($"/api/v1/plans/{id}", Json(new JsonObject { ["comment"] = "from the second", ["inputs"] = Inputs(40) }));
        var read = JsonNode.Parse(await first.GetStringAsync($"/api/v1/plans/{id}"))!;

        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal("Orders EU", read["name"]!.GetValue<string>());
        Assert.Equal(2, read["revision"]!["number"]!.GetValue<int>());
        Assert.Equal(40, read["revision"]!["inputs"]!["avgDataInMiBps"]!.GetValue<double>());
    }

    [Fact]
    public async Task Fifty_saves_at_once_split_across_both_instances_are_all_kept()
    {
        using var first = Client(instances.First);
        using var second = Client(instances.Second);
        var id = await CreatePlanAsync(first, "Contended");

        var saves = Enumerable.Range(1, 50).Select(i => (i % 2 == 0 ? first : second)
            .PutAsync($"/api/v1/plans/{id}", Json(new JsonObject { ["comment"] = $"save {i}", ["inputs"] = Inputs(i) })));
        var answers = await Task.WhenAll(saves);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var revisions = JsonNode.Parse(await second.GetStringAsync($"/api/v1/plans/{id}/revisions"))!.AsArray();
        Assert.Equal(Enumerable.Range(1, 51), revisions.Select(r => r!["number"]!.GetValue<int>()).Order());
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"save {i}").Order(), revisions.Select(r => r!["comment"]?.GetValue<string>()).OfType<string>().Order());
    }

    [Fact]
    public async Task Killing_one_instance_in_the_middle_of_a_burst_loses_no_save_it_answered()
    {
        await using var doomed = await TwoInstances.StartAsync(instances.Database);
        using var dying = Client(doomed);
        using var survivor = Client(instances.Second);
        var id = await CreatePlanAsync(survivor, "Burst");
        var dyingAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<string?> SaveAsync(int i)
        {
            try
            {
                using var answer = await (i % 2 == 0 ? dying : survivor)
                    .PutAsync($"/api/v1/plans/{id}", Json(new JsonObject { ["comment"] = $"burst {i}", ["inputs"] = Inputs(i) }));
                if (answer.IsSuccessStatusCode && i % 2 == 0)
                {
                    dyingAnswered.TrySetResult();
                }

                return answer.IsSuccessStatusCode ? $"burst {i}" : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }

        // The first half goes at once, the instance is killed as soon as it has answered one of its share (the rest
        // of the half still on its way or in flight), and the second half goes to the dead instance and the live one.
        var firstHalf = Enumerable.Range(1, 100).Select(SaveAsync).ToArray();
        await dyingAnswered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await doomed.KillAsync();
        var secondHalf = await Task.WhenAll(Enumerable.Range(101, 100).Select(SaveAsync));
        var answered = (await Task.WhenAll(firstHalf)).Concat(secondHalf).OfType<string>().ToList();

        var kept = JsonNode.Parse(await survivor.GetStringAsync($"/api/v1/plans/{id}/revisions"))!.AsArray()
            .Select(r => r!["comment"]?.GetValue<string>()).OfType<string>().ToHashSet();
        Assert.All(answered, a => Assert.Contains(a, kept));
        // The live instance goes on answering every save of its own after its peer died.
        Assert.All(Enumerable.Range(101, 100).Where(i => i % 2 == 1), i => Assert.Contains($"burst {i}", answered));
    }

    [Fact]
    public async Task A_page_served_by_one_instance_comes_alive_on_the_other()
    {
        await using var proxy = await NonStickyProxy.StartAsync(pages: instances.First.Address, everythingElse: instances.Second.Address);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = proxy.Address.ToString() });

        await page.GotoAsync("/?avgDataInMiBps=10&partitions=100&retentionHours=24");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await page.Locator("input#avgDataInMiBps").FillAsync("200");

        await Assertions.Expect(page.Locator("tr[data-type='kafka.m5.large'] td[data-col=brokers]")).ToHaveTextAsync("33");
    }

    [Fact]
    public async Task Readiness_fails_while_the_database_refuses_connections_and_recovers_after()
    {
        using var first = Client(instances.First);
        var name = new Npgsql.NpgsqlConnectionStringBuilder(instances.Database).Database;
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/healthz/ready")).StatusCode);

        await instances.ExecuteAsync($"ALTER DATABASE {name} ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}';");
        try
        {
            using var down = await first.GetAsync("/healthz/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Contains("cannot be reached", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await instances.ExecuteAsync($"ALTER DATABASE {name} ALLOW_CONNECTIONS true;");
        }

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/healthz/ready")).StatusCode);
    }

    private static HttpClient Client(RunningApp app) => new() { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };

    private static JsonObject Inputs(double avgIn) => new() { ["avgDataInMiBps"] = avgIn, ["partitions"] = 300 };

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<int> CreatePlanAsync(HttpClient client, string name)
    {
        using var created = await client.PostAsync("/api/v1/plans", Json(new JsonObject { ["name"] = name, ["inputs"] = Inputs(10) }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
    }
}
