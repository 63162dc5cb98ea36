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

    /// <summary>A valid value for each input that is not its default: the middle of a range, the other choice.</summary>
    private static readonly Dictionary<string, JsonNode> Values = InputCatalog.All.ToDictionary(i => i.Key, i => i switch
    {
        NumberInput n => JsonValue.Create(Math.Round(n.Min + ((Math.Min(n.Max, 1_000) - n.Min) / 3), 3)),
        WholeNumberInput w => JsonValue.Create(w.Min + ((Math.Min(w.Max, 10_000) - w.Min) / 3)),
        ChoiceInput c => JsonValue.Create(c.Options.First(o => o.Value != c.Default).Value),
        SwitchInput s => JsonValue.Create(!s.Default),
        RegionInput => (JsonNode)JsonValue.Create("eu-west-1"),
        OptionInput o => JsonValue.Create(o.Options.First(v => v.Value != o.Default).Value),
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
        var request = InputCatalog.All.Aggregate(new SizingRequest(), (r, i) => i.Read(r, Text(Values[i.Key])));
        var address = PlannerForm.FromRequest(request).ToQuery().Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);

        var reopened = PlannerForm.FromQuery(address).Request;

        Assert.Equal(InputCatalog.All.Count, address.Count);
        Assert.Equal(request, reopened);
        Assert.All(InputCatalog.All, i => Assert.Equal(Text(Values[i.Key]), i.Text(reopened)));
    }

    [Fact]
    public async Task Every_input_reaches_the_sizing_through_the_api()
    {
        var body = new JsonObject(Values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value.DeepClone())));

        var response = await _client.PostAsJsonAsync("/api/v1/sizing", body);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.True(response.IsSuccessStatusCode, json?.ToJsonString());
        var used = json!["input"]!.AsObject();
        Assert.All(InputCatalog.All, i => Assert.Equal(Text(Values[i.Key]), Text(used[i.Key]!)));
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
