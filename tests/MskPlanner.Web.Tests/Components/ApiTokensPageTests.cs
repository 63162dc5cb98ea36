using System.Security.Claims;

using Bunit;

using Microsoft.Extensions.DependencyInjection;

using MskPlanner.Persistence;
using MskPlanner.Web.Access;
using MskPlanner.Web.Components.Tokens;

namespace MskPlanner.Web.Tests.Components;

/// <summary>The tokens page in OIDC mode, signed in as alice.</summary>
public class ApiTokensPageTests() : PlannerTestContext(context =>
{
    context.Services.Configure<AuthOptions>(o => (o.Mode, o.Oidc.Authority, o.Oidc.ClientId) = (AuthMode.Oidc, "https://id.example.com", "mskplanner"));
    context.AddAuthorization().SetAuthorized("Alice Archer").SetClaims(new Claim("sub", "alice"), new Claim("name", "Alice Archer"));
})
{
    private const string Hostile = "<script>alert(1)</script>\"'><svg onload=alert(2)>";

    private ApiTokenStore Tokens => Services.GetRequiredService<ApiTokenStore>();

    [Fact]
    public async Task A_new_token_is_shown_once_and_listed_by_its_name_and_last_characters()
    {
        var page = Render<ApiTokensPage>();

        page.Find("#token-name").Input("Nightly export");
        await page.Find("form[aria-label='New API token']").SubmitAsync();

        var secret = page.Find("#token-secret").GetAttribute("value")!;
        var listed = Assert.Single(await Tokens.ListAsync("alice"));
        Assert.StartsWith(ApiTokenStore.Prefix, secret, StringComparison.Ordinal);
        Assert.Equal("Nightly export", listed.Name);
        Assert.Contains($"…{secret[^4..]}", page.Find($"tr[data-token='{listed.Id}']").TextContent, StringComparison.Ordinal);
        Assert.Equal(new ApiTokenOwner(listed.Id, "alice", "Alice Archer"), await Tokens.AuthenticateAsync(secret));
    }

    [Theory]
    [InlineData("   ", "Give the token a name")]
    [InlineData("two\nlines", "one line of text")]
    public async Task A_bad_name_is_refused_at_the_field_and_makes_no_token(string name, string message)
    {
        var page = Render<ApiTokensPage>();

        page.Find("#token-name").Input(name);
        await page.Find("form[aria-label='New API token']").SubmitAsync();

        Assert.Contains(message, page.Find(".mud-input-helper-text.mud-input-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(await Tokens.ListAsync("alice"));
        Assert.Empty(page.FindAll("#token-secret"));
    }

    [Fact]
    public async Task A_hostile_name_is_text_on_the_page()
    {
        await Tokens.CreateAsync("alice", "Alice", Hostile, TimeSpan.FromDays(30));

        var page = Render<ApiTokensPage>();

        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll("svg[onload]"));
        Assert.Contains(Hostile, page.Find("[data-testid=api-tokens]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_tokens_are_not_listed()
    {
        await Tokens.CreateAsync("bob", "Bob", "bob's script", TimeSpan.FromDays(30));

        var page = Render<ApiTokensPage>();

        Assert.Empty(page.FindAll("tr[data-token]"));
        Assert.Contains("You have no API tokens yet.", page.Markup, StringComparison.Ordinal);
    }
}
