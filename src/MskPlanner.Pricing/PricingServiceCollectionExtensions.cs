using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MskPlanner.Pricing;

public static class PricingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the price source the "Pricing" section chooses: the bundled snapshot alone, or live AWS prices
    /// (bulk offer files or GetProducts) behind a cache, refreshed in the background. The live sources need an
    /// <see cref="IPriceCache"/>, which persistence provides.
    /// </summary>
    public static IHostApplicationBuilder AddPricing(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PricingOptions>().BindConfiguration(PricingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BundledSnapshotPriceSource>();
        services.AddSingleton<RegionCatalog>();
        services.AddMetrics();
        services.AddSingleton<PricingMetrics>();

        var source = (builder.Configuration.GetSection(PricingOptions.Section).Get<PricingOptions>() ?? new PricingOptions()).Source;
        if (source == PriceSourceKind.Snapshot)
        {
            services.AddSingleton<IPriceSource>(sp => sp.GetRequiredService<BundledSnapshotPriceSource>());
            return builder;
        }

        if (source == PriceSourceKind.Bulk)
        {
            services.AddHttpClient<IAwsPriceList, AwsBulkPriceList>(ConfigureClient(o => o.BulkEndpoint)).AddStandardResilienceHandler().Configure(Resilience);
        }
        else
        {
            services.AddSingleton<AwsCredentialsSource>();
            services.AddHttpClient<IAwsPriceList, AwsQueryPriceList>(ConfigureClient(o => o.QueryEndpoint)).AddStandardResilienceHandler().Configure(Resilience);
        }

        // Polly logs every retry, timeout and breaker event with its exception, and the client every failed attempt
        // with its stack: one unreachable price list made hundreds of stack lines. LivePriceSource and
        // PriceRefreshService log one warning per failed fetch instead.
        builder.Logging.AddFilter("Polly", LogLevel.None);
        builder.Logging.AddFilter($"System.Net.Http.HttpClient.{nameof(IAwsPriceList)}", LogLevel.Warning);
        services.AddSingleton<LivePriceSource>(sp => ActivatorUtilities.CreateInstance<LivePriceSource>(sp, sp.GetRequiredService<IAwsPriceList>()));
        services.AddSingleton<IPriceSource>(sp => sp.GetRequiredService<LivePriceSource>());
        services.AddHostedService<PriceRefreshService>();
        return builder;
    }

    private static Action<IServiceProvider, HttpClient> ConfigureClient(Func<PricingOptions, Uri> endpoint) => (sp, http) =>
    {
        var options = sp.GetRequiredService<IOptions<PricingOptions>>().Value;
        http.BaseAddress = endpoint(options);
        // The resilience handler times each attempt; the client's own limit covers a whole streamed file.
        http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
    };

    /// <summary>Retries with backoff on timeouts, 5xx and throttling (429), each attempt bounded by the configured timeout.</summary>
    private static void Resilience(HttpStandardResilienceOptions resilience, IServiceProvider services)
    {
        var timeout = services.GetRequiredService<IOptions<PricingOptions>>().Value.Timeout;
        resilience.AttemptTimeout.Timeout = timeout;
        resilience.Retry.Delay = timeout / 4;
        resilience.TotalRequestTimeout.Timeout = timeout * 8;
        resilience.CircuitBreaker.SamplingDuration = timeout * 2;
    }
}
