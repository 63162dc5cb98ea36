using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace MskPlanner.Web.Tests.Import;

/// <summary>
/// Importing a cluster the app cannot reach from its tools' output. The fixtures are written from Kafka's own
/// printing code: TopicCommand's describe lines (with topic ids and KIP-966's Elr fields, and Kafka 2.x's "Key:value"),
/// LogDirsCommand's JSON with a broker of two log directories, a future replica and an offline directory, and the AWS
/// CLI's get-metric-data JSON (newest first) per topic and broker, with gaps, PartialData and a further page.
/// </summary>
public sealed class FileImportTests(PlannerAppFactory factory) : IClassFixture<PlannerAppFactory>
{
    private const double BytesPerReplica = 50_000_000_000;

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Topics_and_log_dirs_give_partitions_replication_retention_and_data_in_estimated_from_the_disks()
    {
        var answer = await ImportAsync(("kafkaTopics", Fixture("kafka-topics-describe.txt")), ("kafkaLogDirs", Fixture("kafka-log-dirs-describe.txt")));

        var request = answer["request"]!;
        Assert.Equal(3 + 2 + 1 + 4, request["leaderPartitions"]!.GetValue<int>());
        Assert.Equal(3, request["replicationFactor"]!.GetValue<int>());
        Assert.Equal(24, request["retentionHours"]!.GetValue<double>());
        // orders keeps a day: three partitions of 50 GB on one replica, written over 86,400 s. Compacted users and
        // archive, kept for ever, say nothing of their traffic.
        Assert.Equal(3 * BytesPerReplica / 86_400 / (1024 * 1024), request["avgDataInMiBps"]!.GetValue<double>(), 0.001);
        var warnings = answer["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.Contains(warnings, w => w.Contains("archive keep data for ever", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("users are compacted", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("broker 3, /var/kafka/data: org.apache.kafka.common.errors.KafkaStorageException", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("set no retention.ms", StringComparison.Ordinal));
        Assert.Contains(answer["figures"]!.AsArray(), f => f!["path"]!.GetValue<string>() == "avgDataInMiBps" && f["statistic"]!.GetValue<string>().Contains("estimate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CloudWatch_rates_per_topic_become_streams_with_partitions_and_retention_from_the_topics_file()
    {
        var answer = await ImportAsync(("cloudWatch", Fixture("cloudwatch-get-metric-data.json")), ("kafkaTopics", Fixture("kafka-topics-describe.txt")));

        var streams = answer["request"]!["streams"]!.AsArray();
        Assert.Equal(["clicks", "orders"], streams.Select(s => s!["name"]!.GetValue<string>()).Order());
        // orders: 100 msg/s of 1,000 bytes on each of three brokers, read three times over.
        var orders = streams.Single(s => s!["name"]!.GetValue<string>() == "orders")!;
        Assert.Equal(300, orders["messagesPerSecond"]!.GetValue<double>(), 0.001);
        Assert.Equal(300, orders["peakMessagesPerSecond"]!.GetValue<double>(), 0.001);
        Assert.Equal(1000, orders["messageBytes"]!.GetValue<double>());
        Assert.Equal(3, orders["consumerGroups"]!.GetValue<int>());
        Assert.Equal(3, orders["partitions"]!.GetValue<int>());
        Assert.Equal(24, orders["retentionHours"]!.GetValue<double>());
        // clicks: a day of 2,000 msg/s in a wave of ±50 %, with three of one broker's points missing; not in the topics file.
        var clicks = streams.Single(s => s!["name"]!.GetValue<string>() == "clicks")!;
        Assert.True(Math.Abs(clicks["messagesPerSecond"]!.GetValue<double>() - 2000) <= 20, clicks.ToJsonString());
        Assert.True(Math.Abs(clicks["peakMessagesPerSecond"]!.GetValue<double>() - (2000 * (1 + 0.5 * Math.Cos(0.01 * Math.PI)))) <= 30, clicks.ToJsonString());
        Assert.Equal(200, clicks["messageBytes"]!.GetValue<double>());
        Assert.Null(clicks["partitions"]);
        Assert.Equal(3, answer["request"]!["replicationFactor"]!.GetValue<int>());

        var warnings = answer["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.Contains(warnings, w => w.Contains("NextToken", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("PartialData) for bytesout_orders_2", StringComparison.Ordinal));
        // A broker's CPU is for checking a plan, not a stream; a metric the app does not read is named.
        Assert.DoesNotContain(warnings, w => w.Contains("cpu_1", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("requestbytes_1", StringComparison.Ordinal));
        // Three times missing from one broker, in each of clicks' three metrics.
        Assert.Contains(warnings, w => w.Contains("9 point(s) where some broker had no value", StringComparison.Ordinal));
        var peak = answer["figures"]!.AsArray().Single(f => f!["path"]!.GetValue<string>() == $"streams[{streams.IndexOf(clicks)}].peakMessagesPerSecond")!;
        Assert.Contains("cloudWatch: MessagesInPerSec", peak["source"]!.GetValue<string>());
        Assert.Contains("2026-11-30 00:05 to 2026-12-01 00:00 UTC", peak["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_files_request_sizes_as_it_is()
    {
        var answer = await ImportAsync(("kafkaTopics", Fixture("kafka-topics-describe.txt")), ("kafkaLogDirs", Fixture("kafka-log-dirs-describe.txt")));

        using var sized = await _client.PostAsync("/api/v1/sizing", new StringContent(answer["request"]!.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, sized.StatusCode);
    }

    [Fact]
    public async Task Log_dirs_alone_count_partitions_and_replicas_and_ask_for_data_in()
    {
        var answer = await ImportAsync(("kafkaLogDirs", Fixture("kafka-log-dirs-describe.txt")));

        // orders-0..2, archive-0 and users-0; the future copy of orders-1 and Kafka's own topic do not count.
        Assert.Equal(5, answer["request"]!["leaderPartitions"]!.GetValue<int>());
        Assert.Equal(2, answer["request"]!["replicationFactor"]!.GetValue<int>());
        Assert.Null(answer["request"]!["avgDataInMiBps"]);
        Assert.Contains(answer["warnings"]!.AsArray(), w => w!.GetValue<string>().Contains("give avgDataInMiBps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kafka_2x_describe_output_without_spaces_or_topic_ids_is_read()
    {
        var answer = await ImportAsync(("kafkaTopics", Fixture("kafka-topics-describe-2x.txt")));

        Assert.Equal(5, answer["request"]!["leaderPartitions"]!.GetValue<int>());
        Assert.Equal(1, answer["request"]!["retentionHours"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("kafkaTopics", "Topic: orders\tPartitionCount: many\tReplicationFactor: 3\tConfigs: ", "line 1")]
    [InlineData("kafkaTopics", "Topic: a\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: \nthis is not describe output", "line 2")]
    [InlineData("kafkaTopics", "\tTopic: orders\tPartition: 0\tLeader: 1", "line 1")]
    [InlineData("kafkaTopics", "Topic: a\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: \nTopic: a\tPartitionCount: 2\tReplicationFactor: 1\tConfigs: ", "line 2")]
    [InlineData("kafkaTopics", "Topic: a\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: retention.ms=soon", "line 1")]
    [InlineData("kafkaLogDirs", "Querying brokers\n{\"brokers\":[{\"broker\":1,\"logDirs\":[{\"partitions\":[{\"partition\":\"orders\",\"size\":1}]}]}]}", "$.brokers[0].logDirs[0].partitions[0].partition")]
    [InlineData("kafkaLogDirs", "{\"brokers\":[{\"broker\":1,\"logDirs\":[{\"partitions\":[{\"partition\":\"orders-0\",\"size\":-5}]}]}]}", "$.brokers[0].logDirs[0].partitions[0].size")]
    [InlineData("kafkaLogDirs", "{\"version\":1}", "$.brokers")]
    [InlineData("kafkaLogDirs", "{\"brokers\":[{\"broker\":1,\"logDirs\":[", "not valid JSON")]
    [InlineData("kafkaLogDirs", "Querying brokers for log directories information", "holds no JSON")]
    [InlineData("cloudWatch", "{\"MetricDataResults\":[{\"Label\":\"BytesInPerSec orders\",\"Timestamps\":[\"2026-12-01T00:00:00+00:00\"],\"Values\":[]}]}", "$.MetricDataResults[0]")]
    [InlineData("cloudWatch", "{\"MetricDataResults\":[{\"Label\":\"BytesInPerSec orders\",\"Timestamps\":[\"yesterday\"],\"Values\":[1]}]}", "$.MetricDataResults[0].Timestamps[0]")]
    [InlineData("cloudWatch", "{\"MetricDataResults\":[{\"Label\":\"BytesInPerSec orders\",\"Timestamps\":[\"2026-12-01T00:00:00+00:00\"],\"Values\":[-1]}]}", "$.MetricDataResults[0].Values[0]")]
    [InlineData("cloudWatch", "{\"Datapoints\":[]}", "$.MetricDataResults")]
    public async Task A_file_that_cannot_be_read_is_refused_naming_its_line_or_json_path(string part, string text, string where)
    {
        using var response = await PostAsync((part, text));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains(where, JsonNode.Parse(body)!["errors"]![part]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Truncated_and_mangled_files_are_answered_with_a_result_or_a_400_never_a_server_error()
    {
        var random = new Random(26);
        var files = new[] { ("kafkaTopics", Fixture("kafka-topics-describe.txt")), ("kafkaLogDirs", Fixture("kafka-log-dirs-describe.txt")), ("cloudWatch", Fixture("cloudwatch-get-metric-data.json")) };
        foreach (var (part, text) in files)
        {
            for (var i = 0; i < 100; i++)
            {
                var chars = text[..random.Next(text.Length + 1)].ToCharArray();
                for (var flips = random.Next(4); flips > 0 && chars.Length > 0; flips--)
                {
                    const string Tricky = "\t\n:,={}[]\"-0x\u0000é";
                    chars[random.Next(chars.Length)] = Tricky[random.Next(Tricky.Length)];
                }

                using var response = await PostAsync((part, new string(chars)));
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{part} #{i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    [Fact]
    public async Task An_upload_over_20_MiB_is_refused_as_too_large()
    {
        using var response = await PostAsync(("kafkaTopics", new string('x', 21 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_parts_and_an_empty_form_are_refused()
    {
        using var unknown = await PostAsync(("cloudwatch", "{}"));
        using var empty = await PostAsync();

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Unknown parts: cloudwatch", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Text_that_is_neither_a_form_nor_json_is_refused_as_every_api_write_is()
    {
        using var response = await _client.PostAsync("/api/v1/import/files", new StringContent("Topic: a", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private async Task<JsonNode> ImportAsync(params (string Part, string Text)[] parts)
    {
        using var response = await PostAsync(parts);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Each part as a file upload, as curl -F part=@file sends it.</summary>
    private Task<HttpResponseMessage> PostAsync(params (string Part, string Text)[] parts)
    {
        var form = new MultipartFormDataContent();
        foreach (var (part, text) in parts)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, part, part + ".txt");
        }

        return _client.PostAsync("/api/v1/import/files", form);
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", name));
}
