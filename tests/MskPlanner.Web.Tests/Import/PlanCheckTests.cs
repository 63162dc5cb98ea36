using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MskPlanner.Web.Tests.Import;

/// <summary>A saved plan held against the running cluster's week in a real Prometheus.</summary>
public sealed class PlanCheckTests(MeasuredCluster cluster, PlannerAppFactory factory) : IClassFixture<MeasuredCluster>, IClassFixture<PlannerAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_plan_built_from_the_clusters_own_week_checks_against_it_without_a_drift_flag()
    {
        var imported = await ImportAsync();
        var id = await SaveAsync("From the running cluster", imported["request"]!);

        var check = await CheckAsync(id);

        var limits = check["limits"]!.AsObject();
        Assert.Equal(["ingress", "egress", "partitions", "storage"], limits.Select(l => l.Key).Where(k => k != "provisionedThroughput"));
        Assert.Equal(0, limits["partitions"]!["drift"]!.GetValue<double>(), 0.001);
        foreach (var (key, limit) in limits.Where(l => l.Key != "storage"))
        {
            Assert.True(limit!["planned"]!.GetValue<double>() > 0 && limit["measured"]!.GetValue<double>() > 0, key);
            Assert.True(Math.Abs(limit["drift"]!.GetValue<double>()) <= 0.2, $"{key}: {limit.ToJsonString()}");
        }

        // Storage is the disk in use, as the log sizes of every replica add up, against the plan's volumes.
        var storage = limits["storage"]!;
        Assert.Equal(MeasuredCluster.OrdersOnDiskGiB, storage["measured"]!.GetValue<double>(), 0.001);
        Assert.Equal("GiB on disk", storage["unit"]!.GetValue<string>());
        Assert.Contains(check["figures"]!.AsArray(), f => f!["path"]!.GetValue<string>() == "diskUsedGiB" && f["source"]!.GetValue<string>().StartsWith("sum(kafka_log_log_size{", StringComparison.Ordinal));

        Assert.DoesNotContain(check["flags"]!.AsArray(), f => f!.GetValue<string>().Contains("planned (", StringComparison.Ordinal) && !f.GetValue<string>().StartsWith("Storage", StringComparison.Ordinal));
        Assert.Contains(check["figures"]!.AsArray(), f => f!["path"]!.GetValue<string>() == "peakDataInMiBps");
    }

    [Fact]
    public async Task A_cluster_carrying_twice_the_planned_traffic_is_flagged_with_its_drift()
    {
        var imported = await ImportAsync();
        var request = imported["request"]!.DeepClone();
        foreach (var stream in request["streams"]!.AsArray())
        {
            stream!["messagesPerSecond"] = stream["messagesPerSecond"]!.GetValue<double>() / 2;
            stream["peakMessagesPerSecond"] = stream["peakMessagesPerSecond"]!.GetValue<double>() / 2;
        }

        var check = await CheckAsync(await SaveAsync("Half the traffic", request));

        var ingress = check["limits"]!["ingress"]!;
        Assert.True(ingress["drift"]!.GetValue<double>() > 0.2, ingress.ToJsonString());
        Assert.Contains(check["flags"]!.AsArray(), f => f!.GetValue<string>().StartsWith("Ingress: measured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_check_needs_bytes_so_kafka_exporter_alone_cannot_check_a_plan()
    {
        var id = await SaveAsync("Any", JsonNode.Parse("""{"avgDataInMiBps":1,"leaderPartitions":10}""")!);

        using var response = await _client.PostAsJsonAsync($"/api/v1/plans/{id}/check", new { url = cluster.Server.Address.ToString(), naming = "kafka-exporter" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("has no bytes per topic", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Checking_a_plan_that_does_not_exist_is_not_found()
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/plans/999999/check", new { url = cluster.Server.Address.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonNode> ImportAsync()
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/import/prometheus", new { url = cluster.Server.Address.ToString() });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    private async Task<int> SaveAsync(string name, JsonNode inputs)
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/plans", new JsonObject { ["name"] = name, ["inputs"] = inputs.DeepClone() });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<int>();
    }

    private async Task<JsonNode> CheckAsync(int id)
    {
        using var response = await _client.PostAsJsonAsync($"/api/v1/plans/{id}/check", new { url = cluster.Server.Address.ToString() });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }
}
