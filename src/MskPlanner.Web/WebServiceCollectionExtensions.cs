using System.Text.Json.Serialization;

using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;

using MskPlanner.PriceStore;
using MskPlanner.Web.Access;
using MskPlanner.Web.Api;
using MskPlanner.Web.Components;
using MskPlanner.Web.Services;

using MudBlazor.Services;

using Scalar.AspNetCore;

namespace MskPlanner.Web;

public static class WebServiceCollectionExtensions
{
    private const string ReadyTag = "ready";
    private const string OpenApiDocument = "/openapi/{documentName}.json";
    private const string ApiTitle = "MskPlanner API";

    /// <summary>Where the API's reference page is served, over the OpenAPI document.</summary>
    public const string ApiReferencePath = "/api-reference";

    /// <summary>The UI, the JSON API and the cross-cutting web concerns.</summary>
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Antiforgery logs a cookie it cannot read as an error, then issues a new one, and the user sees nothing: a
        // cookie from before the key ring changed (a new database) or another app's on the same host and port. Its
        // other entries are warnings or below, so only that one is left out, and its warnings stay.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Antiforgery", level => level is LogLevel.Warning or LogLevel.Critical);
        builder.Services.AddForwardedClients();
        builder.Services.AddCircuitLimits();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddAccess(builder.Configuration);
        // Bottom left: row actions, pagers and the plan's buttons sit on the right, where the undo message covered them.
        builder.Services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft);
        builder.Services.AddProblemDetails();
        // A query that does not bind (page=abc) is the client's mistake: a 400, not an exception logged as a failure.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        builder.Services.AddExceptionHandler<StoreUnavailableHandler>();
        builder.Services.AddExceptionHandler<ReportFailureHandler>();
        builder.Services.AddExceptionHandler<ClientFaultHandler>();
        builder.Services.AddOpenApi(openApi => openApi
            .AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = ApiTitle;
                return Task.CompletedTask;
            })
            .AddDocumentTransformer<BearerTokenInOpenApi>()
            .AddOperationTransformer<BearerTokenInOpenApi>());
        builder.Services.AddHealthChecks().AddCheck<PlanStoreHealthCheck>(PlanStoreHealthCheck.Name, tags: [ReadyTag]);
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section)
            .Validate(ShareLinkAddress.IsValid, "App:PublicBaseUrl must be an absolute http(s) address ending in '/', without query or fragment.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ShareLinkAddress>();
        builder.Services.AddStoredPriceCache();
        builder.Services.AddSingleton<SizingService>();
        builder.Services.AddSingleton<PlanService>();
        builder.Services.AddSingleton<PlanCheckService>();
        builder.Services.AddSingleton<PrometheusAccess>();
        builder.Services.AddSingleton<ComparisonService>();
        builder.Services.AddScoped<MskPlanner.Web.Planner.AddressBar>();
        return builder;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseForwardedClients();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // In every environment: a store fault is a 503 problem, a request Kestrel finds malformed its own 4xx (see
        // ClientFaultHandler), and any other fault a 500 problem, never a stack trace.
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        // A mistyped page address gets the app's not-found page. The API's bodiless errors (an unknown route, a query
        // that does not bind) get problem+json first, from the inner middleware, so the page is never sent for them.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseAccess();
        app.UseMiddleware<JsonOnlyWritesMiddleware>();
        // Here rather than inside Blazor's hub endpoint (which adds it only where none ran), so the circuit limits
        // see a web socket request as one and can hand the hub a socket that closes when its client goes silent.
        app.UseWebSockets();
        app.UseMiddleware<CircuitLimitMiddleware>();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapOpenApi(OpenApiDocument);
        // The reference page is the same document, readable. Nothing on it reaches Scalar's servers (fonts, telemetry,
        // its AI chat, its toolbar of hosted services), which the content security policy would refuse anyway, and
        // its inline start script carries a nonce made per response.
        app.MapScalarApiReference(ApiReferencePath, reference =>
        {
            reference.Title = ApiTitle;
            reference.OpenApiRoutePattern = OpenApiDocument;
            reference.DefaultFonts = false;
            reference.Telemetry = false;
            reference.Agent = new ScalarAgentOptions { Disabled = true };
            reference.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            reference.DynamicNonce = true;
            reference.HeadContent = """<link rel="stylesheet" href="/api-reference.css" /><script src="/js/api-reference.js"></script>""";
        });
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = PlanStoreHealthCheck.WriteAsync });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = PlanStoreHealthCheck.WriteAsync });
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = PlanStoreHealthCheck.WriteAsync });
        app.MapSizingApi();
        app.MapPlanApi();
        app.MapWorkspaceApi();
        app.MapReportApi();
        app.MapExportApi();
        app.MapImportApi();
        // Our own Content-Security-Policy already forbids framing; Blazor's would add a second, weaker header.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
