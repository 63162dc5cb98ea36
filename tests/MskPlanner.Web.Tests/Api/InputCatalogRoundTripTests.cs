using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using MskPlanner.Sizing;
using MskPlanner.Web.Planner;

namespace MskPlanner.Web.Tests.Api;

/// <summary>
/// Every input of the catalog, set away from its default, survives the page address and the API: an input the
/// catalog describes but one of them drops fails here, whichever input it is.
/// </summary>
public class InputCatalogRoundTripTests(PlannerAppFactory factory) : IClassFixture<PlannerAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>
    /// The inputs typed one by one; the streams replace several of them and the migration is a section of its own, so
    /// they go round on their own below, and the replicas are derived from the leader partitions (an older caller's
    /// replicas have their own test).
    /// </summary>
    private static readonly InputDefinition[] Typed = [.. InputCatalog.All.Where(i => i is not (StreamsInput or MigrationSectionInput) && i.Section != InputSection.Derived)];

    /// <summary>A valid value for each input that is not its default: the middle of a range, the other choice.</summary>
    private static readonly Dictionary<string, JsonNode> Values = Typed.ToDictionary(i => i.Key, i => i switch
    {
        NumberInput n => JsonValue.Create(Math.Round(n.Min + ((Math.Min(n.Max, 1_000) - n.Min) / 3), 3)),
        WholeNumberInput w => JsonValue.Create(w.Min + ((Math.Min(w.Max, 10_000) - w.Min) / 3)),
        ChoiceInput c => JsonValue.Create(c.Options.First(o => o.Value != c.Default).Value),
        SwitchInput s => JsonValue.Create(!s.Default),
        RegionInput => (JsonNode)JsonValue.Create("eu-west-1"),
        // Offered beside the broker type chosen here: the first, kafka.t3.small, takes no KRaft version.
        OptionInput o => JsonValue.Create(o.OptionsFor(new SizingRequest { BrokerType = InputCatalog.BrokerType.Options[0].Value }).First(v => v.Value != o.Default).Value),
        TextInput t => JsonValue.Create(t.Example),
        _ => throw new InvalidOperationException($"No test value for {i.Key}."),
    });

    [Fact]
    public void The_catalog_names_every_field_of_the_request_once()
    {
        var requestFields = typeof(SizingRequest).GetProperties().Select(p => JsonNamingPolicy(p.Name)).Order();

        Assert.Equal(requestFields, InputCatalog.All.Select(i => i.Key).Order());
    }

    [Fact]
    public void Every_input_survives_the_page_address()
    {
        var request = Typed.Aggregate(new SizingRequest(), (r, i) => i.Read(r, Text(Values[i.Key])));
        var address = PlannerForm.FromRequest(request).ToQuery().Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);

        var reopened = PlannerForm.FromQuery(address).Request;

        Assert.Equal(Typed.Length, address.Count);
        Assert.Equal(request, reopened);
        Assert.All(Typed, i => Assert.Equal(Text(Values[i.Key]), i.Text(reopened)));
    }

    [Fact]
    public void Every_input_hands_a_form_field_the_value_its_address_text_spells()
    {
        var request = Typed.Aggregate(new SizingRequest(), (r, i) => i.Read(r, Text(Values[i.Key])));

        Assert.All(Typed, i => Assert.Equal(i.Text(request), i.ValueIn(request) switch
        {
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            int whole => whole.ToString(CultureInfo.InvariantCulture),
            bool on => on ? "true" : "false",
            var other => other?.ToString(),
        }));
        Assert.All(Typed, i => Assert.Null(i.ValueIn(new SizingRequest())));
    }

    [Fact]
    public void An_old_link_with_partition_replicas_opens_with_the_leader_partitions_they_made()
    {
        var form = PlannerForm.FromQuery(new Dictionary<string, string> { ["avgDataInMiBps"] = "10", ["partitions"] = "3000", ["replicationFactor"] = "2" });

        Assert.Equal((1500, (int?)null), (form.Request.LeaderPartitions!.Value, form.Request.Partitions));
        Assert.Equal("1500", form.ToQuery()["leaderPartitions"]);
    }

    [Fact]
    public async Task An_older_caller_giving_replicas_gets_the_same_sizing_as_one_giving_leader_partitions()
    {
        using var replicas = await _client.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 10, partitions = 3000 });
        using var leaders = await _client.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 10, leaderPartitions = 1000 });
        using var both = await _client.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 10, leaderPartitions = 1000, partitions = 3000 });

        var a = (await replicas.Content.ReadFromJsonAsync<JsonObject>())!["input"]!;
        var b = (await leaders.Content.ReadFromJsonAsync<JsonObject>())!["input"]!;
        Assert.Equal((3000, 1000), (a["partitions"]!.GetValue<int>(), a["leaderPartitions"]!.GetValue<int>()));
        Assert.Equal((3000, 1000), (b["partitions"]!.GetValue<int>(), b["leaderPartitions"]!.GetValue<int>()));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, both.StatusCode);
        Assert.NotNull((await both.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["leaderPartitions"]);
    }

    [Fact]
    public async Task Every_input_reaches_the_sizing_through_the_api()
    {
        var body = new JsonObject(Values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value.DeepClone())));

        var response = await _client.PostAsJsonAsync("/api/v1/sizing", body);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.True(response.IsSuccessStatusCode, json?.ToJsonString());
        var used = json!["input"]!.AsObject();
        Assert.All(Typed, i => Assert.Equal(Text(Values[i.Key]), Text(used[i.Key]!)));
    }

    [Fact]
    public void Streams_survive_the_page_address_with_every_field()
    {
        StreamRequest[] streams =
        [
            new() { Name = "orders <eu>", MessagesPerSecond = 1500.5, PeakMessagesPerSecond = 4000, MessageBytes = 900, Compression = "lz4", CompressionRatio = 1.7,
                ConsumerGroups = 3, LaggingGroups = 1, ConsumersPerGroup = 8, RetentionHours = 72, Partitions = 24, Compacted = true },
            new() { MessagesPerSecond = 10, MessageBytes = 100 },
        ];
        var address = PlannerForm.FromRequest(new SizingRequest { Streams = streams }).ToQuery().Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);

        var reopened = PlannerForm.FromQuery(address).Request.Streams!;

        Assert.Equal(streams, reopened);
    }

    private static readonly MigrationRequest Move = new()
    {
        Source = new() { Kind = "onPremises", MonthlyCost = 12_345.5, KafkaVersion = "3.6.0", Authentication = "scram" },
        ParallelRunDays = 21,
        Replication = "replicator",
        Location = "onPremises",
        TransferUsdPerGb = 0.03,
    };

    [Fact]
    public void A_migration_section_survives_the_page_address_with_every_field()
    {
        var address = PlannerForm.FromRequest(new SizingRequest { Migration = Move }).ToQuery().Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);

        Assert.Equal(Move, PlannerForm.FromQuery(address).Request.Migration);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"source\": {\"brokers\": \"many\"}}")]
    [InlineData("{\"source\": {\"source\": {\"source\": {\"source\": {\"source\": {}}}}}}")]
    public void An_unreadable_migration_section_in_the_address_is_dropped_and_the_workload_kept(string text)
    {
        var reopened = PlannerForm.FromQuery(new Dictionary<string, string> { ["migration"] = text, ["avgDataInMiBps"] = "12", ["partitions"] = "300" }).Request;

        Assert.Null(reopened.Migration);
        Assert.Equal(12, reopened.AvgDataInMiBps);
    }

    [Fact]
    public async Task A_migration_section_reaches_the_sizing_through_the_api_and_comes_back_planned()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/sizing?family=express", new SizingRequest { AvgDataInMiBps = 50, PeakDataInMiBps = 100, LeaderPartitions = 1200, Migration = Move });
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
        Assert.Equal(21, json["input"]!["migration"]!["parallelRunDays"]!.GetValue<int>());
        var move = json["migration"]!;
        Assert.Equal("replicator", (string?)move["replication"]!["tool"]);
        Assert.Equal(8, move["steps"]!.AsArray().Count);
        var cost = move["cost"]!;
        Assert.Equal(cost["source"]!.GetValue<decimal>() + cost["target"]!.GetValue<decimal>() + cost["replication"]!.GetValue<decimal>() + cost["transfer"]!.GetValue<decimal>(),
            cost["total"]!.GetValue<decimal>());
        Assert.True(move["copiedGiB"]!.GetValue<double>() > 0);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[{\"messagesPerSecond\": \"many\"}]")]
    [InlineData("[[[[[[[[[[]]]]]]]]]]")]
    [InlineData("[{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}]")]
    public void Unreadable_streams_in_the_address_are_dropped_and_the_aggregates_beside_them_kept(string text)
    {
        var reopened = PlannerForm.FromQuery(new Dictionary<string, string> { ["streams"] = text, ["avgDataInMiBps"] = "12", ["partitions"] = "300" }).Request;

        Assert.Null(reopened.Streams);
        Assert.Equal(12, reopened.AvgDataInMiBps);
    }

    [Fact]
    public async Task Streams_in_the_api_body_set_the_aggregates_the_answer_returns_in_input()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/sizing", new
        {
            streams = new object[]
            {
                new { name = "orders", messagesPerSecond = 1000, messageBytes = 1024, consumerGroups = 2, retentionHours = 168 },
                new { name = "clicks", messagesPerSecond = 2000, messageBytes = 512, compression = "gzip", compressionRatio = 2, retentionHours = 24, partitions = 6 },
            },
        });
        var input = (await response.Content.ReadFromJsonAsync<JsonObject>())!["input"]!;

        // By hand: 1,000 x 1,024 B = 0.9765625 MiB/s and 2,000 x 512 / 2 = 0.48828125 MiB/s; out 2 x 0.9765625 + 0.48828125.
        Assert.Equal(1.46484375, input["avgDataInMiBps"]!.GetValue<double>(), 9);
        Assert.Equal(2.44140625, input["avgDataOutMiBps"]!.GetValue<double>(), 9);
        Assert.Equal((1 + 6) * 3, input["partitions"]!.GetValue<int>());
        var streams = input["workload"]!["streams"]!.AsArray();
        Assert.Equal(["orders", "clicks"], streams.Select(s => s!["name"]!.GetValue<string>()));
        Assert.True(streams[0]!["partitionsSuggested"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_wrong_stream_field_is_a_400_named_by_its_stream_and_field()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/sizing", new { streams = new object[] { new { messagesPerSecond = 10, messageBytes = -5 } } });
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("streams[0].messageBytes", errors.Select(e => e.Key));
    }

    private static string Text(JsonNode value) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
        System.Text.Json.JsonValueKind.True => "true",
        System.Text.Json.JsonValueKind.False => "false",
        _ => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
    };

    private static string JsonNamingPolicy(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
