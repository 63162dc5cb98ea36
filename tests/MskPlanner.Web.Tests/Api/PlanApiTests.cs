using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace MskPlanner.Web.Tests.Api;

public class PlanApiTests(PlannerAppFactory factory) : IClassFixture<PlannerAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_plan_is_created_read_revised_and_listed()
    {
        var created = await CreateAsync("Orders", new JsonObject { ["avgDataInMiBps"] = 50, ["avgDataOutMiBps"] = 100, ["partitions"] = 3000 });
        var id = created["id"]!.GetValue<int>();

        Assert.Equal(1, created["revision"]!["number"]!.GetValue<int>());
        Assert.Equal("bundled snapshot", created["revision"]!["pricedWith"]!["source"]!.GetValue<string>());
        Assert.Equal(created["monthlyCostThen"]!.GetValue<decimal>(), created["monthlyCostNow"]!.GetValue<decimal>());
        Assert.Equal(12, created["sizing"]!["options"]!.AsArray().Single(o => o!["instanceType"]!.GetValue<string>() == "kafka.m5.large")!["brokers"]!.GetValue<int>());

        using var put = await _client.PutAsJsonAsync($"/api/v1/plans/{id}", new { name = "Orders EU", inputs = new { avgDataInMiBps = 80, partitions = 3000 }, comment = "more traffic", selectedFamily = "m7g" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var revised = JsonNode.Parse(await put.Content.ReadAsStringAsync())!;
        Assert.Equal("Orders EU", revised["name"]!.GetValue<string>());
        Assert.Equal(2, revised["latestRevision"]!.GetValue<int>());
        Assert.Equal("m7g", revised["headline"]!["family"]!.GetValue<string>());

        var revisions = await _client.GetFromJsonAsync<JsonArray>($"/api/v1/plans/{id}/revisions");
        Assert.Equal([2, 1], revisions!.Select(r => r!["number"]!.GetValue<int>()));
        var first = await _client.GetFromJsonAsync<JsonObject>($"/api/v1/plans/{id}?revision=1");
        Assert.Equal(50, first!["revision"]!["inputs"]!["avgDataInMiBps"]!.GetValue<double>());

        var list = await _client.GetFromJsonAsync<JsonObject>("/api/v1/plans?search=orders%20eu&sort=name");
        Assert.Contains(list!["items"]!.AsArray(), p => p!["id"]!.GetValue<int>() == id);
    }

    [Fact]
    public async Task A_plan_keeps_its_streams_and_is_sized_by_them()
    {
        var streams = new JsonArray(new JsonObject { ["name"] = "orders", ["messagesPerSecond"] = 5000, ["messageBytes"] = 2048, ["consumerGroups"] = 2 });
        var created = await CreateAsync("By topic", new JsonObject { ["streams"] = streams });
        var id = created["id"]!.GetValue<int>();

        var read = await _client.GetFromJsonAsync<JsonObject>($"/api/v1/plans/{id}");
        Assert.Equal("orders", read!["revision"]!["inputs"]!["streams"]![0]!["name"]!.GetValue<string>());
        // 5,000 x 2,048 B = 9.765625 MiB/s, read by 2 groups.
        Assert.Equal(9.765625, read["sizing"]!["input"]!["avgDataInMiBps"]!.GetValue<double>(), 9);
        Assert.Equal(19.53125, read["sizing"]!["input"]!["avgDataOutMiBps"]!.GetValue<double>(), 9);
    }

    [Fact]
    public async Task Deleting_a_plan_hides_it_and_restore_brings_it_back()
    {
        var id = (await CreateAsync("Temporary", new JsonObject { ["avgDataInMiBps"] = 5, ["partitions"] = 50 }))["id"]!.GetValue<int>();

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/plans/{id}")).StatusCode);
        await AssertProblemAsync(await _client.GetAsync($"/api/v1/plans/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync($"/api/v1/plans/{id}/restore", EmptyJson())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/v1/plans/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_share_link_opens_the_plan_read_only_until_revoked()
    {
        var id = (await CreateAsync("Shared", new JsonObject { ["avgDataInMiBps"] = 5, ["partitions"] = 50 }))["id"]!.GetValue<int>();

        using var share = await _client.PostAsync($"/api/v1/plans/{id}/share", EmptyJson());
        Assert.Equal(HttpStatusCode.Created, share.StatusCode);
        var link = JsonNode.Parse(await share.Content.ReadAsStringAsync())!;
        var token = link["token"]!.GetValue<string>();
        Assert.EndsWith($"/shared/{token}", link["url"]!.GetValue<string>(), StringComparison.Ordinal);

        var shared = await _client.GetFromJsonAsync<JsonObject>($"/api/v1/shared/{token}");
        Assert.Equal("Shared", shared!["name"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/plans/{id}/share/{link["id"]}")).StatusCode);
        await AssertProblemAsync(await _client.GetAsync($"/api/v1/shared/{token}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await _client.GetAsync("/api/v1/shared/not-a-token"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_comparison_of_three_plans_gives_costs_and_differences_against_the_first()
    {
        var a = (await CreateAsync("1 day", new JsonObject { ["avgDataInMiBps"] = 50, ["partitions"] = 1000, ["retentionHours"] = 24 }))["id"]!.GetValue<int>();
        var b = (await CreateAsync("3 days", new JsonObject { ["avgDataInMiBps"] = 50, ["partitions"] = 1000, ["retentionHours"] = 72 }))["id"]!.GetValue<int>();
        var c = (await CreateAsync("7 days", new JsonObject { ["avgDataInMiBps"] = 50, ["partitions"] = 1000, ["retentionHours"] = 168 }))["id"]!.GetValue<int>();

        using var response = await _client.PostAsJsonAsync("/api/v1/compare", new { items = new[] { new { planId = a }, new { planId = b }, new { planId = c } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var comparison = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var columns = comparison["columns"]!.AsArray();
        Assert.Equal(["1 day", "3 days", "7 days"], columns.Select(col => col!["label"]!.GetValue<string>()));
        var first = columns[0]!["headline"]!["monthlyCost"]!["total"]!.GetValue<decimal>();
        var third = columns[2]!["headline"]!["monthlyCost"]!["total"]!.GetValue<decimal>();
        Assert.Equal(third - first, columns[2]!["differenceFromFirst"]!.GetValue<decimal>());
        Assert.Equal((double)((third - first) / first), columns[2]!["differenceFromFirstPercent"]!.GetValue<double>(), 9);
        Assert.Equal(third * 12, columns[2]!["headline"]!["yearlyTotal"]!.GetValue<decimal>());
        Assert.True(comparison["inputs"]!.AsArray().Single(r => r!["field"]!.GetValue<string>() == "retentionHours")!["differs"]!.GetValue<bool>());
        Assert.False(comparison["inputs"]!.AsArray().Single(r => r!["field"]!.GetValue<string>() == "partitions")!["differs"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Variants_compare_a_plan_across_families_zones_and_retention()
    {
        var id = (await CreateAsync("Variants", new JsonObject { ["avgDataInMiBps"] = 20, ["partitions"] = 600 }))["id"]!.GetValue<int>();

        foreach (var (kind, count) in new[] { ("families", 4), ("zones", 2), ("retention", 3) })
        {
            using var response = await _client.PostAsJsonAsync("/api/v1/compare", new { variants = new { planId = id, kind } });
            var comparison = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(count, comparison["columns"]!.AsArray().Count);
        }
    }

    [Theory]
    [InlineData(20, 600, "zones")]
    [InlineData(100, 3000, "zones")]
    [InlineData(300, 6000, "zones")]
    [InlineData(100, 3000, "retention")]
    public async Task Zone_and_retention_variants_cost_every_column_by_the_same_family(double avgIn, int partitions, string kind)
    {
        var id = (await CreateAsync($"Like for like {avgIn}", new JsonObject { ["avgDataInMiBps"] = avgIn, ["partitions"] = partitions }))["id"]!.GetValue<int>();

        using var response = await _client.PostAsJsonAsync("/api/v1/compare", new { variants = new { planId = id, kind } });
        var columns = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["columns"]!.AsArray();

        var families = columns.Select(c => c!["headline"]?["family"]?.GetValue<string>()).ToList();
        Assert.DoesNotContain(null, families);
        Assert.Single(families.Distinct());
        Assert.All(columns, c => Assert.EndsWith($"({families[0]})", c!["label"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_t3_development_advice_shows_on_a_plan_that_chooses_t3_and_not_on_one_that_does_not()
    {
        var inputs = new JsonObject { ["avgDataInMiBps"] = 100, ["avgDataOutMiBps"] = 300, ["partitions"] = 3000 };
        using var t3 = await _client.PostAsJsonAsync("/api/v1/plans", new JsonObject { ["name"] = "On T3", ["selectedFamily"] = "t3", ["inputs"] = inputs.DeepClone() });
        var other = await CreateAsync("Cheapest production pick", inputs);

        static IEnumerable<string> Codes(JsonNode plan) => plan["sizing"]!["advice"]!.AsArray().Select(a => a!["code"]!.GetValue<string>());
        Assert.Contains("t3-development", Codes(JsonNode.Parse(await t3.Content.ReadAsStringAsync())!));
        Assert.DoesNotContain("t3-development", Codes(other));
    }

    public static TheoryData<string, string, string, string> BadRequests() => new()
    {
        { "POST", "/api/v1/plans", """{"name": "", "inputs": {"avgDataInMiBps": 1, "partitions": 1}}""", "name" },
        { "POST", "/api/v1/plans", """{"name": "x"}""", "inputs" },
        { "POST", "/api/v1/plans", """{"name": "x", "inputs": {"avgDataInMiBps": -1, "partitions": 1}}""", "inputs.avgDataInMiBps" },
        { "POST", "/api/v1/plans", """{"name": "x", "inputs": {"avgDataInMiBps": "a", "partitions": 1}}""", "inputs.avgDataInMiBps" },
        { "POST", "/api/v1/plans", """{"name": "x", "selectedFamily": "z9", "inputs": {"avgDataInMiBps": 1, "partitions": 1}}""", "selectedFamily" },
        { "POST", "/api/v1/compare", """{"items": [{"planId": 1}]}""", "items" },
        { "POST", "/api/v1/compare", """{"items": [{"planId": 999999}, {"planId": 999998}]}""", "items[0]" },
        { "POST", "/api/v1/compare", """{}""", "items" },
        { "GET", "/api/v1/plans?sort=sideways", "", "sort" },
        { "GET", "/api/v1/plans?pageSize=1000", "", "pageSize" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_requests_get_a_400_problem_naming_the_field(string method, string path, string body, string field)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Unknown_plans_get_a_404_problem_everywhere()
    {
        await AssertProblemAsync(await _client.GetAsync("/api/v1/plans/424242"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await _client.PutAsJsonAsync("/api/v1/plans/424242", new { name = "x" }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await _client.DeleteAsync("/api/v1/plans/424242"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await _client.GetAsync("/api/v1/plans/424242/revisions"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await _client.PostAsync("/api/v1/plans/424242/share", EmptyJson()), HttpStatusCode.NotFound);
        await AssertProblemAsync(await _client.GetAsync("/api/v1/plans/424242/share"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_plan_endpoints()
    {
        var paths = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!["paths"]!.AsObject();

        foreach (var path in new[] { "/api/v1/plans", "/api/v1/plans/{id}", "/api/v1/plans/{id}/revisions", "/api/v1/plans/{id}/share", "/api/v1/shared/{token}", "/api/v1/compare" })
        {
            Assert.True(paths.ContainsKey(path), path);
        }
    }

    /// <summary>A write with no body still says it is JSON, as every API write must.</summary>
    internal static StringContent EmptyJson() => new("", Encoding.UTF8, "application/json");

    private async Task<JsonNode> CreateAsync(string name, JsonObject inputs)
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/plans", new JsonObject { ["name"] = name, ["inputs"] = inputs });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    private static async Task<JsonNode> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }
    }
}
