using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MskPlanner.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>PDF cost summaries, laid out with PDFsharp over DejaVu fonts.</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<ReportMetrics>();
        builder.Services.AddSingleton<ReportRenderer>();
        return builder;
    }
}
