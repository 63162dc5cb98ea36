using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MskPlanner.Reports;

/// <summary>A column of a report table: its share of the width and how its cells align.</summary>
internal sealed record TableColumn(string Header, double Weight, bool AlignRight = false);

/// <summary>A table row; a highlighted row is shaded and bold, so it still stands out printed in grey.</summary>
internal sealed record TableRow(IReadOnlyList<string> Cells, bool Highlight = false, bool Bold = false, bool Section = false);

/// <summary>A series of a stacked bar chart.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<double> Values, string Colour);

/// <summary>
/// The one place a report's pages are laid out: a cursor that flows headings, wrapped text, tables and charts
/// down the page, breaks pages before anything would cross the bottom margin, and numbers the pages at the end.
/// </summary>
internal sealed class PdfLayout : IDisposable
{
    public const double Margin = 42;
    private const double FooterSpace = 24;
    private const double CellPadding = 3;

    private readonly PdfDocument _document = new();
    private readonly PaperSize _paper;
    private readonly XFont _body = new(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Regular);
    private readonly XFont _bold = new(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Bold);
    private readonly XFont _small = new(DejaVuFontResolver.Family, 7, XFontStyleEx.Regular);
    private readonly XFont _title = new(DejaVuFontResolver.Family, 17, XFontStyleEx.Bold);
    private readonly XFont _heading = new(DejaVuFontResolver.Family, 11.5, XFontStyleEx.Bold);
    private XGraphics _graphics = default!;
    private PdfPage _page = default!;
    private double _y;

    public PdfLayout(PaperSize paper, string title)
    {
        _paper = paper;
        _document.Info.Title = title;
        _document.Info.Creator = "MskPlanner";
        NewPage();
    }

    private const double Left = Margin;

    private double Width => _page.Width.Point - (2 * Margin);

    private double Bottom => _page.Height.Point - Margin - FooterSpace;

    public void Title(string text)
    {
        Write(text, _title, XBrushes.Black);
        _y += 4;
    }

    /// <summary>A section heading, moved to the next page with what follows when less than <paramref name="keepWithNext"/> points are left.</summary>
    public void Heading(string text, double keepWithNext = 40)
    {
        EnsureSpace(keepWithNext + 24);
        _y += 8;
        Write(text, _heading, XBrushes.Black);
        _graphics.DrawLine(new XPen(XColors.Gray, 0.5), Left, _y, Left + Width, _y);
        _y += 4;
    }

    public void Paragraph(string text, bool small = false, bool bold = false)
    {
        Write(text, small ? _small : bold ? _bold : _body, small ? XBrushes.DimGray : XBrushes.Black);
        _y += 2;
    }

    public void Table(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => Width * c.Weight / total).ToArray();
        var header = new TableRow([.. columns.Select(c => c.Header)], Bold: true);
        EnsureSpace(RowHeight(widths, header) + (rows.Count > 0 ? RowHeight(widths, rows[0]) : 0));
        DrawRow(columns, widths, header, isHeader: true);
        foreach (var row in rows)
        {
            if (_y + RowHeight(widths, row) > Bottom)
            {
                NewPage();
                DrawRow(columns, widths, header, isHeader: true);
            }

            DrawRow(columns, widths, row, isHeader: false);
        }

