using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;

using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

using MskPlanner.Persistence;

namespace MskPlanner.Web.Access;

/// <summary>
/// OIDC mode's second way in, for scripts: <c>Authorization: Bearer mskp_…</c> with a personal API token. The
/// request then acts as the token's owner. A wrong, revoked or expired token fails (a 401), and a client address
/// that keeps presenting such tokens has its further wrong ones refused for a while (a 429). A valid token is never
/// refused for what others sent from the same address (behind a proxy, or a NAT, many users share one).
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenStore tokens, WorkspaceStore workspaces, Callers callers, TokenFailureLimiter failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>
    /// Set on the request when a presented token was refused, so the 401 can say why: true when its address had
    /// already used up its refusals, which <see cref="TokenFailureGate"/> answers with a 429.
    /// </summary>
    public const string RefusedItem = "api-token-refused";

    public static bool IsPresented(HttpRequest request) => request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(header.Parameter))
        {
            return AuthenticateResult.NoResult();
        }

        var owner = await tokens.AuthenticateAsync(header.Parameter, Context.RequestAborted);
        if (owner is null)
        {
            Context.Items[RefusedItem] = failures.IsBlocked(Context);
            failures.Record(Context);
            return AuthenticateResult.Fail("The API token is wrong, revoked or expired.");
        }

        // The token carries only its owner's subject; their e-mail and groups, as last seen signing in, decide
        // which workspaces it reaches, so a member removed from a group loses it at their next sign-in.
        var seen = await workspaces.FindUserAsync(owner.Subject, Context.RequestAborted);
        var user = SignIn.Principal(SchemeName, owner.Subject, owner.Name,
            [new Claim("token_id", owner.TokenId.ToString(CultureInfo.InvariantCulture)), .. seen is null ? [] : callers.ClaimsOf(seen)]);
        return AuthenticateResult.Success(new AuthenticationTicket(user, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var refused = Context.Items.ContainsKey(RefusedItem);
        Response.Headers.WWWAuthenticate = refused ? "Bearer error=\"invalid_token\"" : "Bearer";
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteProblemAsync(Context, StatusCodes.Status401Unauthorized,
            refused ? "The API token was refused." : "Sign-in required.",
            refused
                ? "The token is wrong, revoked or expired. Its owner can make a new one under API tokens."
                : "Send a personal API token as 'Authorization: Bearer <token>' (make one under API tokens), or sign in with a browser.");
    }
}

/// <summary>
/// Failed token attempts per client address: a bucket of <see cref="RateLimitOptions.TokenFailuresPerMinute"/>
/// that refills over a minute. While it is empty the address's bearer requests get a 429 without a lookup.
/// </summary>
public sealed class TokenFailureLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.TokenFailuresPerMinute,
            TokensPerPeriod = Math.Max(1, options.Value.TokenFailuresPerMinute / 6),
            ReplenishmentPeriod = TimeSpan.FromSeconds(10),
            QueueLimit = 0,
        }));

    public void Record(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(ClientAddress.Of(context));
    }

    public bool IsBlocked(HttpContext context) => _limiter.GetStatistics(ClientAddress.Of(context))?.CurrentAvailablePermits <= 0;

    public void Dispose() => _limiter.Dispose();
}

public static class TokenFailureGate
{
    /// <summary>
    /// In OIDC mode, after authentication: a wrong, revoked or expired token from an address that keeps presenting
    /// them gets a 429 until its failures refill. Only refused tokens: a valid one has already signed its request in.
    /// </summary>
    public static WebApplication UseTokenFailureGate(this WebApplication app)
    {
        if (app.Services.GetService<TokenFailureLimiter>() is null)
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            if (context.Items[ApiTokenHandler.RefusedItem] is true)
            {
                context.Response.Headers.RetryAfter = "10";
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteProblemAsync(context, StatusCodes.Status429TooManyRequests,
                    "Too many refused API tokens.", "This address has presented too many wrong, revoked or expired tokens. Wait for the time in Retry-After.");
                return;
            }

            await next(context);
        });
        return app;
    }
}
