using System.Security.Claims;

using Microsoft.Extensions.Options;

using MskPlanner.Persistence;
using MskPlanner.Web.Access;

namespace MskPlanner.Web.Tests.Access;

public sealed class CallersTests
{
    private static Callers In(AuthMode mode, string? groupsClaim = "groups", bool trustUnverifiedEmail = false) =>
        new(Options.Create(new AuthOptions { Mode = mode, Oidc = new OidcSettings { GroupsClaim = groupsClaim, TrustEmailWithoutVerifiedClaim = trustUnverifiedEmail } }));

    private static ClaimsPrincipal User(params Claim[] claims) => new(new ClaimsIdentity(claims, "test", "name", "role"));

    [Fact]
    public void Local_and_open_mode_make_everyone_the_local_user_who_owns_every_workspace()
    {
        Assert.Same(Caller.LocalUser, In(AuthMode.Local).From(User()));
        Assert.True(In(AuthMode.Open).From(User(new Claim("sub", "x"))).OwnsEverything);
    }

    [Fact]
    public void A_signed_in_user_brings_their_subject_name_lower_case_email_and_groups()
    {
        var caller = In(AuthMode.Oidc).From(User(
            new Claim("sub", "alice-sub"), new Claim("name", "Alice"), new Claim("email", " Alice@Example.COM "), new Claim("email_verified", "true"),
            new Claim("groups", "payments"), new Claim("groups", "[\"sre\",\"payments\"]")));

        Assert.Equal(("alice-sub", "Alice", "alice@example.com"), (caller.Subject, caller.Name, caller.Email));
        Assert.Equal(["payments", "sre"], caller.Groups);
        Assert.False(caller.OwnsEverything);
    }

    [Fact]
    public void An_address_the_provider_calls_unverified_does_not_make_anyone_a_member()
    {
        var caller = In(AuthMode.Oidc).From(User(new Claim("sub", "mallory"), new Claim("email", "alice@example.com"), new Claim("email_verified", "false")));

        Assert.Null(caller.Email);
        Assert.Equal("mallory", caller.Name);
    }

    [Fact]
    public void An_address_without_the_providers_word_that_it_is_verified_makes_nobody_a_member_unless_the_operator_trusts_the_provider()
    {
        var user = User(new Claim("sub", "mallory"), new Claim("email", "alice@example.com"));

        Assert.Null(In(AuthMode.Oidc).From(user).Email);
        Assert.Equal("alice@example.com", In(AuthMode.Oidc, trustUnverifiedEmail: true).From(user).Email);
    }

    [Fact]
    public void An_api_tokens_owner_keeps_the_address_verified_at_sign_in()
    {
        var callers = In(AuthMode.Oidc);
        var seen = new Caller("alice-sub", "Alice", "alice@example.com", ["payments"]);

        var caller = callers.From(User([new Claim("sub", seen.Subject), new Claim("name", seen.Name), .. callers.ClaimsOf(seen)]));

        Assert.Equal("alice@example.com", caller.Email);
        Assert.Equal(["payments"], caller.Groups);
    }

    [Fact]
    public void Without_a_configured_groups_claim_groups_grant_nothing()
    {
        var caller = In(AuthMode.Oidc, groupsClaim: null).From(User(new Claim("sub", "s"), new Claim("groups", "payments")));

        Assert.Empty(caller.Groups);
        Assert.Empty(In(AuthMode.Oidc, groupsClaim: null).ClaimsOf(caller));
    }

    [Fact]
    public void A_malformed_group_list_is_taken_as_one_group_name_not_an_error()
    {
        var caller = In(AuthMode.Oidc).From(User(new Claim("sub", "s"), new Claim("groups", "[not json")));

        Assert.Equal(["[not json"], caller.Groups);
    }
}
