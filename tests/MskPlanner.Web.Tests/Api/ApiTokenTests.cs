using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;

using MskPlanner.Persistence;

namespace MskPlanner.Web.Tests.Api;

/// <summary>OIDC mode's API, called by a script with a personal token.</summary>
public sealed class ApiTokenTests(OidcAppFactory app) : IClassFixture<OidcAppFactory>
{
    private ApiTokenStore Tokens => app.Services.GetRequiredService<ApiTokenStore>();

    [Fact]
    public async Task A_valid_token_calls_the_plans_api_as_its_owner()
    {
        var token = await Tokens.CreateAsync("alice", "Alice Archer", "CI", TimeSpan.FromDays(30));
        using var client = Client(token.Secret);

        using var created = await client.PostAsJsonAsync("/api/v1/plans", new JsonObject { ["name"] = "From CI", ["inputs"] = new JsonObject { ["avgDataInMiBps"] = 5, ["partitions"] = 50 } });
        using var list = await client.GetAsync("/api/v1/plans");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.NotNull(Assert.Single(await Tokens.ListAsync("alice"), t => t.Id == token.Token.Id).LastUsedAt);
    }

    [Fact]
    public async Task A_revoked_or_expired_token_gets_a_401_that_says_the_token_was_refused()
    {
        var revoked = await Tokens.CreateAsync("bob", "Bob", "revoked", TimeSpan.FromDays(30));
        await Tokens.RevokeAsync("bob", revoked.Token.Id);
        var expiring = await Tokens.CreateAsync("bob", "Bob", "short", TimeSpan.FromDays(1));
        app.Clock.Advance(TimeSpan.FromDays(1));

        foreach (var secret in new[] { revoked.Secret, expiring.Secret })
        {
            using var response = await Client(secret).GetAsync("/api/v1/plans");

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
            Assert.Equal("The API token was refused.", (await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Without_credentials_the_api_says_how_to_get_them_and_changes_nothing()
    {
        using var client = app.CreateClient();

        using var response = await client.DeleteAsync("/api/v1/plans/1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("Authorization: Bearer", (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_declares_the_bearer_token_on_what_needs_it_only()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        Assert.Equal("bearer", document!["components"]!["securitySchemes"]!["apiToken"]!["scheme"]!.GetValue<string>());
        Assert.NotNull(document["paths"]!["/api/v1/plans"]!["get"]!["security"]);
        Assert.Null(document["paths"]!["/api/v1/sizing"]!["post"]!["security"]);
    }

    [Fact]
    public async Task An_address_that_keeps_guessing_tokens_has_its_wrong_ones_refused_while_a_valid_token_still_works()
    {
        await using var strict = new OidcAppFactory { TokenFailuresPerMinute = 3 };
        var good = await strict.Services.GetRequiredService<ApiTokenStore>().CreateAsync("alice", "Alice", "CI", TimeSpan.FromDays(30));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var guess = await Client(strict, $"mskp_guess{i}").GetAsync("/api/v1/plans");
            statuses.Add(guess.StatusCode);
            if (guess.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(guess.Headers.RetryAfter is not null);
            }
        }

        using var stillGood = await Client(strict, good.Secret).GetAsync("/api/v1/plans");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, stillGood.StatusCode);
    }

    [Fact]
    public async Task Behind_a_named_proxy_one_clients_wrong_tokens_count_against_that_client_alone()
    {
        await using var proxied = new OidcAppFactory { TokenFailuresPerMinute = 3, ProxyAddress = "10.0.0.5" };
        var good = await proxied.Services.GetRequiredService<ApiTokenStore>().CreateAsync("bob", "Bob", "CI", TimeSpan.FromDays(30));
        for (var i = 0; i < 14; i++)
        {
            using var guess = await Forwarded(Client(proxied, $"mskp_guess{i}"), "203.0.113.5").GetAsync("/api/v1/plans");
        }

        using var guesserAgain = await Forwarded(Client(proxied, "mskp_guess-more"), "203.0.113.5").GetAsync("/api/v1/plans");
        using var othersMistake = await Forwarded(Client(proxied, "mskp_typo"), "198.51.100.7").GetAsync("/api/v1/plans");
        using var othersToken = await Forwarded(Client(proxied, good.Secret), "198.51.100.7").GetAsync("/api/v1/plans");

        Assert.Equal(HttpStatusCode.TooManyRequests, guesserAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, othersMistake.StatusCode);
        Assert.Equal(HttpStatusCode.OK, othersToken.StatusCode);
    }

    private static HttpClient Forwarded(HttpClient client, string visitor)
    {
        client.DefaultRequestHeaders.Add("X-Forwarded-For", visitor);
        return client;
    }

    private HttpClient Client(string secret) => Client(app, secret);

    private static HttpClient Client(OidcAppFactory app, string secret)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
