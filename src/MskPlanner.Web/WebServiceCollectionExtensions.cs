using System.Text.Json.Serialization;

using Microsoft.Extensions.DependencyInjection.Extensions;

using MskPlanner.Web.Api;
using MskPlanner.Web.Components;
using MskPlanner.Web.Services;

using MudBlazor.Services;

namespace MskPlanner.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The UI, the JSON API and the cross-cutting web concerns.</summary>
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks();
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SizingService>();
        builder.Services.AddSingleton<PlanService>();
        builder.Services.AddSingleton<ComparisonService>();
        return builder;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<JsonOnlyWritesMiddleware>();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/healthz");
        app.MapSizingApi();
        app.MapPlanApi();
        app.MapReportApi();
        // Our own Content-Security-Policy already forbids framing; Blazor's would add a second, weaker header.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
