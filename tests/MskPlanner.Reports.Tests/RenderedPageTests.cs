using System.Diagnostics;

namespace MskPlanner.Reports.Tests;

/// <summary>
/// The pages as a printer sees them: rendered to images by poppler's pdftoppm (Debian's poppler-utils, which
/// .ci/run installs), then checked for the basics a layout regression breaks.
/// </summary>
public sealed class RenderedPageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mskplanner-pdf", Guid.NewGuid().ToString("N"));

    public RenderedPageTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_page_of_a_plan_summary_renders_with_ink_inside_the_margins()
    {
        var pdf = Reports.Renderer().PlanSummary(Reports.Plan(new() { AvgDataInMiBps = 100, AvgDataOutMiBps = 500, Partitions = 1000, RetentionHours = 24 }));

        var pages = Render(pdf);

        Assert.Equal(ReadBack.Read(pdf).Pages.Count, pages.Count);
        Assert.All(pages, page =>
        {
            Assert.True(page.InkShare > 0.01, $"page looks blank: {page.InkShare:P2} ink");
            Assert.True(page.InkInMargins < 0.002, $"ink in the margins: {page.InkInMargins:P2}");
        });
    }

    [Fact]
    public void A_comparison_renders_with_ink_inside_the_margins()
    {
        var pdf = Reports.Renderer().ComparisonSummary(Reports.Comparison(
            ("M5", new() { AvgDataInMiBps = 30, Partitions = 600 }),
            ("T3", new() { AvgDataInMiBps = 3, Partitions = 100 })));

        Assert.All(Render(pdf), page =>
        {
            Assert.True(page.InkShare > 0.01);
            Assert.True(page.InkInMargins < 0.002);
        });
    }

    private List<RenderedPage> Render(byte[] pdf)
    {
        var file = Path.Combine(_folder, "report.pdf");
        File.WriteAllBytes(file, pdf);
        using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", "40", "-gray", file, Path.Combine(_folder, "page")]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("pdftoppm did not start: install poppler-utils.");
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return [.. Directory.GetFiles(_folder, "page-*.pgm").Order().Select(RenderedPage.Read)];
    }

    /// <summary>A greyscale page image (binary PGM, as pdftoppm -gray writes it).</summary>
    private sealed record RenderedPage(double InkShare, double InkInMargins)
    {
        public static RenderedPage Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            var (width, height, offset) = Header(bytes);
            var marginX = (int)(width * 30.0 / 595);
            var marginY = (int)(height * 30.0 / 842);
            long ink = 0, marginInk = 0;
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    if (bytes[offset + (y * width) + x] < 200)
                    {
                        ink++;
                        if (x < marginX || x >= width - marginX || y < marginY || y >= height - marginY)
                        {
                            marginInk++;
                        }
                    }
                }
            }

            return new RenderedPage(ink / (double)(width * height), marginInk / (double)(width * height));
        }

        private static (int Width, int Height, int Offset) Header(byte[] bytes)
        {
            var fields = new List<int>();
            var i = 2;
            while (fields.Count < 3)
            {
                while (char.IsWhiteSpace((char)bytes[i]))
                {
                    i++;
                }

                var start = i;
                while (!char.IsWhiteSpace((char)bytes[i]))
                {
                    i++;
                }

                fields.Add(int.Parse(System.Text.Encoding.ASCII.GetString(bytes, start, i - start), System.Globalization.CultureInfo.InvariantCulture));
            }

            return (fields[0], fields[1], i + 1);
        }
    }
}
