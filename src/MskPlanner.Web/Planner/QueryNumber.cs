using System.Globalization;

namespace MskPlanner.Web.Planner;

/// <summary>A whole number from a page's address, where anything may have been typed.</summary>
public static class QueryNumber
{
    /// <summary>Absent, or a plain positive whole number.</summary>
    public static bool IsValid(string? text) => string.IsNullOrEmpty(text) || Parse(text) is not null;

    public static int? Parse(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
}
