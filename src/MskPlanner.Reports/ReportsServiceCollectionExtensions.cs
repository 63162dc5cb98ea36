using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MskPlanner.Reports;

public static partial class ReportsServiceCollectionExtensions
{
    /// <summary>PDF cost summaries, laid out with PDFsharp over DejaVu fonts.</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        // A font folder the operator names but that lacks the fonts is a mistake in the settings: the app refuses to
        // start. Without a named folder the system's are searched, and the planner runs without PDFs if they lack
        // them: the start-up log says so at once rather than at the first PDF.
        builder.Services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.FontDirectory) || DejaVuFontResolver.Problem([o.FontDirectory]) is null,
                "Reports:FontDirectory names a folder without DejaVuSans.ttf and DejaVuSans-Bold.ttf.")
            .ValidateOnStart();
        builder.Services.AddHostedService<FontCheck>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<ReportMetrics>();
        builder.Services.AddSingleton<ReportRenderer>();
        return builder;
    }

    private sealed partial class FontCheck(IOptions<ReportOptions> options, ILogger<FontCheck> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (DejaVuFontResolver.Problem(options.Value.FontDirectories()) is { } problem)
            {
                NoPdfs(logger, problem);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "PDF cost summaries are off until the fonts are installed: {Problem}")]
        private static partial void NoPdfs(ILogger logger, string problem);
    }
}
