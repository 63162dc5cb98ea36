using Microsoft.Extensions.Options;

namespace MskPlanner.Web.Access;

/// <summary>Who may use this server, chosen by <c>Auth:Mode</c>.</summary>
public enum AuthMode
{
    /// <summary>No sign-in, one implicit user: a laptop's default, served to this machine only.</summary>
    Local,

    /// <summary>Sign-in with the team's OpenID Connect provider.</summary>
    Oidc,

    /// <summary>No sign-in on a shared address: an explicit choice for a server behind the team's own authenticating proxy.</summary>
    Open,
}

/// <summary>The "Auth" configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public AuthMode Mode { get; set; } = AuthMode.Local;

    public OidcSettings Oidc { get; set; } = new();

    /// <summary>
    /// How long a signed-in session lasts from sign-in, however busy it stays (OIDC mode); then the user signs in
    /// again. A session untouched for 8 hours ends before that.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>"Auth:Oidc": the provider and this app's registration with it.</summary>
public sealed class OidcSettings
{
    /// <summary>The issuer, e.g. https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From the environment or a secret store, never from a file in the repository.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated, as OAuth writes them; a string because the binder appends to a list's defaults.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>
    /// The claim that lists the user's groups (e.g. "groups", or "cognito:groups" with Amazon Cognito), for team
    /// workspaces that follow a group; unset, groups grant nothing.
    /// </summary>
    public string? GroupsClaim { get; set; }

    /// <summary>
    /// Take the e-mail claim as verified when the provider sends no <c>email_verified</c> claim at all. Off: such an
    /// address makes nobody a member. Turn it on only for a provider that vouches for every address it sends and
    /// never sends the claim (Microsoft Entra ID is one).
    /// </summary>
    public bool TrustEmailWithoutVerifiedClaim { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A provider's settings are checked at start, so a typo stops the app instead of every sign-in.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (options.Mode != AuthMode.Oidc)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.SessionLifetime < TimeSpan.FromMinutes(5) || options.SessionLifetime > TimeSpan.FromDays(90))
        {
            failures.Add("Auth:SessionLifetime must be between 5 minutes and 90 days.");
        }

        if (!Uri.TryCreate(options.Oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            failures.Add("Auth:Oidc:Authority must be the provider's absolute https address (its issuer).");
        }
        else if (authority.Scheme == "http" && !authority.IsLoopback)
        {
            failures.Add("Auth:Oidc:Authority must use https; http is accepted only on a loopback address, for tests and trials.");
        }

        if (string.IsNullOrWhiteSpace(options.Oidc.ClientId))
        {
            failures.Add("Auth:Oidc:ClientId is required: the client id this app is registered under at the provider.");
        }

        if (!options.Oidc.ScopeList.Contains("openid", StringComparer.Ordinal))
        {
            failures.Add("Auth:Oidc:Scopes must include openid.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
