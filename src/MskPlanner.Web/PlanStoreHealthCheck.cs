using System.Text.Json;

using Microsoft.Extensions.Diagnostics.HealthChecks;

using MskPlanner.Persistence;

namespace MskPlanner.Web;

/// <summary>Readiness: the app can take saves only while its store can be written.</summary>
public sealed class PlanStoreHealthCheck(StoreProbe probe) : IHealthCheck
{
    public const string Name = "plan-store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var condition = await probe.CheckAsync(cancellationToken);
        return condition.IsUsable ? HealthCheckResult.Healthy(condition.Description) : HealthCheckResult.Unhealthy(condition.Description);
    }

    /// <summary>The report as JSON: the overall status and each check's, with what it found.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
