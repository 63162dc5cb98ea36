using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;


using MskPlanner.Pricing;
using MskPlanner.Sizing;

namespace MskPlanner.Web.Tests.Api;

public class SizingApiTests(PlannerAppFactory factory) : IClassFixture<PlannerAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_minimal_request_returns_every_broker_type_with_its_limits_and_costs()
    {
        var json = await SizeAsync("""{"avgDataInMiBps": 50, "avgDataOutMiBps": 100, "partitions": 3000}""");

        var options = json["options"]!.AsArray();
        Assert.Equal(BrokerCatalog.All.Count + 1, options.Count); // and MSK Serverless, last
        Assert.Equal("serverless", options[^1]!["instanceType"]!.GetValue<string>());
        var m5 = options.Single(o => o!["instanceType"]!.GetValue<string>() == "kafka.m5.large")!;
        Assert.Equal("standard", m5["brokerClass"]!.GetValue<string>());
        Assert.Equal(12, m5["brokers"]!.GetValue<int>());
        Assert.Equal("ingress", m5["bindingLimit"]!.GetValue<string>());
        foreach (var limit in new[] { "ingress", "egress", "partitions", "storage" })
        {
            var l = m5["limits"]![limit]!;
            Assert.NotNull(l["brokersNeeded"]);
            Assert.NotNull(l["demand"]);
            Assert.NotNull(l["capacityPerBroker"]);
            Assert.NotNull(l["unit"]);
        }

        // Each part is a quantity the answer states times the price the app runs with (the bundled snapshot,
        // which tests pin): the figures follow a refreshed snapshot instead of breaking on it.
        var prices = new BundledSnapshotPriceSource().Snapshot;
        var cost = m5["monthlyCost"]!;
        var brokers = m5["brokers"]!.GetValue<int>();
        var ebsGiB = json["storage"]!["ebsGiB"]!.GetValue<double>();
        var crossAzGiB = json["network"]!["crossAzGiBPerMonth"]!.GetValue<double>();
        Assert.Equal(Cents(brokers * prices.BrokerHourly["kafka.m5.large"] * 730), cost["brokers"]!.GetValue<decimal>());
        Assert.Equal(Cents(ebsGiB * prices.StoragePerGiBMonth), cost["storage"]!.GetValue<decimal>());
        Assert.Equal(0m, cost["tieredStorage"]!.GetValue<decimal>());
        Assert.Equal(0m, cost["provisionedThroughput"]!.GetValue<decimal>());
        Assert.Equal(0m, cost["dataIn"]!.GetValue<decimal>());
        Assert.Equal(Cents(crossAzGiB * prices.CrossAzPerGiB), cost["crossAz"]!.GetValue<decimal>());
        Assert.Equal(new[] { "brokers", "storage", "tieredStorage", "provisionedThroughput", "dataIn", "crossAz" }.Sum(p => cost[p]!.GetValue<decimal>()), cost["total"]!.GetValue<decimal>());

        // Express charges for data in: 50 MiB/s for a 730-hour month is 128,320 GiB.
        var express = options.Single(o => o!["instanceType"]!.GetValue<string>() == "express.m7g.large")!;
        Assert.Equal("express", express["brokerClass"]!.GetValue<string>());
        Assert.Equal(Cents(128_320 * prices.ExpressDataInPerGiB), express["monthlyCost"]!["dataIn"]!.GetValue<decimal>());

        Assert.Equal(["t3", "m5", "m7g", "express"], json["recommended"]!.AsObject().Select(p => p.Key));
        Assert.NotNull(json["storage"]!["ebsGiB"]);
        Assert.NotNull(json["network"]!["crossAzGiBPerMonth"]);
        Assert.NotEmpty(json["advice"]!.AsArray());
        Assert.Equal("bundled snapshot", json["prices"]!["source"]!.GetValue<string>());
        Assert.Equal("us-east-1", json["prices"]!["region"]!.GetValue<string>());
        Assert.Equal(prices.Origin.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), json["prices"]!["asOf"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_api_returns_exactly_what_the_engine_computes_for_the_same_inputs()
    {
        var request = new SizingRequest { AvgDataInMiBps = 80, AvgDataOutMiBps = 160, Partitions = 2000, RetentionHours = 720, PrimaryRetentionHours = 24, ProvisionedThroughputMiBps = 500, AvailabilityZones = 2, ReplicationFactor = 2 };
        var expected = SizingEngine.Size(request.Resolve().GetValueOrThrow(), new BundledSnapshotPriceSource().Snapshot);

        var json = await SizeAsync(JsonSerializer.Serialize(request, JsonSerializerOptions.Web));

        foreach (var option in expected.Options)
        {
            var actual = json["options"]!.AsArray().Single(o => o!["instanceType"]!.GetValue<string>() == option.Type.Name)!;
            Assert.Equal(option.Brokers, actual["brokers"]!.GetValue<int>());
            Assert.Equal(option.MonthlyCost?.Total, actual["monthlyCost"]?["total"]?.GetValue<decimal>());
            Assert.Equal(option.IsAvailable, actual["available"]!.GetValue<bool>());
        }

        Assert.Equal(expected.Recommended.Single(r => r.Family == BrokerFamily.M5).Option!.Type.Name, json["recommended"]!["m5"]!["instanceType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Omitted_fields_take_the_models_defaults()
    {
        var json = await SizeAsync("""{"avgDataInMiBps": 10, "partitions": 100}""");
        var input = json["input"]!;

        Assert.Equal(10, input["peakDataInMiBps"]!.GetValue<double>());
        Assert.Equal(10, input["avgDataOutMiBps"]!.GetValue<double>());
        Assert.Equal(168, input["retentionHours"]!.GetValue<double>());
        Assert.Equal(3, input["replicationFactor"]!.GetValue<int>());
        Assert.Equal(3, input["availabilityZones"]!.GetValue<int>());
        Assert.Equal(0.5, input["diskUtilizationTarget"]!.GetValue<double>());
        Assert.Equal(60, input["brokerQuota"]!.GetValue<int>());
        Assert.Equal("us-east-1", input["region"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_region_is_priced_from_the_snapshot_and_says_so()
    {
        var json = await SizeAsync("""{"avgDataInMiBps": 10, "partitions": 100, "region": "eu-west-1"}""");

        Assert.Equal("us-east-1", json["prices"]!["region"]!.GetValue<string>());
        Assert.Contains("eu-west-1", json["prices"]!["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{"avgDataInMiBps": -1, "partitions": 10}""", "avgDataInMiBps" },
        { """{"partitions": 10}""", "avgDataInMiBps" },
        { """{"avgDataInMiBps": 10}""", "leaderPartitions" },
        { """{"avgDataInMiBps": "ten", "partitions": 10}""", "avgDataInMiBps" },
        { """{"avgDataInMiBps": 10, "partitions": 1.5}""", "partitions" },
        { """{"avgDataInMiBps": 10, "partitions": 10, "replicationFactor": 1}""", "replicationFactor" },
        { """{"avgDataInMiBps": 10, "partitions": 10, "partitons": 10}""", "partitons" },
        { """{"avgDataInMiBps": 10, "partitions": 10, "nearestReplicaFetching": "yes"}""", "nearestReplicaFetching" },
        { """{"avgDataInMiBps": 10, "partitions": 10, "region": "xx-nowhere-9"}""", "region" },
        { """{"avgDataInMiBps": 1e400, "partitions": 10}""", "avgDataInMiBps" },
        { """{"avgDataInMiBps": 10, "partitions": 99999999999}""", "partitions" },
        { """{"avgDataInMiBps": 10, "partitions": 10""", "body" },
        { """[1, 2]""", "body" },
        { """null""", "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_gets_a_400_problem_naming_the_field(string body, string field)
    {
        using var response = await _client.PostAsync("/api/v1/sizing", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        var messages = problem["errors"]![field]!.AsArray();
        Assert.False(string.IsNullOrWhiteSpace(messages[0]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_a_415_problem()
    {
        using var response = await _client.PostAsync("/api/v1/sizing", new StringContent("avgDataInMiBps=10", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Random_values_in_every_field_never_cause_a_server_error()
    {
        var random = new Random(20261125);
        JsonNode?[] values = [null, -1, 0, 0.5, 3, 1e9, -1e300, 1e308, "x", "", true, new JsonArray(), new JsonObject(), int.MaxValue, long.MaxValue];
        var fields = typeof(SizingRequest).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToArray();

        for (var i = 0; i < 150; i++)
        {
            var body = new JsonObject { ["avgDataInMiBps"] = 10, ["partitions"] = 100 };
            foreach (var field in fields.Where(_ => random.NextDouble() < 0.3))
            {
                body[field] = values[random.Next(values.Length)]?.DeepClone();
            }

            using var response = await _client.PostAsync("/api/v1/sizing", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{response.StatusCode} for {body.ToJsonString()}");
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_sizing_endpoint()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;

        Assert.NotNull(document["paths"]!["/api/v1/sizing"]!["post"]);
        Assert.NotNull(document["components"]!["schemas"]!["SizingRequest"]);
    }

    [Fact]
    public async Task The_health_check_answers_healthy_and_names_the_plan_store()
    {
        var health = await _client.GetFromJsonAsync<JsonObject>("/healthz");

        Assert.Equal("Healthy", health!["status"]!.GetValue<string>());
        Assert.Equal("plan-store", health["checks"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_regions_endpoint_lists_where_msk_is_sold()
    {
        var regions = await _client.GetFromJsonAsync<JsonArray>("/api/v1/regions");

        Assert.Contains(regions!, r => r!["code"]!.GetValue<string>() == "eu-west-1" && r["name"]!.GetValue<string>() == "Europe (Ireland)");
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        using var response = await _client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_may_connect_only_to_their_own_origin()
    {
        using var response = await _client.GetAsync("/");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var connect = Assert.Single(policy.Split(';', StringSplitOptions.TrimEntries), d => d.StartsWith("connect-src", StringComparison.Ordinal));
        Assert.Equal("connect-src 'self'", connect);
    }

    private async Task<JsonNode> SizeAsync(string body)
    {
        using var response = await _client.PostAsync("/api/v1/sizing", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task Explain_on_request_adds_how_each_figure_was_worked_out_keyed_by_its_path()
    {
        using var plain = await _client.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 50, partitions = 3000 });
        using var explained = await _client.PostAsJsonAsync("/api/v1/sizing?explain=true", new { avgDataInMiBps = 50, partitions = 3000 });

        Assert.Null((await plain.Content.ReadFromJsonAsync<JsonObject>())!["explain"]);
        var explain = (await explained.Content.ReadFromJsonAsync<JsonObject>())!["explain"]!;
        var ingress = explain["options.kafka.m5.2xlarge.limits.ingress"]!;
        Assert.StartsWith("min(250 ÷ 6.5, 320 ÷ 7.2) × 1 × 0.5 = 19.231 MiB/s", ingress["working"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(ingress["constants"]!.AsArray());
        Assert.NotNull(explain["storage.ebsGiB"]!["formula"]);
        Assert.NotNull(explain["options.serverless.monthlyCost.cluster"]);
    }

    private static decimal Cents(double amount) => Math.Round((decimal)amount, 2, MidpointRounding.ToEven);
}
