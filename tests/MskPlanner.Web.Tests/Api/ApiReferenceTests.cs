using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MskPlanner.Web.Tests.Api;

public partial class ApiReferenceTests(PlannerAppFactory factory) : IClassFixture<PlannerAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_reference_page_runs_only_scripts_carrying_the_nonce_its_own_policy_allows()
    {
        using var response = await _client.GetAsync("/api-reference/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scripts = ScriptSources(response);
        var nonce = Assert.Single(scripts, s => s.StartsWith("'nonce-", StringComparison.Ordinal))["'nonce-".Length..^1];
        Assert.Equal(["'self'", $"'nonce-{nonce}'"], scripts);
        // A script with a source is the app's own ('self'); one without runs only with this response's nonce.
        var tags = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.Contains(tags, tag => !tag.Contains("src=", StringComparison.Ordinal));
        Assert.All(tags, tag => Assert.Matches($"src=\"(?!//)[^\":]+\"|nonce=\"{Regex.Escape(nonce)}\"", tag));
    }

    [Fact]
    public async Task Each_response_of_the_reference_page_has_a_nonce_of_its_own()
    {
        using var first = await _client.GetAsync("/api-reference/");
        using var second = await _client.GetAsync("/api-reference/");

        Assert.NotEqual(ScriptSources(first), ScriptSources(second));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/plans")]
    [InlineData("/openapi/v1.json")]
    public async Task Other_responses_allow_only_scripts_from_the_app_itself(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(["'self'"], ScriptSources(response));
    }

    [Fact]
    public async Task The_reference_reads_the_apps_own_openapi_document_under_the_apps_name()
    {
        var html = await _client.GetStringAsync("/api-reference/");
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;

        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.Equal("MskPlanner API", document["info"]!["title"]!.GetValue<string>());
    }

    private static string[] ScriptSources(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.TrimEntries)
            .Single(d => d.StartsWith("script-src ", StringComparison.Ordinal))
            .Split(' ')[1..];

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
