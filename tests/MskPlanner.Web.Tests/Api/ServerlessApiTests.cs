using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MskPlanner.Web.Tests.Api;

public class ServerlessApiTests(PlannerAppFactory factory) : IClassFixture<PlannerAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonObject> ServerlessOptionAsync(object body)
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/sizing", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var options = (await response.Content.ReadFromJsonAsync<JsonObject>())!["options"]!.AsArray();
        return options.Single(o => o!["instanceType"]!.GetValue<string>() == "serverless")!.AsObject();
    }

    [Fact]
    public async Task Serverless_is_one_more_option_with_its_own_cost_components_when_the_workload_fits()
    {
        var serverless = await ServerlessOptionAsync(new { avgDataInMiBps = 10, avgDataOutMiBps = 20, partitions = 300, retentionHours = 48 });
        var doubled = await ServerlessOptionAsync(new { avgDataInMiBps = 10, avgDataOutMiBps = 20, partitions = 600, retentionHours = 48 });

        Assert.Equal("serverless", serverless["brokerClass"]!.GetValue<string>());
        Assert.True(serverless["available"]!.GetValue<bool>());
        Assert.Null(serverless["bindingLimit"]);
        Assert.Equal(100, serverless["leaderPartitions"]!.GetValue<int>());
        var cost = serverless["monthlyCost"]!;
        string[] parts = ["cluster", "partitions", "storage", "dataIn", "dataOut"];
        Assert.Equal(parts.Sum(p => cost[p]!.GetValue<decimal>()), cost["total"]!.GetValue<decimal>());
        // Partition-hours scale with the leaders and nothing else does.
        Assert.Equal(2 * cost["partitions"]!.GetValue<decimal>(), doubled["monthlyCost"]!["partitions"]!.GetValue<decimal>());
        Assert.Equal(cost["cluster"]!.GetValue<decimal>(), doubled["monthlyCost"]!["cluster"]!.GetValue<decimal>());
        Assert.True(serverless["limits"]!["ingress"]!["fits"]!.GetValue<bool>());
        Assert.Equal(200_000_000 / 1_048_576d, serverless["limits"]!["ingress"]!["cap"]!.GetValue<double>(), 9);
        Assert.NotNull(serverless["ratesSource"]);
    }

    [Fact]
    public async Task A_workload_over_a_Serverless_quota_is_unavailable_with_the_limit_that_binds()
    {
        var serverless = await ServerlessOptionAsync(new { avgDataInMiBps = 250, partitions = 3000 });

        Assert.False(serverless["available"]!.GetValue<bool>());
        Assert.Equal("ingress", serverless["bindingLimit"]!.GetValue<string>());
        Assert.Contains("200 MBps (190.7 MiB/s)", serverless["unavailableReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(serverless["monthlyCost"]);
    }

    [Fact]
    public async Task Broker_options_keep_their_shape_beside_Serverless()
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 10, partitions = 300 });
        var m5 = (await response.Content.ReadFromJsonAsync<JsonObject>())!["options"]!.AsArray().Single(o => o!["instanceType"]!.GetValue<string>() == "kafka.m5.large")!;

        Assert.Equal("standard", m5["brokerClass"]!.GetValue<string>());
        Assert.True(m5["brokers"]!.GetValue<int>() > 0);
        Assert.NotNull(m5["monthlyCost"]!["brokers"]);
        Assert.Null(m5["leaderPartitions"]);
    }

    [Fact]
    public async Task A_client_connection_count_out_of_range_is_a_400_at_its_field()
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 10, partitions = 300, clientConnections = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("or left empty", (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["clientConnections"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
