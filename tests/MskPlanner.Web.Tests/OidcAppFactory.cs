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

    /// <summary>
    /// When set, every request arrives from this address, as through a proxy there, and the app is told to believe
    /// its X-Forwarded-For (Network:KnownProxies).
    /// </summary>
    public string? ProxyAddress { get; init; }

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

        if (ProxyAddress is not null)
        {
            builder.UseSetting("Network:KnownProxies:0", ProxyAddress);
        }

        builder.ConfigureTestServices(services =>
        {
            if (ProxyAddress is not null)
            {
                services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new FromAddress(System.Net.IPAddress.Parse(ProxyAddress)));
            }

            services.AddSingleton<TimeProvider>(Clock);
            services.Configure<OpenIdConnectOptions>(SignIn.OidcScheme, o => o.Configuration = new OpenIdConnectConfiguration
            {
                Issuer = Provider,
                AuthorizationEndpoint = $"{Provider}/authorize",
            });
        });
    }

    /// <summary>The test server's requests have no remote address; a proxy's connection has one.</summary>
    private sealed class FromAddress(System.Net.IPAddress address) : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(nextMiddleware => context =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
