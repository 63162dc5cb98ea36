using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;

using MskPlanner.Persistence;
using MskPlanner.Sizing;

namespace MskPlanner.Web.Tests.Api;

/// <summary>The requests the hostile-input probe found answered wrongly, each answered with a clear problem now.</summary>
public class HostileRequestTests(PlannerAppFactory factory) : IClassFixture<PlannerAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("""{"avgDataInMiBps":1e-305,"avgDataOutMiBps":100000,"partitions":1}""", "avgDataInMiBps")]
    [InlineData("""{"avgDataInMiBps":100,"partitions":3000,"avgDataOutMiBps":"5e-324"}""", "avgDataOutMiBps")]
    public async Task Rates_too_small_to_keep_the_figures_finite_get_a_400_and_save_nothing(string inputs, string field)
    {
        var before = await CountPlansAsync();

        using var sizing = await PostJsonAsync("/api/v1/sizing", inputs);
        using var plan = await PostJsonAsync("/api/v1/plans", $$"""{"name":"tiny","inputs":{{inputs}}}""");

        await AssertProblemAsync(sizing, HttpStatusCode.BadRequest, field);
        await AssertProblemAsync(plan, HttpStatusCode.BadRequest, "inputs." + field);
        Assert.Equal(before, await CountPlansAsync());
    }

    [Fact]
    public async Task A_plan_saved_before_its_inputs_became_invalid_still_opens_shares_and_explains_why_it_cannot_be_summarised()
    {
        var store = factory.Services.GetRequiredService<PlanStore>();
        var inputs = new SizingRequest { AvgDataInMiBps = 1e-305, AvgDataOutMiBps = 100_000, Partitions = 1 };
        var saved = await store.CreateAsync(Caller.LocalUser, null, "Saved long ago", null, new RevisionDraft(inputs, "us-east-1", null, null, new PriceStamp("bundled snapshot", "us-east-1", new DateOnly(2026, 1, 1), null)));
        var token = (await store.CreateShareAsync(Caller.LocalUser, saved!.Plan.Id, null))!.Token;

        using var plan = await _client.GetAsync($"/api/v1/plans/{saved.Plan.Id}");
        using var shared = await _client.GetAsync($"/api/v1/shared/{token}");
        using var pdf = await _client.GetAsync($"/api/v1/plans/{saved.Plan.Id}/summary.pdf");

        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.Null(JsonNode.Parse(await plan.Content.ReadAsStringAsync())!["sizing"]);
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        await AssertProblemAsync(pdf, HttpStatusCode.BadRequest, "inputs");
    }

    /// <summary>The in-memory test server always knows the length; the probe sends chunked bodies over a real socket.</summary>
    [Fact]
    public async Task A_body_larger_than_the_limit_gets_a_413_problem()
    {
        var large = "{\"avgDataInMiBps\":10,\"partitions\":10,\"region\":\"" + new string('a', 200_000) + "\"}";

        using var response = await PostJsonAsync("/api/v1/sizing", large);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Writes_without_a_json_content_type_get_a_415_and_change_nothing()
    {
        var id = await CreatePlanAsync("Cross-site target");
        await _client.DeleteAsync($"/api/v1/plans/{id}");
        var before = await CountPlansAsync();
        var plan = """{"name":"planted","inputs":{"avgDataInMiBps":5,"partitions":50}}""";

        var responses = new List<HttpResponseMessage>
        {
            await _client.PostAsync("/api/v1/plans", new ByteArrayContent(Encoding.UTF8.GetBytes(plan))),
            await _client.PostAsync("/api/v1/plans", new StringContent(plan, Encoding.UTF8, "text/plain")),
            await _client.PostAsync("/api/v1/plans", new FormUrlEncodedContent([new("name", "planted")])),
            await _client.PostAsync($"/api/v1/plans/{id}/restore", new StringContent("", Encoding.UTF8, "text/plain")),
            await _client.PostAsync($"/api/v1/plans/{id}/restore", null),
            await _client.PostAsync($"/api/v1/plans/{id}/share", null),
            await _client.PutAsync($"/api/v1/plans/{id}", new StringContent("""{"name":"renamed"}""", Encoding.UTF8, "text/plain")),
        };

        foreach (var response in responses)
        {
            await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        }

        Assert.Equal(before, await CountPlansAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/plans/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_refusal_to_a_client_that_accepts_no_json_is_plain_text_not_a_server_error()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans") { Content = new StringContent("{}", Encoding.UTF8, "text/plain") };
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("must be JSON", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_given_twice_is_refused_rather_than_the_last_one_winning()
    {
        using var exact = await PostJsonAsync("/api/v1/sizing", """{"avgDataInMiBps":10,"partitions":10,"partitions":20}""");
        using var otherCase = await PostJsonAsync("/api/v1/sizing", """{"avgDataInMiBps":10,"partitions":10,"Partitions":20}""");
        using var nested = await PostJsonAsync("/api/v1/plans", """{"name":"x","inputs":{"avgDataInMiBps":10,"avgDataInMiBps":11,"partitions":10}}""");

        await AssertProblemAsync(exact, HttpStatusCode.BadRequest, "partitions");
        await AssertProblemAsync(otherCase, HttpStatusCode.BadRequest, "Partitions");
        await AssertProblemAsync(nested, HttpStatusCode.BadRequest, "inputs.avgDataInMiBps");
    }

    [Fact]
    public async Task A_page_far_past_the_end_is_empty_rather_than_wrapping_round_to_the_first()
    {
        await CreatePlanAsync("Paged");

        var page = await _client.GetFromJsonAsync<JsonObject>("/api/v1/plans?page=107374184&pageSize=20");
        var last = await _client.GetFromJsonAsync<JsonObject>($"/api/v1/plans?page={int.MaxValue}&pageSize=100");

        Assert.Empty(page!["items"]!.AsArray());
        Assert.Equal(107374184, page["page"]!.GetValue<int>());
        Assert.Empty(last!["items"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/v1/plans?search=%00", "search")]
    [InlineData("/api/v1/plans?sort=Name,CostLowest", "sort")]
    [InlineData("/api/v1/plans?sort=2", "sort")]
    [InlineData("/api/v1/compare/summary.pdf?plan=1&variants=families,zones", "variants")]
    [InlineData("/api/v1/sizing/summary.pdf?avgDataInMiBps=10&partitions=10&paper=1", "paper")]
    public async Task Queries_that_once_matched_everything_or_combined_values_get_a_400(string path, string field) =>
        await AssertProblemAsync(await _client.GetAsync(path), HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task A_search_longer_than_a_plan_name_gets_a_400() =>
        await AssertProblemAsync(await _client.GetAsync("/api/v1/plans?search=" + new string('x', PlanEntity.NameMaxLength + 1)), HttpStatusCode.BadRequest, "search");

    [Fact]
    public async Task A_comparison_label_longer_than_a_plan_name_gets_a_400_before_any_pdf_is_drawn()
    {
        var inputs = new JsonObject { ["avgDataInMiBps"] = 10, ["partitions"] = 100 };
        var body = new JsonObject
        {
            ["items"] = new JsonArray(
                new JsonObject { ["label"] = new string('x', PlanRules.LabelMaxLength + 1), ["inputs"] = inputs.DeepClone() },
                new JsonObject { ["label"] = "b", ["inputs"] = inputs.DeepClone() }),
        };

        using var json = await PostJsonAsync("/api/v1/compare", body.ToJsonString());
        using var pdf = await PostJsonAsync("/api/v1/compare/summary.pdf", body.ToJsonString());

        await AssertProblemAsync(json, HttpStatusCode.BadRequest, "items[0].label");
        await AssertProblemAsync(pdf, HttpStatusCode.BadRequest, "items[0].label");
    }

    [Theory]
    [InlineData("name", "line\u0000break")]
    [InlineData("name", "tab\tbed")]
    [InlineData("description", "bell\u0007")]
    [InlineData("comment", "escape\u001b[31m")]
    public async Task Control_characters_in_a_plans_words_get_a_400(string field, string text)
    {
        var body = new JsonObject { ["name"] = "ok", ["inputs"] = new JsonObject { ["avgDataInMiBps"] = 5, ["partitions"] = 50 }, [field] = text };

        await AssertProblemAsync(await PostJsonAsync("/api/v1/plans", body.ToJsonString()), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Head_on_a_pdf_answers_like_get_without_the_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/api/v1/sizing/summary.pdf?avgDataInMiBps=10&partitions=100");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_shared_view_names_no_plan_id_and_no_cache_may_keep_it()
    {
        var id = await CreatePlanAsync("Pinned");
        using var share = await PostJsonAsync($"/api/v1/plans/{id}/share", """{"revision":1}""");
        var token = JsonNode.Parse(await share.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();

        using var json = await _client.GetAsync($"/api/v1/shared/{token}");
        using var page = await _client.GetAsync($"/shared/{token}");
        using var pdf = await _client.GetAsync($"/api/v1/shared/{token}/summary.pdf");

        var view = JsonNode.Parse(await json.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("Pinned", view["name"]!.GetValue<string>());
        Assert.False(view.ContainsKey("id"));
        Assert.False(view.ContainsKey("latestRevision"));
        Assert.DoesNotContain($"plans/{id}", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var response in new[] { json, page, pdf })
        {
            Assert.True(response.Headers.CacheControl?.NoStore, response.RequestMessage!.RequestUri!.ToString());
        }
    }

    private Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        _client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<int> CreatePlanAsync(string name)
    {
        using var response = await PostJsonAsync("/api/v1/plans", new JsonObject { ["name"] = name, ["inputs"] = new JsonObject { ["avgDataInMiBps"] = 5, ["partitions"] = 50 } }.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
    }

    private async Task<int> CountPlansAsync() =>
        (await _client.GetFromJsonAsync<JsonObject>("/api/v1/plans?pageSize=1"))!["total"]!.GetValue<int>();

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.True(JsonNode.Parse(text)!["errors"]?[field] is not null, text);
        }
    }
}
