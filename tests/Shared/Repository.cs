namespace MskPlanner.Testing;

/// <summary>The checkout the tests run from: where the solution, the docs and the app's build output are.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MskPlanner.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MskPlanner.sln not found above the test binaries.");
    }
}
