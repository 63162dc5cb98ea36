using System.Globalization;

using UglyToad.PdfPig;

namespace MskPlanner.Reports.Tests;

/// <summary>A generated PDF read back: its pages' text, and where every letter sits.</summary>
internal sealed class ReadBack
{
    private ReadBack(IReadOnlyList<string> pages, IReadOnlyList<(double Width, double Height)> sizes, bool lettersInside)
    {
        Pages = pages;
        Sizes = sizes;
        LettersInsidePage = lettersInside;
    }

    public IReadOnlyList<string> Pages { get; }

    public IReadOnlyList<(double Width, double Height)> Sizes { get; }

    /// <summary>True when no letter lies outside its page (nothing overflowed off the paper).</summary>
    public bool LettersInsidePage { get; }

    public string All => string.Join("\n", Pages);

    public static ReadBack Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<string>();
        var sizes = new List<(double, double)>();
        var inside = true;
        foreach (var page in document.GetPages())
        {
            pages.Add(string.Join(" ", page.GetWords().Select(w => w.Text)));
            sizes.Add((page.Width, page.Height));
            inside &= page.Letters.All(l =>
                l.BoundingBox.Left >= 0 && l.BoundingBox.Right <= page.Width &&
                l.BoundingBox.Bottom >= 0 && l.BoundingBox.Top <= page.Height);
        }

        return new ReadBack(pages, sizes, inside);
    }

    public static string Usd(decimal amount) => amount.ToString("$#,0.00", CultureInfo.InvariantCulture);
}
