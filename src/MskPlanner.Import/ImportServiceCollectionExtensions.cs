using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MskPlanner.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>How long a server that failed several times in a row is left alone before it is asked again.</summary>
    internal static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    /// <summary>Imports from Prometheus: its options, validated at start, and a client bounded in time, bytes and series.</summary>
    public static IHostApplicationBuilder AddImport(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PrometheusImportOptions>().BindConfiguration(PrometheusImportOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Sources.All(s => s.Url is { IsAbsoluteUri: true, Scheme: "http" or "https" } && s.Name.Length > 0),
                "Every Import:Prometheus:Sources entry needs a Name and an absolute http(s) Url.")
            .Validate(o => o.Sources.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() == o.Sources.Count,
                "Import:Prometheus:Sources names must differ.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<PrometheusClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // A redirect could carry a source's credentials elsewhere; a Prometheus address answers itself.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddStandardResilienceHandler()
            // One pipeline per server, so that a user's unreachable address does not open the breaker for the others.
            .SelectPipelineByAuthority()
            .Configure(Resilience);
        services.AddSingleton<PrometheusImporter>();
        // Polly logs each attempt, and every retry and timeout with its exception; a failed import is logged once,
        // as a warning with its reason, where it is answered.
        builder.Logging.AddFilter("Polly", LogLevel.None);
        return builder;
    }

    /// <summary>
    /// The import's own deadline bounds the whole; the pipeline retries a failed attempt once, at once: a user is
    /// waiting, and one retry is for a dropped connection, not for a server that needs time to recover.
    /// </summary>
    private static void Resilience(HttpStandardResilienceOptions resilience, IServiceProvider services)
    {
        var timeout = services.GetRequiredService<IOptions<PrometheusImportOptions>>().Value.Timeout;
        resilience.TotalRequestTimeout.Timeout = timeout;
        resilience.AttemptTimeout.Timeout = timeout;
        resilience.Retry.MaxRetryAttempts = 1;
        resilience.Retry.Delay = TimeSpan.Zero;
        resilience.CircuitBreaker.SamplingDuration = timeout * 2;
        resilience.CircuitBreaker.BreakDuration = BreakDuration;
    }
}
