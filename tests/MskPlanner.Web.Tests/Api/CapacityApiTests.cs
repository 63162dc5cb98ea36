using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MskPlanner.Web.Tests.Api;

public class CapacityApiTests(PlannerAppFactory factory) : IClassFixture<PlannerAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task What_six_brokers_can_take_is_six_times_the_capacity_the_forward_sizing_gives_one()
    {
        using var sized = await _client.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 40, peakDataInMiBps = 60, peakDataOutMiBps = 120, avgDataOutMiBps = 80, partitions = 3000 });
        var option = (await sized.Content.ReadFromJsonAsync<JsonObject>())!["options"]!.AsArray().Single(o => o!["instanceType"]!.GetValue<string>() == "kafka.m5.2xlarge")!;
        var perBroker = option["limits"]!["ingress"]!["capacityPerBroker"]!.GetValue<double>();
        var atFullUse = option["ingressPerBrokerMiBps"]!.GetValue<double>();

        using var response = await _client.PostAsJsonAsync("/api/v1/capacity", new
        {
            instanceType = "kafka.m5.2xlarge",
            brokers = 6,
            volumeGiBPerBroker = 2000,
            peakDataInMiBps = 60,
            peakDataOutMiBps = 120,
            avgDataInMiBps = 40,
        });
        var capacity = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(perBroker, capacity["ingressCapacityPerBrokerMiBps"]!.GetValue<double>(), 9);
        Assert.Equal(atFullUse, capacity["ingressPerBrokerMiBps"]!.GetValue<double>(), 9);
        Assert.Equal(6 * perBroker, capacity["maxPeakDataInMiBps"]!.GetValue<double>(), 9);
        Assert.Equal(2 * 6 * perBroker, capacity["maxPeakDataOutMiBps"]!.GetValue<double>(), 9);
        Assert.Equal(6 * 2000, capacity["maxPartitions"]!.GetValue<int>());
        // 14 hours of 40 MiB/s fill the volumes, short of the default week: storage binds before throughput.
        Assert.Equal("storage", capacity["bindingLimit"]!.GetValue<string>());
        Assert.Equal(6 * 2000 * 0.5 * 1024 / (40d * 3600 * 3), capacity["retentionHoursAtIngress"]!.GetValue<double>(), 9);
    }

    [Theory]
    [InlineData("""{"brokers": 6, "volumeGiBPerBroker": 100}""", "instanceType")]
    [InlineData("""{"instanceType": "kafka.m5.large", "brokers": 5, "volumeGiBPerBroker": 100}""", "brokers")]
    [InlineData("""{"instanceType": "kafka.m5.large", "brokers": 6}""", "volumeGiBPerBroker")]
    [InlineData("""{"instanceType": "kafka.m5.large", "brokers": 6, "volumeGiBPerBroker": 100, "fanOut": -1}""", "fanOut")]
    [InlineData("""{"instanceType": "kafka.m5.large", "brokers": 6, "volumeGiBPerBroker": 100, "bogus": 1}""", "bogus")]
    public async Task A_cluster_that_cannot_be_read_is_a_400_naming_the_field(string body, string field)
    {
        using var response = await _client.PostAsync("/api/v1/capacity", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]![field]);
    }
}
