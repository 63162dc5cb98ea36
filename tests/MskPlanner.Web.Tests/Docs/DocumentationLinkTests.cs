using System.Text.RegularExpressions;

using MskPlanner.Testing;

namespace MskPlanner.Web.Tests.Docs;

/// <summary>The README and the docs pages link to each other and to files by relative paths; none may be broken.</summary>
public sealed partial class DocumentationLinkTests
{
    private static readonly string Root = Repository.Root;

    public static TheoryData<string> Pages =>
    [
        "README.md",
        .. Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f)),
        .. Directory.EnumerateFiles(Path.Combine(Root, "migrations"), "*.md").Select(f => Path.GetRelativePath(Root, f)),
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_leads_to_a_file_and_every_anchor_to_a_heading_there(string page)
    {
        var path = Path.Combine(Root, page);
        var text = File.ReadAllText(path);

        var broken = Links().Matches(WithoutCode(text))
            .Select(m => m.Groups["target"].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal))
            .Where(target => !Resolves(path, target))
            .ToList();

        Assert.True(broken.Count == 0, $"{page} links to what is not there: {string.Join(", ", broken)}");
    }

    [Fact]
    public void The_readme_keeps_to_what_a_first_hour_needs() =>
        Assert.InRange(new FileInfo(Path.Combine(Root, "README.md")).Length, 1_000, 10_000);

    private static bool Resolves(string from, string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var file = hash < 0 ? target : target[..hash];
        var anchor = hash < 0 ? null : target[(hash + 1)..];
        var resolved = file.Length == 0 ? from : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(from)!, Uri.UnescapeDataString(file)));
        if (!File.Exists(resolved) && !Directory.Exists(resolved))
        {
            return false;
        }

        return anchor is null || (File.Exists(resolved) && Headings(File.ReadAllText(resolved)).Contains(anchor));
    }

    /// <summary>GitHub's anchors: each heading lower-cased, without punctuation, spaces as hyphens.</summary>
    private static HashSet<string> Headings(string markdown) =>
    [
        .. HeadingLines().Matches(WithoutCode(markdown)).Select(m => Slug(m.Groups["title"].Value)),
    ];

    private static string Slug(string heading) =>
        NotInSlug().Replace(heading.Trim().ToLowerInvariant(), "").Replace(' ', '-');

    /// <summary>Fenced code holds shell and JSON, whose brackets are no links.</summary>
    private static string WithoutCode(string markdown) => Fences().Replace(markdown, "");

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Links();

    [GeneratedRegex(@"^#{1,6} (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex HeadingLines();

    [GeneratedRegex(@"[^\p{L}\p{N} _-]")]
    private static partial Regex NotInSlug();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fences();
}
