using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Hosting;

namespace MskPlanner.Web.Tests.Api;

/// <summary>With live prices configured and the price list out of reach, the planner still answers, and says why.</summary>
public class LivePricesFallbackTests(LivePricesFallbackTests.UnreachableAws factory) : IClassFixture<LivePricesFallbackTests.UnreachableAws>
{
    [Fact]
    public async Task Sizing_falls_back_to_the_snapshot_and_names_the_reason()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 10, partitions = 100, region = "eu-west-1" });
        var prices = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["prices"]!;

        Assert.Equal("bundled snapshot", prices["source"]!.GetValue<string>());
        Assert.StartsWith("Live prices unavailable (the price list could not be reached", prices["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>The app with bulk live prices pointed at a loopback port nothing listens on.</summary>
    public sealed class UnreachableAws : PlannerAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Pricing:Source", "Bulk");
            builder.UseSetting("Pricing:BulkEndpoint", "http://127.0.0.1:9");
            builder.UseSetting("Pricing:Timeout", "00:00:01");
        }
    }
}
