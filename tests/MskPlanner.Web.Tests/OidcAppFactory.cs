using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

using MskPlanner.Web.Access;

namespace MskPlanner.Web.Tests;

/// <summary>
/// The app in OIDC mode against https://idp.example.com, whose metadata is given as its discovery document would
/// give it: nothing is fetched, and nothing here can sign in (the browser tests do, against a real provider).
/// </summary>
public sealed class OidcAppFactory : PlannerAppFactory
{
    public const string Provider = "https://idp.example.com";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public int TokenFailuresPerMinute { get; init; } = 1000;

    public string? PublicBaseUrl { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:Mode", "Oidc");
        builder.UseSetting("Auth:Oidc:Authority", Provider);
        builder.UseSetting("Auth:Oidc:ClientId", "planner");
        builder.UseSetting("RateLimits:TokenFailuresPerMinute", TokenFailuresPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (PublicBaseUrl is not null)
        {
            builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.Configure<OpenIdConnectOptions>(SignIn.OidcScheme, o => o.Configuration = new OpenIdConnectConfiguration
            {
                Issuer = Provider,
                AuthorizationEndpoint = $"{Provider}/authorize",
            });
        });
    }
}
