using System.Net;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

using MskPlanner.Web.Access;

namespace MskPlanner.Web.Tests.Api;

public sealed class SignInSettingsTests(PlannerAppFactory app) : IClassFixture<PlannerAppFactory>
{
    [Theory]
    [InlineData("http://idp.example.com", "http is accepted only on a loopback address")]
    [InlineData("idp.example.com/oauth", "absolute https address")]
    [InlineData("ftp://idp.example.com", "absolute https address")]
    public void A_provider_address_that_is_not_https_outside_loopback_is_refused(string authority, string message)
    {
        var result = new AuthOptionsValidator().Validate(null, Oidc(authority, "planner"));

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Oidc_mode_needs_a_client_id_and_the_openid_scope()
    {
        var options = Oidc("https://idp.example.com", " ");
        options.Oidc.Scopes = "profile email";

        var result = new AuthOptionsValidator().Validate(null, options);

        Assert.Contains("Auth:Oidc:ClientId is required", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("must include openid", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123")]
    [InlineData("http://127.0.0.1:8443")]
    [InlineData("http://localhost:8443/realms/team")]
    public void Https_providers_and_loopback_trials_are_accepted(string authority) =>
        Assert.True(new AuthOptionsValidator().Validate(null, Oidc(authority, "planner")).Succeeded);

    [Fact]
    public async Task The_app_does_not_start_with_a_provider_it_would_fail_every_sign_in_against()
    {
        await using var plain = new PlannerAppFactory();
        await using var factory = plain.WithWebHostBuilder(b =>
        {
            b.UseSetting("Auth:Mode", "Oidc");
            b.UseSetting("Auth:Oidc:Authority", "http://idp.example.com");
            b.UseSetting("Auth:Oidc:ClientId", "planner");
        });

        var refusal = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Auth:Oidc:Authority must use https", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/plans/3?tab=history", "/plans/3?tab=history")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    public async Task Signing_in_returns_only_to_a_page_of_this_site(string returnUrl, string location)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_page_sends_the_browser_to_the_provider_with_PKCE_and_the_public_address_as_the_way_back()
    {
        await using var factory = new OidcAppFactory { PublicBaseUrl = "https://planner.example.com/team/" };
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/plans");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("https://idp.example.com/authorize", location.GetLeftPart(UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("https://planner.example.com/team/signin-oidc", query["redirect_uri"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Equal("openid profile email", query["scope"].ToString());
    }

    [Fact]
    public async Task Another_site_cannot_sign_a_user_out_without_the_pages_antiforgery_token()
    {
        await using var factory = new OidcAppFactory();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.PostAsync("/signout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static AuthOptions Oidc(string authority, string clientId) =>
        new() { Mode = AuthMode.Oidc, Oidc = new OidcSettings { Authority = authority, ClientId = clientId } };
}
