using MskPlanner.Sizing;

namespace MskPlanner.Reports.Tests;

/// <summary>
/// Text with no place to break. Cutting it a character at a time once took minutes of CPU for a few thousand
/// characters; a minute's bound on each PDF turns that hang into a failure, and is no speed target (the report
/// benchmark measures speed). xunit's own Timeout is not kept while tests run in parallel.
/// </summary>
public class LongTextTests
{
    private static readonly SizingRequest Workload = new() { AvgDataInMiBps = 60, Partitions = 1200 };

    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task An_unbroken_description_of_200000_characters_wraps_onto_the_page_without_losing_a_character()
    {
        var description = Unbroken(199_999);
        var report = Reports.Plan(Workload) with { Description = description };

        var pdf = await Task.Run(() => ReadBack.Read(Reports.Renderer().PlanSummary(report))).WaitAsync(Hang);

        Assert.True(pdf.LettersInsidePage);
        Assert.Equal(description, LongestRun(pdf.All));
    }

    [Fact]
    public async Task An_unbroken_comparison_label_of_200000_characters_is_cut_with_an_ellipsis_and_stays_on_the_page()
    {
        var label = Unbroken(199_999);
        var report = Reports.Comparison((label, Workload), ("short", Workload with { RetentionHours = 24 }));

        var pdf = await Task.Run(() => ReadBack.Read(Reports.Renderer().ComparisonSummary(report))).WaitAsync(Hang);

        Assert.True(pdf.LettersInsidePage);
        Assert.Contains("…", pdf.All, StringComparison.Ordinal);
        Assert.StartsWith(LongestRun(pdf.All), label, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_as_long_as_the_api_allows_is_kept_whole_in_the_comparison_table()
    {
        var label = Unbroken(119);
        var report = Reports.Comparison((label, Workload), ("short", Workload with { RetentionHours = 24 }));

        var pdf = ReadBack.Read(Reports.Renderer().ComparisonSummary(report));

        Assert.True(pdf.LettersInsidePage);
        Assert.Equal(label, LongestRun(pdf.All));
    }

    [Fact]
    public void Wrapped_lines_join_back_into_the_text_in_order()
    {
        var text = "short words then " + Unbroken(2_999) + " and more";
        var report = Reports.Plan(Workload) with { Description = text };

        var pdf = ReadBack.Read(Reports.Renderer().PlanSummary(report));

        Assert.Contains("short words then", pdf.All, StringComparison.Ordinal);
        Assert.Equal(Unbroken(2_999), LongestRun(pdf.All));
        Assert.Contains("and more", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_names_and_labels_is_printed_as_the_characters_typed()
    {
        const string hostile = "<script>alert(1)</script>\"'><svg onload=alert(2)>";
        var plan = ReadBack.Read(Reports.Renderer().PlanSummary(Reports.Plan(Workload, name: hostile) with { Description = hostile }));
        var comparison = ReadBack.Read(Reports.Renderer().ComparisonSummary(Reports.Comparison((hostile, Workload), ("b", Workload with { RetentionHours = 24 }))));

        Assert.Contains("<script>alert(1)</script>\"'><svg", plan.All, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>\"'><svg", comparison.All, StringComparison.Ordinal);
    }

    /// <summary>Greek letters, which nothing else in a report uses, in a cycle: a character dropped or repeated at a break shows.</summary>
    private const string Cycle = "αβγδεζηθικ";

    private static string Unbroken(int length) => string.Create(length, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Cycle[i % Cycle.Length];
        }
    });

    /// <summary>The cycle's letters, joined across the line and page breaks that split them, in order.</summary>
    private static string LongestRun(string text)
    {
        var runs = text.Split(' ', '\n')
            .Where(w => w.Length > 0 && w.All(c => Cycle.Contains(c, StringComparison.Ordinal)))
            .ToList();
        var best = "";
        var current = new System.Text.StringBuilder();
        foreach (var run in runs)
        {
            if (current.Length > 0 && run[0] != Cycle[(Cycle.IndexOf(current[^1], StringComparison.Ordinal) + 1) % Cycle.Length])
            {
                best = current.Length > best.Length ? current.ToString() : best;
                current.Clear();
            }

            current.Append(run);
        }

        return current.Length > best.Length ? current.ToString() : best;
    }
}
