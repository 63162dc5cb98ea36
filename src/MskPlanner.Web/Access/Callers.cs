using System.Security.Claims;
using System.Text.Json;

using Microsoft.Extensions.Options;

using MskPlanner.Persistence;

namespace MskPlanner.Web.Access;

/// <summary>
/// Turns a signed-in user's claims into the <see cref="Caller"/> the stores decide access by: the provider's
/// subject, name, a verified e-mail and the groups in <c>Auth:Oidc:GroupsClaim</c>. Local and open mode's implicit
/// user becomes <see cref="Caller.LocalUser"/>, who owns every workspace.
/// </summary>
public sealed class Callers(IOptions<AuthOptions> auth)
{
    private const string EmailClaim = "email";
    private const string EmailVerifiedClaim = "email_verified";

    /// <summary>The claim the groups arrive in; when none is configured, no group grants anything.</summary>
    private string? GroupsClaim => string.IsNullOrWhiteSpace(auth.Value.Oidc.GroupsClaim) ? null : auth.Value.Oidc.GroupsClaim;

    public Caller From(ClaimsPrincipal user)
    {
        if (auth.Value.Mode != AuthMode.Oidc)
        {
            return Caller.LocalUser;
        }

        var subject = user.FindFirst("sub")?.Value ?? throw new InvalidOperationException("A signed-in user without a subject.");
        // Membership goes by e-mail, so an address counts only when the provider says it verified it: one that says
        // nothing could be vouching for anyone's. A provider that never sends the claim is trusted only when the
        // operator says so (Auth:Oidc:TrustEmailWithoutVerifiedClaim).
        var verified = user.FindFirst(EmailVerifiedClaim)?.Value is { } said
            ? string.Equals(said, "true", StringComparison.OrdinalIgnoreCase)
            : auth.Value.Oidc.TrustEmailWithoutVerifiedClaim;
        var email = verified ? Caller.NormalizeEmail(user.FindFirst(EmailClaim)?.Value) : null;
        var name = user.Identity?.Name ?? user.FindFirst("preferred_username")?.Value ?? email ?? subject;
        return new Caller(subject, name, email, Groups(user));
    }

    /// <summary>What an API token's principal needs besides the subject to reach its owner's workspaces.</summary>
    public IEnumerable<Claim> ClaimsOf(Caller user)
    {
        if (user.Email is { } email)
        {
            // Kept at sign-in only once verified.
            yield return new Claim(EmailClaim, email);
            yield return new Claim(EmailVerifiedClaim, "true");
        }

        if (GroupsClaim is { } type)
        {
            foreach (var group in user.Groups)
            {
                yield return new Claim(type, group);
            }
        }
    }

    /// <summary>
    /// Each value is a group; a provider may also send the whole list as one JSON array, which a user-info answer
    /// mapped as a single claim becomes.
    /// </summary>
    private IReadOnlyList<string> Groups(ClaimsPrincipal user)
    {
        if (GroupsClaim is not { } type)
        {
            return [];
        }

        var groups = new List<string>();
        foreach (var value in user.FindAll(type).Select(c => c.Value))
        {
            if (value.StartsWith('['))
            {
                try
                {
                    groups.AddRange(JsonSerializer.Deserialize<string[]>(value) ?? []);
                }
                catch (JsonException)
                {
                    groups.Add(value);
                }
            }
            else
            {
                groups.Add(value);
            }
        }

        return Caller.KeepGroups(groups);
    }
}

/// <summary>The caller of a minimal API endpoint, bound from the request's user: <c>(RequestCaller me) => store.X(me.Caller, …)</c>.</summary>
public sealed record RequestCaller(Caller Caller)
{
    public static ValueTask<RequestCaller?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<RequestCaller?>(new RequestCaller(context.RequestServices.GetRequiredService<Callers>().From(context.User)));
}
