using System.Security.Claims;
using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

using MskPlanner.Persistence;

namespace MskPlanner.Web.Access;

/// <summary>
/// The authentication schemes behind <see cref="AuthMode"/>. Local and open mode sign everyone in as one implicit
/// user, so pages and endpoints carry the same authorization whatever the mode; OIDC mode keeps a cookie session
/// from the provider's sign-in.
/// </summary>
public static class SignIn
{
    public const string ImplicitScheme = "Implicit";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>OIDC mode's default: a bearer API token when the request carries one, else the cookie session.</summary>
    public const string SessionOrTokenScheme = "SessionOrToken";

    /// <summary>
    /// OIDC mode's challenge: a script has no browser to send to the provider, so an API call gets a 401 to act on
    /// (without the provider's metadata, so an unreachable provider does not turn it into a failure); a page goes
    /// to the provider's sign-in.
    /// </summary>
    public const string ApiOrProviderScheme = "ApiOrProvider";

    public static IServiceCollection AddSignIn(this IServiceCollection services, AuthMode mode)
    {
        var schemes = services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ImplicitUserHandler>(ImplicitScheme, null)
            .AddCookie(CookieScheme);
        // Registered only when used: the handler watches every request for its callback, and without a provider
        // its options cannot even be built.
        if (mode == AuthMode.Oidc)
        {
            schemes.AddOpenIdConnect(OidcScheme, _ => { });
            schemes.AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
            schemes.AddPolicyScheme(SessionOrTokenScheme, null, policy => policy.ForwardDefaultSelector = context =>
                ApiTokenHandler.IsPresented(context.Request) ? ApiTokenHandler.SchemeName : CookieScheme);
            schemes.AddPolicyScheme(ApiOrProviderScheme, null, policy => policy.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? ApiTokenHandler.SchemeName : OidcScheme);
            services.AddSingleton<TokenFailureLimiter>();
        }

        services.Configure<AuthenticationOptions>(defaults =>
        {
            var oidc = mode == AuthMode.Oidc;
            defaults.DefaultScheme = oidc ? SessionOrTokenScheme : ImplicitScheme;
            defaults.DefaultSignInScheme = oidc ? CookieScheme : ImplicitScheme;
            defaults.DefaultChallengeScheme = oidc ? ApiOrProviderScheme : ImplicitScheme;
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<IOptions<AppOptions>>((cookie, app) =>
        {
            cookie.Cookie.Name = "MskPlanner.Session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Behind a proxy that ends TLS the app sees http; the public address says what users really reach.
            cookie.Cookie.SecurePolicy = app.Value.PublicBaseUrl?.Scheme == Uri.UriSchemeHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            Sessions.Watch(cookie);
        });
        services.AddSingleton<Sessions>();
        services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IOptions<AuthOptions>, IOptions<AppOptions>>((oidc, auth, app) =>
            Configure(oidc, auth.Value.Oidc, app.Value.PublicBaseUrl));
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        return services;
    }

    private static void Configure(OpenIdConnectOptions oidc, OidcSettings settings, Uri? publicBaseUrl)
    {
        oidc.Authority = settings.Authority;
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = settings.ClientSecret;
        oidc.ResponseType = "code";
        oidc.UsePkce = true;
        // The ID token is kept for the provider's sign-out, which needs it to return the user here.
        oidc.SaveTokens = true;
        oidc.GetClaimsFromUserInfoEndpoint = true;
        oidc.MapInboundClaims = false;
        oidc.TokenValidationParameters.NameClaimType = "name";
        oidc.Scope.Clear();
        foreach (var scope in settings.ScopeList)
        {
            oidc.Scope.Add(scope);
        }

        // ASP.NET maps the user-info answer's email but drops its email_verified, which membership by e-mail needs.
        oidc.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
        if (!string.IsNullOrWhiteSpace(settings.GroupsClaim))
        {
            // The ID token's claims arrive as they are; the user-info answer's only as mapped.
            oidc.ClaimActions.MapJsonKey(settings.GroupsClaim, settings.GroupsClaim);
        }

        if (Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority) && authority.Scheme == Uri.UriSchemeHttp)
        {
            // Only on loopback (the options validator sees to it): a trial or test provider without TLS, whose
            // callbacks the browser will not send Secure, SameSite=None cookies to.
            oidc.RequireHttpsMetadata = false;
            oidc.CorrelationCookie.SecurePolicy = oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.CorrelationCookie.SameSite = oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        }

        oidc.Events.OnRedirectToIdentityProvider = context =>
        {
            // Behind a proxy the request shows the app's own address, not the one registered with the provider.
            if (publicBaseUrl is not null)
            {
                context.ProtocolMessage.RedirectUri = new Uri(publicBaseUrl, oidc.CallbackPath.Value!.TrimStart('/')).ToString();
            }

            return Task.CompletedTask;
        };
        oidc.Events.OnTicketReceived = async context =>
        {
            // Remembered for the user's API tokens, which carry only the subject (see ApiTokenHandler).
            var services = context.HttpContext.RequestServices;
            await services.GetRequiredService<WorkspaceStore>()
                .RecordSignInAsync(services.GetRequiredService<Callers>().From(context.Principal!), context.HttpContext.RequestAborted);
        };
        oidc.Events.OnRemoteFailure = async context =>
        {
            // The user cancelled at the provider, or its answer was stale or forged: say so, not a 500.
            context.HandleResponse();
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignIn))
                .LogWarning(context.Failure, "A sign-in came back from the provider without completing.");
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteProblemAsync(context.HttpContext,
                StatusCodes.Status400BadRequest, "Sign-in did not complete.",
                "The sign-in was cancelled or refused at the provider, or took too long. Open the page again to sign in.");
        };
        oidc.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            // A provider without an end-session endpoint (Amazon Cognito's discovery lists none) cannot be sent
            // the user: the app's own session has ended, so go home.
            if (string.IsNullOrEmpty(context.ProtocolMessage.IssuerAddress))
            {
                context.Response.Redirect(context.Properties.RedirectUri ?? "/");
                context.HandleResponse();
            }
            else if (publicBaseUrl is not null)
            {
                context.ProtocolMessage.PostLogoutRedirectUri = new Uri(publicBaseUrl, oidc.SignedOutCallbackPath.Value!.TrimStart('/')).ToString();
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Endpoints that read or change saved plans: a signed-in user's (in local and open mode, everyone's).</summary>
    public static RouteGroupBuilder ForSignedInUsers(this RouteGroupBuilder endpoints) =>
        endpoints.RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);

    /// <inheritdoc cref="ForSignedInUsers(RouteGroupBuilder)"/>
    public static RouteHandlerBuilder ForSignedInUsers(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", SignInAt).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signout", SignOut).AllowAnonymous().ExcludeFromDescription()
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    private static Results<ChallengeHttpResult, RedirectHttpResult> SignInAt(string? returnUrl, HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? TypedResults.LocalRedirect(LocalPath(returnUrl))
            : TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalPath(returnUrl) });

    /// <summary>
    /// Only from the app's own form: the antiforgery middleware checks the token but leaves refusing to an endpoint
    /// that binds no form, so another site cannot sign a user out.
    /// </summary>
    private static async Task<Results<SignOutHttpResult, RedirectHttpResult, ProblemHttpResult>> SignOut(HttpContext context, IOptions<AuthOptions> auth, Sessions sessions)
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Sign out from the app's own button.",
                detail: "This request did not carry the page's antiforgery token.");
        }

        if (auth.Value.Mode == AuthMode.Oidc && (await context.AuthenticateAsync(CookieScheme)).Properties is { } session)
        {
            await sessions.EndAsync(session, context.RequestAborted);
        }

        return auth.Value.Mode == AuthMode.Oidc
            ? TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [CookieScheme, OidcScheme])
            : TypedResults.LocalRedirect("/");
    }

    /// <summary>Where a page sends its user to sign in and come back to it.</summary>
    public static string SignInAddress(this Microsoft.AspNetCore.Components.NavigationManager navigation) =>
        $"signin?returnUrl={Uri.EscapeDataString("/" + navigation.ToBaseRelativePath(navigation.Uri))}";

    /// <summary>
    /// Only a path on this site: a sign-in link must not become a way to send users elsewhere. Browsers drop tabs and
    /// line breaks from an address and read a backslash as a slash, so "/\t/evil.example" and "/\\evil.example" both
    /// lead off-site: any control character or backslash refuses the path.
    /// </summary>
    private static string LocalPath(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2048 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.Any(c => char.IsControl(c) || c == '\\')
            ? returnUrl
            : "/";

    /// <summary>A user as every scheme presents one: the provider's subject and name claims, named by "name".</summary>
    internal static ClaimsPrincipal Principal(string scheme, string subject, string name, params IEnumerable<Claim> more) =>
        new(new ClaimsIdentity([new Claim("sub", subject), new Claim("name", name), .. more], scheme, "name", "role"));

    /// <summary>Local and open mode's one user: every request is made by it.</summary>
    private sealed class ImplicitUserHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        private static readonly ClaimsPrincipal User = Principal(ImplicitScheme, "local", "Local user");

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(User, ImplicitScheme)));
    }
}
