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
        foreach (var face in Faces)
        {
            var file = Find(face, searched) ?? throw new ReportFontsMissingException(Missing(face, searched));
            _faces[face] = File.ReadAllBytes(file);
        }
    }

    private static readonly string[] Faces = [Regular, Bold];

    /// <summary>What to install when a face is in none of the folders, or null when both are there.</summary>
    public static string? Problem(IEnumerable<string> directories)
    {
        var searched = directories.ToList();
        return Faces.FirstOrDefault(face => Find(face, searched) is null) is { } face ? Missing(face, searched) : null;
    }

    private static string? Find(string face, IReadOnlyList<string> directories) =>
        directories.Select(d => Path.Combine(d, face + ".ttf")).FirstOrDefault(File.Exists);

    private static string Missing(string face, IReadOnlyList<string> searched) =>
        $"PDF export needs the DejaVu fonts ({face}.ttf), which were not found in {string.Join(", ", searched)}. " +
        "Install them (Debian/Ubuntu: apt-get install fonts-dejavu-core) or set Reports:FontDirectory to a folder that holds them.";

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);
}
