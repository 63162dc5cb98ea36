namespace MskPlanner.Reports;

public enum PaperSize
{
    A4,
    Letter,
}

/// <summary>The "Reports" configuration section.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    public PaperSize PaperSize { get; set; } = PaperSize.A4;

    /// <summary>A folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf; empty searches the usual system folders.</summary>
    public string? FontDirectory { get; set; }

    public IEnumerable<string> FontDirectories()
    {
        if (!string.IsNullOrWhiteSpace(FontDirectory))
        {
            yield return FontDirectory;
        }

        yield return "/usr/share/fonts/truetype/dejavu";
        yield return "/usr/share/fonts/dejavu";
        yield return "/usr/share/fonts/TTF";
        yield return "/usr/local/share/fonts";
        yield return "/Library/Fonts";
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "Fonts");
    }
}
