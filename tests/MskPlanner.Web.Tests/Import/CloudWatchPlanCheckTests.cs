using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace MskPlanner.Web.Tests.Import;

/// <summary>
/// A saved plan held against its MSK cluster's CloudWatch metrics. The fixture is get-metric-data's documented
/// answer (newest first) for three brokers over four hours: 10 MiB/s in and 20 MiB/s out on each, broker 3 missing
/// two periods of bytes in and broker 2's bytes out PartialData; KafkaDataLogsDiskUsed last at 40, 50 and 60%; and
/// CPU user + system of 40, 70 and 25%.
/// </summary>
public sealed class CloudWatchPlanCheckTests(PlannerAppFactory factory) : IClassFixture<PlannerAppFactory>
{
    private const double InPerBroker = 10;
    private const double OutPerBroker = 20;
    private const int Brokers = 3;

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_plan_typed_with_the_clusters_own_rates_shows_no_traffic_drift_and_its_disk_and_busiest_cpu()
    {
        var id = await SaveAsync(Brokers * InPerBroker, Brokers * OutPerBroker);

        var check = await CheckAsync(id, Fixture());

        var limits = check["limits"]!.AsObject();
        Assert.Equal(0, limits["ingress"]!["drift"]!.GetValue<double>(), 0.001);
        Assert.Equal(0, limits["egress"]!["drift"]!.GetValue<double>(), 0.001);
        // CloudWatch has no partition count per topic here, so partitions are not compared rather than shown unchanged.
        Assert.False(limits.ContainsKey("partitions"));
        // The disks' last readings, 40 + 50 + 60% of the plan's volume per broker.
        var plan = await GetAsync(id);
        var volume = plan["sizing"]!["options"]!.AsArray().Single(o => o!["instanceType"]!.GetValue<string>() == check["instanceType"]!.GetValue<string>())!["volumePerBrokerGiB"]!.GetValue<double>();
        Assert.Equal((0.40 + 0.50 + 0.60) * volume, limits["storage"]!["measured"]!.GetValue<double>(), 0.01);
        Assert.Equal(70, check["cpu"]!["measured"]!.GetValue<double>(), 0.001);
        Assert.Contains(check["flags"]!.AsArray(), f => f!.GetValue<string>().StartsWith("CPU: the busiest broker runs at 70%", StringComparison.Ordinal));
        Assert.Contains(check["figures"]!.AsArray(), f => f!["path"]!.GetValue<string>() == "avgDataInMiBps" && f["source"]!.GetValue<string>().StartsWith("cloudWatch: BytesInPerSec", StringComparison.Ordinal));
        Assert.Equal("2026-11-30T20:05:00+00:00", check["measuredFrom"]!["from"]!.GetValue<string>());
        Assert.Equal("2026-12-01T00:00:00+00:00", check["measuredFrom"]!["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cluster_running_half_again_the_planned_traffic_is_flagged_and_its_measurements_save_as_a_revision()
    {
        var id = await SaveAsync(Brokers * InPerBroker / 1.5, Brokers * OutPerBroker / 1.5);

        var check = await CheckAsync(id, Fixture());

        Assert.Equal(0.5, check["limits"]!["ingress"]!["drift"]!.GetValue<double>(), 0.01);
        Assert.Contains(check["flags"]!.AsArray(), f => f!.GetValue<string>().StartsWith("Ingress: measured", StringComparison.Ordinal));

        using var saved = await _client.PutAsJsonAsync($"/api/v1/plans/{id}", new JsonObject
        {
            ["inputs"] = check["measuredInputs"]!.DeepClone(),
            ["measuredFrom"] = check["measuredFrom"]!.DeepClone(),
            ["comment"] = "From the running cluster",
            ["selectedFamily"] = "m7g",
        });
        var text = await saved.Content.ReadAsStringAsync();
        Assert.True(saved.StatusCode == HttpStatusCode.OK, text);
        var revision = JsonNode.Parse(text)!["revision"]!;
        Assert.Equal(2, revision["number"]!.GetValue<int>());
        Assert.Equal(Brokers * InPerBroker, revision["inputs"]!["avgDataInMiBps"]!.GetValue<double>(), 0.001);
        Assert.Equal("CloudWatch file", revision["measuredFrom"]!["source"]!.GetValue<string>());

        var again = await CheckAsync(id, Fixture());
        Assert.Equal(0, again["limits"]!["ingress"]!["drift"]!.GetValue<double>(), 0.001);
    }

    [Fact]
    public async Task With_growth_each_limit_says_how_many_months_the_measured_demand_takes_to_fill_the_plans_brokers()
    {
        var id = await SaveAsync(Brokers * InPerBroker, Brokers * OutPerBroker, monthlyGrowthPercent: 10);

        var check = await CheckAsync(id, Fixture());

        foreach (var (key, limit) in check["limits"]!.AsObject())
        {
            var measured = limit!["measured"]!.GetValue<double>();
            var capacity = limit["capacity"]!.GetValue<double>();
            // By hand: measured x 1.1^months = capacity.
            Assert.Equal(Math.Log(capacity / measured) / Math.Log(1.1), limit["monthsLeft"]!.GetValue<double>(), 0.001);
            Assert.Equal(1 - (measured / capacity), limit["headroom"]!.GetValue<double>(), 0.001);
        }
    }

    [Fact]
    public async Task A_measurement_source_with_control_characters_is_refused_at_its_field()
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/plans", new JsonObject
        {
            ["name"] = "Measured",
            ["inputs"] = new JsonObject { ["avgDataInMiBps"] = 10, ["leaderPartitions"] = 100 },
            ["measuredFrom"] = new JsonObject { ["source"] = "prom\u001b]8;;evil\u0007", ["from"] = "2026-12-01T00:00:00Z", ["to"] = "2026-12-02T00:00:00Z" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("measuredFrom.source", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_a_400_naming_where_it_breaks()
    {
        var id = await SaveAsync(10, 10);

        using var response = await PostAsync(id, "{\"MetricDataResults\": [ {\"Label\": \"BytesInPerSec\", \"Timestamps\": [\"2026-12-01T00:00:00Z\"], \"Values\": [\"x\"]} ]}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.MetricDataResults[0].Values[0]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_file_without_bytes_in_cannot_check_a_plan()
    {
        var id = await SaveAsync(10, 10);

        using var response = await PostAsync(id, """{"MetricDataResults": [{"Label": "CpuUser 1", "Timestamps": ["2026-12-01T00:00:00Z"], "Values": [10]}]}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("has no BytesInPerSec", await response.Content.ReadAsStringAsync());
    }

    private async Task<int> SaveAsync(double avgIn, double avgOut, double? monthlyGrowthPercent = null)
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/plans", new JsonObject
        {
            ["name"] = "Typed",
            ["selectedFamily"] = "m7g",
            ["inputs"] = new JsonObject { ["avgDataInMiBps"] = avgIn, ["avgDataOutMiBps"] = avgOut, ["leaderPartitions"] = 300, ["monthlyGrowthPercent"] = monthlyGrowthPercent },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<int>();
    }

    private async Task<JsonNode> GetAsync(int id) => JsonNode.Parse(await _client.GetStringAsync($"/api/v1/plans/{id}"))!;

    private async Task<JsonNode> CheckAsync(int id, string json)
    {
        using var response = await PostAsync(id, json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>The file as curl -F cloudWatch=@file sends it.</summary>
    private Task<HttpResponseMessage> PostAsync(int id, string json)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "cloudWatch", "metrics.json");
        return _client.PostAsync($"/api/v1/plans/{id}/check/files", form);
    }

    private static string Fixture() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "cloudwatch-cluster.json"));
}
