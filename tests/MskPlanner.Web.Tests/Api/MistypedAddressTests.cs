using System.Net;

namespace MskPlanner.Web.Tests.Api;

/// <summary>A mistyped address: a page gets the app's not-found page, the API a problem.</summary>
public class MistypedAddressTests(PlannerAppFactory factory) : IClassFixture<PlannerAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/nope")]
    [InlineData("/plan/1")]
    [InlineData("/plans/not-a-number")]
    public async Task A_mistyped_page_address_gets_the_not_found_page_with_a_404(string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"not-found\"", page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/nope", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/plans?page=abc", HttpStatusCode.BadRequest)]
    public async Task A_mistyped_api_address_keeps_answering_problem_json(string address, HttpStatusCode status)
    {
        using var response = await _client.GetAsync(address);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
