using Microsoft.Extensions.Options;

using PdfSharp.Fonts;

namespace MskPlanner.Reports;

/// <summary>Raised when a report cannot be produced; the message says why, for the person who asked.</summary>
public sealed class ReportFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Renders PDF cost summaries; a report either comes out whole or not at all.</summary>
public sealed class ReportRenderer(IOptions<ReportOptions> options, ReportMetrics metrics)
{
    private static readonly Lock FontsLock = new();

    public PaperSize DefaultPaper => options.Value.PaperSize;

    public byte[] PlanSummary(PlanReport report, PaperSize? paper = null) =>
        Render("plan", () => PlanSummaryPdf.Render(report, paper ?? DefaultPaper));

    public byte[] ComparisonSummary(ComparisonReport report, PaperSize? paper = null) =>
        Render("comparison", () => ComparisonSummaryPdf.Render(report, paper ?? DefaultPaper));

    private byte[] Render(string kind, Func<byte[]> render)
    {
        var succeeded = false;
        try
        {
            EnsureFonts();
            var pdf = render();
            succeeded = true;
            return pdf;
        }
        catch (Exception e) when (e is not ReportFontsMissingException)
        {
            throw new ReportFailedException($"The PDF could not be rendered: {e.Message}", e);
        }
        finally
        {
            metrics.Rendered(kind, succeeded);
        }
    }

    /// <summary>PDFsharp's font resolver is process-wide and can be set once; a missing font is reported each time.</summary>
    private void EnsureFonts()
    {
        lock (FontsLock)
        {
            GlobalFontSettings.FontResolver ??= new DejaVuFontResolver(options.Value.FontDirectories());
        }
    }
}
