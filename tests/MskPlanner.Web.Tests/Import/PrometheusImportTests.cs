using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MskPlanner.Web.Tests.Import;

/// <summary>Importing a running cluster's week from a real Prometheus, in each exporter's naming, and sizing what it gives.</summary>
public sealed class PrometheusImportTests(MeasuredCluster cluster, PlannerAppFactory factory) : IClassFixture<MeasuredCluster>, IClassFixture<PlannerAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_jmx_exporters_week_becomes_a_stream_per_topic_with_the_rates_it_was_written_with()
    {
        var answer = await ImportAsync(new { url = cluster.Server.Address.ToString() });

        Assert.Equal("jmx", answer["summary"]!["naming"]!.GetValue<string>());
        var streams = answer["request"]!["streams"]!.AsArray();
        Assert.Equal(["clicks", "orders", "audit", "fresh"], streams.Select(s => s!["name"]!.GetValue<string>()));

        var orders = Stream(streams, "orders");
        Within1Percent(300, orders["messagesPerSecond"]);
        Within1Percent(300, orders["peakMessagesPerSecond"]);
        Within1Percent(1000, orders["messageBytes"]);
        Assert.Equal(3, orders["consumerGroups"]!.GetValue<int>());
        Assert.Equal(12, orders["partitions"]!.GetValue<int>());
        Assert.Equal("none", orders["compression"]!.GetValue<string>());

        // 2000 msg/s in daily waves of ±50 %: the mean of whole days is 2000, and 1 % of a sine's values lie above
        // cos(0.01π) of its amplitude.
        var clicks = Stream(streams, "clicks");
        Within1Percent(2000, clicks["messagesPerSecond"]);
        Within1Percent(2000 * (1 + 0.5 * Math.Cos(0.01 * Math.PI)), clicks["peakMessagesPerSecond"]);
        Within1Percent(200, clicks["messageBytes"]);
        Assert.Equal(1, clicks["consumerGroups"]!.GetValue<int>());
        Assert.Equal(6, clicks["partitions"]!.GetValue<int>());

        // 10 msg/s with an hour a day at 100: the mean is (23 × 10 + 100) / 24; an hour is 4 % of the day, so the p99 is the burst.
        var audit = Stream(streams, "audit");
        Within1Percent((23 * 10 + 100) / 24.0, audit["messagesPerSecond"]);
        Within1Percent(100, audit["peakMessagesPerSecond"]);
        Within1Percent(5000, audit["messageBytes"]);
        Assert.Equal(2, audit["consumerGroups"]!.GetValue<int>());
        Assert.Equal(3, audit["partitions"]!.GetValue<int>());

        Assert.Equal(3, answer["request"]!["replicationFactor"]!.GetValue<int>());
        Assert.Contains(answer["warnings"]!.AsArray(), w => w!.GetValue<string>().Contains("replication factors differ (2, 3)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_topic_created_within_the_window_has_the_mean_of_the_days_it_ran()
    {
        var answer = await ImportAsync(new { url = cluster.Server.Address.ToString() });

        // 50 msg/s for the last 2 of the 7 days: its mean is 50, not 50 × 2 / 7.
        var fresh = Stream(answer["request"]!["streams"]!.AsArray(), "fresh");
        Within1Percent(50, fresh["messagesPerSecond"]);
        Within1Percent(100, fresh["messageBytes"]);
        Assert.Equal(2, fresh["partitions"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_max_is_the_peak_when_the_user_picks_it()
    {
        var answer = await ImportAsync(new { url = cluster.Server.Address.ToString(), naming = "jmx", peak = "max" });

        var streams = answer["request"]!["streams"]!.AsArray();
        Within1Percent(3000, Stream(streams, "clicks")["peakMessagesPerSecond"]);
        Within1Percent(100, Stream(streams, "audit")["peakMessagesPerSecond"]);
    }

    [Fact]
    public async Task Every_imported_value_names_its_statistic_and_the_query_and_window_it_came_from()
    {
        var answer = await ImportAsync(new { url = cluster.Server.Address.ToString(), days = 2 });

        var request = answer["request"]!;
        var figures = answer["figures"]!.AsArray();
        var peak = figures.Single(f => f!["path"]!.GetValue<string>() == "streams[0].peakMessagesPerSecond")!;
        Assert.Equal("p99 of 300 s rates", peak["statistic"]!.GetValue<string>());
        Assert.Contains("quantile_over_time(0.99, (sum by (topic) (rate(kafka_server_brokertopicmetrics_messagesin_total", peak["source"]!.GetValue<string>());
        Assert.Contains("[172800s:300s]", peak["source"]!.GetValue<string>());
        Assert.Contains("2 days to", peak["source"]!.GetValue<string>());
        Assert.Equal(request["streams"]![0]!["peakMessagesPerSecond"]!.GetValue<double>(), peak["value"]!.GetValue<double>());
        foreach (var figure in figures)
        {
            var path = figure!["path"]!.GetValue<string>();
            var value = path.Split('.') is [var stream, var field]
                ? request["streams"]![int.Parse(stream[8..^1], System.Globalization.CultureInfo.InvariantCulture)]![field]
                : request[path];
            Assert.Equal(value!.GetValue<double>(), figure["value"]!.GetValue<double>());
        }
    }

    [Fact]
    public async Task Kafkas_own_topics_and_the_all_topics_counter_are_left_out()
    {
        var answer = await ImportAsync(new { url = cluster.Server.Address.ToString() });

        var names = answer["request"]!["streams"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain("__consumer_offsets", names);
        Assert.DoesNotContain("", names);
        Assert.Equal(4, answer["summary"]!["topics"]!.GetValue<int>());
    }

    [Fact]
    public async Task Msk_open_monitoring_names_are_read_when_chosen()
    {
        var answer = await ImportAsync(new { url = cluster.Server.Address.ToString(), naming = "msk" });

        var payments = Assert.Single(answer["request"]!["streams"]!.AsArray())!;
        Assert.Equal("payments", payments["name"]!.GetValue<string>());
        Within1Percent(50, payments["messagesPerSecond"]);
        Within1Percent(800, payments["messageBytes"]);
        Assert.Equal(2, payments["consumerGroups"]!.GetValue<int>());
        Assert.Equal(4, payments["partitions"]!.GetValue<int>());
        Assert.Equal(3, answer["request"]!["replicationFactor"]!.GetValue<int>());
    }

    [Fact]
    public async Task Kafka_exporter_gives_messages_from_offsets_and_asks_for_the_message_size()
    {
        var answer = await ImportAsync(new { url = cluster.Server.Address.ToString(), naming = "kafka-exporter" });

        var logs = Assert.Single(answer["request"]!["streams"]!.AsArray())!;
        Within1Percent(120, logs["messagesPerSecond"]);
        Assert.Equal(10, logs["partitions"]!.GetValue<int>());
        Assert.Null(logs["messageBytes"]);
        Assert.Equal(2, answer["request"]!["replicationFactor"]!.GetValue<int>());
        Assert.Contains(answer["warnings"]!.AsArray(), w => w!.GetValue<string>().Contains("average message size", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Topics_are_named_by_the_text_before_the_group_delimiter()
    {
        var answer = await ImportAsync(new { url = cluster.Server.Address.ToString(), groupBy = "r" });

        // Each name up to its first "r": orders is "o" and fresh "f"; clicks and audit have none and stay whole.
        var names = answer["request"]!["streams"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).Order();
        Assert.Equal(["audit", "clicks", "f", "o"], names);
    }

    [Fact]
    public async Task The_imported_request_sizes_as_the_same_figures_typed_by_hand()
    {
        var answer = await ImportAsync(new { url = cluster.Server.Address.ToString() });
        var byHand = new
        {
            replicationFactor = 3,
            streams = new object[]
            {
                new { name = "clicks", messagesPerSecond = 2000, peakMessagesPerSecond = 2000 * (1 + 0.5 * Math.Cos(0.01 * Math.PI)), messageBytes = 200, compression = "none", consumerGroups = 1, partitions = 6 },
                new { name = "orders", messagesPerSecond = 300, peakMessagesPerSecond = 300, messageBytes = 1000, compression = "none", consumerGroups = 3, partitions = 12 },
                new { name = "audit", messagesPerSecond = (23 * 10 + 100) / 24.0, peakMessagesPerSecond = 100, messageBytes = 5000, compression = "none", consumerGroups = 2, partitions = 3 },
                new { name = "fresh", messagesPerSecond = 50.0, peakMessagesPerSecond = 50.0, messageBytes = 100, compression = "none", consumerGroups = 1, partitions = 2 },
            },
        };

        var imported = await SizeAsync(answer["request"]!.ToJsonString());
        var typed = await SizeAsync(System.Text.Json.JsonSerializer.Serialize(byHand));

        foreach (var (family, recommendation) in typed["recommended"]!.AsObject())
        {
            Assert.Equal(recommendation!["instanceType"]?.ToJsonString(), imported["recommended"]![family]!["instanceType"]?.ToJsonString());
            Assert.Equal(recommendation["brokers"]?.ToJsonString(), imported["recommended"]![family]!["brokers"]?.ToJsonString());
        }
    }

    private async Task<JsonNode> ImportAsync(object body)
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/import/prometheus", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    private async Task<JsonNode> SizeAsync(string body)
    {
        using var response = await _client.PostAsync("/api/v1/sizing", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    private static JsonNode Stream(JsonArray streams, string name) => streams.Single(s => s!["name"]!.GetValue<string>() == name)!;

    private static void Within1Percent(double expected, JsonNode? actual)
    {
        Assert.NotNull(actual);
        var value = actual.GetValue<double>();
        Assert.True(Math.Abs(value - expected) <= 0.01 * expected, $"{value} is not within 1 % of {expected}.");
    }
}
