using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Hosting;

namespace MskPlanner.Web.Tests.Api;

public sealed class RateLimitTests(RateLimitTests.ThreePerMinute app) : IClassFixture<RateLimitTests.ThreePerMinute>
{
    private static readonly JsonObject Workload = new() { ["avgDataInMiBps"] = 10, ["partitions"] = 100 };

    [Fact]
    public async Task A_client_past_its_sizing_rate_gets_a_429_problem_saying_when_to_try_again()
    {
        using var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/sizing", Workload)).StatusCode);
        }

        using var refused = await client.PostAsJsonAsync("/api/v1/capacity", new JsonObject { ["instanceType"] = "kafka.m5.large", ["brokers"] = 3, ["volumeGiBPerBroker"] = 1000 });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(429, problem!["status"]!.GetValue<int>());
        Assert.Equal("Too many requests.", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Share_link_views_are_limited_whether_the_link_exists_or_not_so_links_cannot_be_guessed_at_speed()
    {
        using var client = app.CreateClient();
        var guesses = new[] { "/api/v1/shared/guess-1", "/shared/guess-2", "/api/v1/shared/guess-3/summary.pdf" };
        foreach (var guess in guesses)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(guess)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/v1/shared/guess-4/export/terraform")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/shared/guess-5")).StatusCode);
    }

    [Fact]
    public async Task Saved_plans_are_not_held_to_the_anonymous_limits()
    {
        using var client = app.CreateClient();
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/plans")).StatusCode);
        }
    }

    public sealed class ThreePerMinute : PlannerAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:SizingPerMinute", "3");
            builder.UseSetting("RateLimits:SharedViewsPerMinute", "3");
        }
    }
}
