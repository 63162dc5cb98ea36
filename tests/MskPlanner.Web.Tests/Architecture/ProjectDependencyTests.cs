using System.Xml.Linq;

using MskPlanner.Testing;

namespace MskPlanner.Web.Tests.Architecture;

/// <summary>Dependencies point inward: the engine knows no other project, and only the web host knows them all.</summary>
public sealed class ProjectDependencyTests
{
    /// <summary>What each source project may reference; the web host, the composition root, may reference them all.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["MskPlanner.Sizing"] = [],
        ["MskPlanner.Pricing"] = ["MskPlanner.Sizing"],
        ["MskPlanner.Persistence"] = ["MskPlanner.Sizing"],
        ["MskPlanner.PriceStore"] = ["MskPlanner.Pricing", "MskPlanner.Persistence"],
        ["MskPlanner.Deployment"] = ["MskPlanner.Sizing"],
        ["MskPlanner.Reports"] = ["MskPlanner.Sizing", "MskPlanner.Deployment"],
        ["MskPlanner.Import"] = ["MskPlanner.Sizing"],
    };

    /// <summary>The test projects that test the web host itself, or drive it as a whole.</summary>
    private static readonly string[] WebHostTests = ["MskPlanner.Web.Tests", "MskPlanner.EndToEnd.Tests", "MskPlanner.Benchmarks"];

    public static TheoryData<string> SourceProjects => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void A_source_project_references_only_the_projects_further_in(string project)
    {
        var references = ProjectReferences(Path.Combine(Repository.Root, "src", project, $"{project}.csproj"));

        Assert.Empty(references.Except(Allowed[project]));
    }

    [Fact]
    public void Every_source_project_but_the_web_host_has_its_allowed_references_listed() =>
        Assert.Equal(
            [.. Allowed.Keys.Append("MskPlanner.Web").Order()],
            Directory.EnumerateDirectories(Path.Combine(Repository.Root, "src")).Select(Path.GetFileName).Order());

    [Fact]
    public void Only_the_tests_of_the_web_host_reference_it()
    {
        var referencing = Directory.EnumerateFiles(Path.Combine(Repository.Root, "tests"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => ProjectReferences(p).Contains("MskPlanner.Web"))
            .Select(Path.GetFileNameWithoutExtension);

        Assert.Empty(referencing.Except(WebHostTests));
    }

    private static List<string> ProjectReferences(string csproj) =>
        [.. XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .Where(name => name.StartsWith("MskPlanner.", StringComparison.Ordinal) && !name.StartsWith("MskPlanner.Migrations", StringComparison.Ordinal))];
}
