using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MskPlanner.Web.Tests.Api;

/// <summary>With live prices configured and the price list out of reach, the planner still answers, and says why.</summary>
public class LivePricesFallbackTests(LivePricesFallbackTests.UnreachableAws factory) : IClassFixture<LivePricesFallbackTests.UnreachableAws>
{
    [Fact]
    public async Task Sizing_answers_from_the_snapshot_at_once_and_names_the_reason_once_the_download_failed()
    {
        using var client = factory.CreateClient();

        var first = await PricesAsync(client);
        await factory.Services.GetRequiredService<MskPlanner.Pricing.IPriceSource>().ArrivalAsync("eu-west-1").WaitAsync(TimeSpan.FromSeconds(30));
        var after = await PricesAsync(client);

        Assert.Equal("bundled snapshot", first["source"]!.GetValue<string>());
        Assert.StartsWith("Live prices unavailable (still downloading", first["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("bundled snapshot", after["source"]!.GetValue<string>());
        Assert.StartsWith("Live prices unavailable (the price list could not be reached", after["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<JsonNode> PricesAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 10, partitions = 100, region = "eu-west-1" });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["prices"]!;
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