        _y += 6;
    }

    private static XColor Colour(string hex) => XColor.FromArgb(
        Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));

    /// <summary>The height <see cref="StackedBars"/> takes for so many bars, legend included.</summary>
    public static double StackedBarsHeight(int bars) => (bars * 21) + 40;

    /// <summary>Horizontal stacked bars, one per label, drawn as vectors, with a legend and each bar's total.</summary>
    public void StackedBars(IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, Func<double, string> format)
    {
        const double barHeight = 14;
        const double gap = 7;
        var labelWidth = Math.Min(Width * 0.3, labels.Max(l => _graphics.MeasureString(l, _small).Width) + 6);
        var totalWidth = 70.0;
        var plotWidth = Width - labelWidth - totalWidth;
        var totals = labels.Select((_, i) => series.Sum(s => Math.Max(0, s.Values[i]))).ToArray();
        var max = Math.Max(totals.DefaultIfEmpty(0).Max(), 1e-9);
        EnsureSpace(StackedBarsHeight(labels.Count));

        for (var i = 0; i < labels.Count; i++)
        {
            var top = _y + (i * (barHeight + gap));
            _graphics.DrawString(Fit(labels[i], _small, labelWidth - 4), _small, XBrushes.Black, new XRect(Left, top, labelWidth - 4, barHeight), XStringFormats.CenterLeft);
            var x = Left + labelWidth;
            for (var s = 0; s < series.Count; s++)
            {
                var width = plotWidth * Math.Max(0, series[s].Values[i]) / max;
                if (width <= 0)
                {
                    continue;
                }

                _graphics.DrawRectangle(new XPen(XColors.White, 0.4), new XSolidBrush(Colour(series[s].Colour)), x, top, width, barHeight);
                x += width;
            }

            _graphics.DrawString(format(totals[i]), _small, XBrushes.Black, new XRect(x + 4, top, totalWidth, barHeight), XStringFormats.CenterLeft);
        }

        _y += (labels.Count * (barHeight + gap)) + 4;
        var legendX = Left + labelWidth;
        for (var s = 0; s < series.Count; s++)
        {
            var text = series[s].Name;
            var width = _graphics.MeasureString(text, _small).Width + 22;
            if (legendX + width > Left + Width)
            {
                legendX = Left + labelWidth;
                _y += 12;
            }

            _graphics.DrawRectangle(new XPen(XColors.Black, 0.3), new XSolidBrush(Colour(series[s].Colour)), legendX, _y + 2, 8, 8);
            _graphics.DrawString(text, _small, XBrushes.Black, new XRect(legendX + 11, _y, width, 12), XStringFormats.CenterLeft);
            legendX += width;
        }

        _y += 20;
    }

    /// <summary>Numbers every page and writes the footer, then returns the finished file.</summary>
    public byte[] Finish(string footer)
    {
        _graphics.Dispose();
        for (var i = 0; i < _document.PageCount; i++)
        {
            var page = _document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin - 10;
            graphics.DrawLine(new XPen(XColors.Gray, 0.4), Margin, y - 2, page.Width.Point - Margin, y - 2);
            var number = $"Page {i + 1} of {_document.PageCount}";
            var numberWidth = graphics.MeasureString(number, _small).Width;
            graphics.DrawString(Fit(footer, _small, page.Width.Point - (2 * Margin) - numberWidth - 12), _small, XBrushes.DimGray,
                new XRect(Margin, y, page.Width.Point - (2 * Margin), 12), XStringFormats.TopLeft);
            graphics.DrawString(number, _small, XBrushes.DimGray, new XRect(Margin, y, page.Width.Point - (2 * Margin), 12), XStringFormats.TopRight);
        }

        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = _paper == PaperSize.Letter ? PdfSharp.PageSize.Letter : PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    private void EnsureSpace(double height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    private void Write(string text, XFont font, XBrush brush)
    {
        var lineHeight = font.GetHeight() * 1.15;
        foreach (var line in Wrap(text, font, Width))
        {
            EnsureSpace(lineHeight);
            _graphics.DrawString(line, font, brush, new XRect(Left, _y, Width, lineHeight), XStringFormats.TopLeft);
            _y += lineHeight;
        }
    }

    private double RowHeight(double[] widths, TableRow row)
    {
        var font = row.Bold || row.Highlight || row.Section ? _bold : _body;
        var lines = row.Cells.Select((cell, i) => CellLines(cell, font, widths[i] - (2 * CellPadding)).Count).DefaultIfEmpty(1).Max();
        return (lines * font.GetHeight() * 1.15) + (2 * CellPadding);
    }

    private void DrawRow(IReadOnlyList<TableColumn> columns, double[] widths, TableRow row, bool isHeader)
    {
        var font = row.Bold || row.Highlight || row.Section ? _bold : _body;
        var height = RowHeight(widths, row);
        if (isHeader || row.Section || row.Highlight)
        {
            var shade = isHeader ? XColor.FromArgb(225, 228, 235) : row.Section ? XColor.FromArgb(240, 240, 240) : XColor.FromArgb(255, 236, 179);
            _graphics.DrawRectangle(new XSolidBrush(shade), Left, _y, Width, height);
        }

        var x = Left;
        for (var i = 0; i < columns.Count; i++)
        {
            var lineHeight = font.GetHeight() * 1.15;
            var lines = CellLines(i < row.Cells.Count ? row.Cells[i] : "", font, widths[i] - (2 * CellPadding));
            for (var l = 0; l < lines.Count; l++)
            {
                var rect = new XRect(x + CellPadding, _y + CellPadding + (l * lineHeight), widths[i] - (2 * CellPadding), lineHeight);
                _graphics.DrawString(lines[l], font, XBrushes.Black, rect, columns[i].AlignRight && !row.Section ? XStringFormats.TopRight : XStringFormats.TopLeft);
            }

            x += widths[i];
        }

        _graphics.DrawLine(new XPen(XColor.FromArgb(200, 200, 200), 0.4), Left, _y + height, Left + Width, _y + height);
        _y += height;
    }

    /// <summary>
    /// A cell's wrapped lines, cut with an ellipsis at a third of a page: rows never break across pages, and a
    /// header and a row must fit on one together.
    /// </summary>
    private List<string> CellLines(string text, XFont font, double width)
    {
        var lines = Wrap(text, font, width);
        var most = Math.Max(1, (int)((Bottom - Margin) / 3 / (font.GetHeight() * 1.15)));
        if (lines.Count > most)
        {
            lines.RemoveRange(most, lines.Count - most);
            lines[^1] = Fit(lines[^1] + "…", font, width);
        }

        return lines;
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>, splitting words that are longer. Each line
    /// costs a handful of measurements of about a line's length, so the work grows with the text, not its square.
    /// </summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Fits(candidate, font, width))
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                var start = 0;
                for (var length = FittingLength(word, font, width, ""); start + length < word.Length; length = FittingLength(word.AsSpan(start), font, width, ""))
                {
                    lines.Add(word.Substring(start, length));
                    start += length;
                }

                line = word[start..];
            }

            lines.Add(line);
        }

        return lines;
    }

    private string Fit(string text, XFont font, double width) =>
        Fits(text, font, width) ? text : string.Concat(text.AsSpan(0, FittingLength(text, font, width, "…")), "…");

    private bool Fits(ReadOnlySpan<char> text, XFont font, double width) =>
        _graphics.MeasureString(text.ToString(), font).Width <= width;

    /// <summary>
    /// The longest prefix of <paramref name="text"/> that fits with <paramref name="suffix"/> after it, at least one
    /// character: doubling finds a length that is too long, then halving narrows in, so an unbroken run of any
    /// length takes O(log n) measurements of strings no longer than twice what fits.
    /// </summary>
    private int FittingLength(ReadOnlySpan<char> text, XFont font, double width, string suffix)
    {
        var fits = 0;
        var tooLong = text.Length + 1;
        for (var probe = 1; fits < text.Length; probe *= 2)
        {
            var length = Math.Min(probe, text.Length);
            if (!Fits(string.Concat(text[..length], suffix), font, width))
            {
                tooLong = length;
                break;
            }

            fits = length;
        }

        while (tooLong - fits > 1)
        {
            var middle = fits + ((tooLong - fits) / 2);
            if (Fits(string.Concat(text[..middle], suffix), font, width))
            {
                fits = middle;
            }
            else
            {
                tooLong = middle;
            }
        }

        return Math.Max(1, fits);
    }
}
