using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace MskPlanner.Web.Tests.Api;

/// <summary>What every endpoint answers, declared by its signature and handled once for all.</summary>
public class EndpointContractTests(PlannerAppFactory factory) : IClassFixture<PlannerAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/api/v1/sizing", "post", new[] { "200", "400", "429" })]
    [InlineData("/api/v1/shared/{token}", "get", new[] { "200", "404", "429" })]
    [InlineData("/api/v1/plans/{id}", "get", new[] { "200", "404" })]
    [InlineData("/api/v1/plans/{id}", "put", new[] { "200", "400", "404" })]
    [InlineData("/api/v1/plans/{id}", "delete", new[] { "204", "404" })]
    [InlineData("/api/v1/plans/{id}/share", "post", new[] { "201", "404" })]
    [InlineData("/api/v1/compare", "post", new[] { "200", "400" })]
    [InlineData("/api/v1/plans/{id}/summary.pdf", "get", new[] { "200", "400", "404" })]
    public async Task The_openapi_document_lists_the_answers_each_handler_can_give(string path, string method, string[] statuses)
    {
        var document = await _client.GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        var responses = document!["paths"]![path]![method]!["responses"]!.AsObject().Select(r => r.Key);

        Assert.Superset(statuses.ToHashSet(), responses.ToHashSet());
    }

    [Theory]
    [InlineData("/api/v1/compare")]
    [InlineData("/api/v1/compare/summary.pdf")]
    public async Task An_empty_comparison_body_gets_the_same_problem_from_the_api_and_the_pdf(string path)
    {
        using var content = new StringContent("", Encoding.UTF8, "application/json");

        var response = await _client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("The body is not valid JSON.", problem!["errors"]!["body"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/v1/sizing/summary.pdf?avgDataInMiBps=10&partitions=100&paper=tabloid")]
    [InlineData("/api/v1/compare/summary.pdf?items=1,2&paper=tabloid")]
    public async Task An_unknown_paper_is_refused_before_anything_is_rendered(string address)
    {
        var response = await _client.GetAsync(address);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("paper must be a4 or letter.", problem!["errors"]!["paper"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_comparison_address_with_a_plan_that_is_not_a_number_says_so_in_the_pdf_as_on_the_page()
    {
        var response = await _client.GetAsync("/api/v1/compare/summary.pdf?plan=abc&variants=zones");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.StartsWith("Name the plan and revision by number", problem!["errors"]!["plan"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
