using PdfSharp.Fonts;

namespace MskPlanner.Reports;

/// <summary>Raised when the fonts a PDF needs are not installed, with what to install.</summary>
public sealed class ReportFontsMissingException(string message) : Exception(message);

/// <summary>
/// Serves DejaVu Sans (regular and bold) from a font directory to PDFsharp, which has no fonts of its own on
/// Linux. Every family the layout asks for maps to DejaVu Sans: it covers the symbols a report prints.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private readonly Dictionary<string, byte[]> _faces;

    public DejaVuFontResolver(IEnumerable<string> directories)
    {
        var searched = directories.ToList();
        _faces = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var face in new[] { Regular, Bold })
        {
            var file = searched.Select(d => Path.Combine(d, face + ".ttf")).FirstOrDefault(File.Exists)
                ?? throw new ReportFontsMissingException(
                    $"PDF export needs the DejaVu fonts ({face}.ttf), which were not found in {string.Join(", ", searched)}. " +
                    "Install them (Debian/Ubuntu: apt-get install fonts-dejavu-core) or set Reports:FontDirectory to a folder that holds them.");
            _faces[face] = File.ReadAllBytes(file);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);
}
