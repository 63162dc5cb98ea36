using System.Net;

using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MskPlanner.Web;

/// <summary>
/// The "Network" section: the proxies whose X-Forwarded-For and X-Forwarded-Proto the app believes. None by
/// default, so no client can claim another's address; behind a proxy, name it, or every visitor is the proxy's
/// address to the per-client limits (live pages, rate limits, refused tokens).
/// </summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>Proxy addresses, e.g. 10.0.0.5.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. 10.0.0.0/24.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool TrustsAnyProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<string> Problems() =>
        KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p => $"Network:KnownProxies: '{p}' is not an IP address.")
            .Concat(KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)).Select(n => $"Network:KnownNetworks: '{n}' is not a network in CIDR form (10.0.0.0/24)."));
}

public static class ForwardedClients
{
    public static IServiceCollection AddForwardedClients(this IServiceCollection services)
    {
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section)
            .Validate(o => !o.Problems().Any(), "Network:KnownProxies and Network:KnownNetworks hold IP addresses and CIDR networks only.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((forwarded, network) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what the operator names is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            network.Value.KnownProxies.ForEach(p => forwarded.KnownProxies.Add(IPAddress.Parse(p)));
            network.Value.KnownNetworks.ForEach(n => forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n)));
        });
        return services;
    }

    /// <summary>First in the pipeline, and only when a proxy is named: everything after sees the visitor's address.</summary>
    public static WebApplication UseForwardedClients(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<NetworkOptions>>().Value.TrustsAnyProxy)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
