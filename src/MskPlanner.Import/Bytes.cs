namespace MskPlanner.Import;

/// <summary>The binary units every measurement is read into: the planner's figures are MiB/s and GiB.</summary>
internal static class Bytes
{
    public const double PerMiB = 1024 * 1024;

    public const double PerGiB = PerMiB * 1024;
}
