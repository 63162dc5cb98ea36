using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MskPlanner.Web.Telemetry;

/// <summary>The "Telemetry" configuration section.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serve the metrics for a Prometheus scraper at <see cref="PrometheusPath"/>. Off by default.</summary>
    public bool Prometheus { get; set; }

    public string PrometheusPath { get; set; } = "/metrics";
}

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The app's meters: ours are named MskPlanner.Web, .Pricing, .Persistence and .Reports.</summary>
    private const string OurMeters = "MskPlanner.*";

    /// <summary>Blazor's own circuit meter: how many circuits the server holds (a paused page holds none).</summary>
    private const string CircuitMeter = "Microsoft.AspNetCore.Components.Server.Circuits";

    /// <summary>
    /// OpenTelemetry traces and metrics (ASP.NET Core, HttpClient, EF Core, the runtime and our own meters),
    /// exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard OTEL_* variables tune it), and
    /// served for Prometheus when Telemetry:Prometheus is on. With neither, nothing is collected or exported.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<AppMetrics>();
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .Validate(o => o.PrometheusPath.StartsWith('/'), "Telemetry:PrometheusPath must start with '/'.")
            .ValidateOnStart();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!otlp && !options.Prometheus)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("mskplanner"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter(OurMeters, CircuitMeter);
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            telemetry
                .WithTracing(tracing => tracing
                    // A share link's token is its credential: a span records the path with the token replaced.
                    .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpResponse = (activity, response) =>
                    {
                        if (SharedLinkPaths.IsSharedView(response.HttpContext.Request.Path))
                        {
                            activity.SetTag("url.path", SharedLinkPaths.Redacted(response.HttpContext));
                        }
                    })
                    .AddHttpClientInstrumentation().AddEntityFrameworkCoreInstrumentation())
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>The Prometheus scrape endpoint, when it is on. It answers anyone who can reach it: keep it inside.</summary>
    public static WebApplication UseTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value;
        // Made now, not at the first sizing, so the live-connection gauge is reported from the start.
        app.Services.GetRequiredService<AppMetrics>();
        if (options.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(options.PrometheusPath);
        }

        return app;
    }
}
