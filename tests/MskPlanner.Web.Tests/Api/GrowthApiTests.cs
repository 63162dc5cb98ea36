using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MskPlanner.Web.Tests.Api;

public class GrowthApiTests(PlannerAppFactory factory) : IClassFixture<PlannerAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_growth_rate_adds_the_months_resizes_and_totals_to_the_sizing()
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 50, avgDataOutMiBps = 100, partitions = 3000, retentionHours = 24, monthlyGrowthPercent = 10, horizonMonths = 24 });
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var growth = json["growth"]!;
        var months = growth["months"]!.AsArray();
        Assert.Equal(25, months.Count);
        // By hand: 50 x 1.1^24 = 492.49.
        Assert.Equal(492.487, months[24]!["avgDataInMiBps"]!.GetValue<double>(), 3);
        Assert.Equal(json["recommended"]!["m5"]!["monthlyTotal"]!.GetValue<decimal>(), months[0]!["recommended"]!["m5"]!["monthlyTotal"]!.GetValue<decimal>());
        var m5Total = months.Take(24).Sum(m => m!["recommended"]!["m5"]!["monthlyTotal"]!.GetValue<decimal>());
        Assert.Equal(m5Total, growth["totalCost"]!["m5"]!.GetValue<decimal>());
        Assert.Contains(growth["resizes"]!.AsArray(), r => r!["family"]!.GetValue<string>() == "m5" && r["month"]!.GetValue<int>() > 0);
        Assert.NotNull(growth["cheapestOverHorizon"]);
    }

    [Fact]
    public async Task Without_a_growth_rate_the_sizing_has_no_growth()
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 50, partitions = 3000 });
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Null(json["growth"]);
    }

    [Fact]
    public async Task A_horizon_out_of_range_is_a_400_at_its_field()
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 50, partitions = 3000, monthlyGrowthPercent = 5, horizonMonths = 120 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["horizonMonths"]);
    }
}
