using System.Globalization;

using MskPlanner.Sizing;

namespace MskPlanner.Reports;

/// <summary>A row of what the plans cost and are costed by, the same on the page and in the PDF.</summary>
/// <param name="Key">Names the row for tests and styles: "monthly", "costStorage", "pick-m5".</param>
public sealed record CostRow(string Key, string Label, IReadOnlyList<string> Values, bool Total = false);

/// <summary>The comparison's rows of figures, which the compare page and the comparison PDF both show.</summary>
public static class ComparisonRows
{
    /// <summary>
    /// The verdict, shown before the inputs: the totals and the difference from the first plan, then what each plan
    /// is costed by and its cost parts.
    /// </summary>
    public static IReadOnlyList<CostRow> Costs(Comparison comparison)
    {
        var columns = comparison.Columns;
        CostRow Row(string key, string label, Func<ComparisonColumn, string> value, bool total = false) => new(key, label, [.. columns.Select(value)], total);

        return
        [
            Row("monthly", "Monthly total", c => Figures.Usd(c.Monthly), total: true),
            Row("yearly", "Yearly total", c => Figures.Usd(c.Monthly * 12), total: true),
            .. columns.Any(c => c.Result.Growth is not null) ? [Row("overHorizon", "With growth", c => c.OverHorizonText, total: true)] : Array.Empty<CostRow>(),
            new("difference", $"Monthly difference from {columns[0].Label}", [.. columns.Select((_, i) => Difference(comparison, i))], Total: true),
            Row("instanceType", "Broker type", c => c.Headline?.Option?.Type.Name ?? "none available"),
            Row("brokers", "Brokers", c => c.Headline?.Option is { } o ? Figures.Number(o.Brokers) : ""),
            Row("bindingLimit", "Binding limit", c => c.Headline?.Option is { } o ? Names.Of(o.BindingLimit).Label : ""),
            .. CostParts.All.Select(p => Row($"cost{char.ToUpperInvariant(p.Key[0])}{p.Key[1..]}", $"{p.Name} / month",
                c => c.Headline?.Option?.MonthlyCost is { } cost ? Figures.Usd(p.Value(cost)) : "")),
            Row("serverless", "MSK Serverless instead", c => c.Result.Serverless?.Summary ?? ""),
            .. columns.Any(c => c.Result.Input.Migration is not null) ? [Row("migration", "The move (parallel run)", c => MoveText(c), total: true)] : Array.Empty<CostRow>(),
        ];
    }

    /// <summary>"$12,345.67 over 14 days, MSK Replicator" for a plan that moves onto MSK, why not when its tool cannot serve it, empty for one that does not move.</summary>
    private static string MoveText(ComparisonColumn column)
    {
        if (MigrationEngine.For(column.Result, column.Family) is not { } move)
        {
            return "";
        }

        var tool = MigrationEngine.ToolName(move.Input.Tool);
        return move.Cost is { } cost
            ? $"{Figures.Usd(cost.Total)} over {move.Input.ParallelRunDays} days, {tool}"
            : move.ToolProblem is not null ? $"{tool} cannot serve it" : "not costed";
    }

    /// <summary>Each family's recommended pick in every plan.</summary>
    public static IReadOnlyList<CostRow> Picks(Comparison comparison) =>
    [
        .. Enum.GetValues<BrokerFamily>().Select(family => new CostRow($"pick-{family.ToString().ToLowerInvariant()}", family.ToString(),
            [.. comparison.Columns.Select(c => c.Result.Recommended.Single(r => r.Family == family) is { Option: { } o } pick
                ? $"{Figures.Number(o.Brokers)} × {o.Type.Name}, {Figures.Usd(o.MonthlyCost?.Total)}{(pick.Split is { } s ? $" ({s.Clusters} clusters)" : "")}"
                : "not available")])),
    ];

    /// <summary>"+$1,234.56 (+12.3%)" against the first plan; empty in the first column.</summary>
    private static string Difference(Comparison comparison, int column)
    {
        if (column == 0)
        {
            return "";
        }

        var (amount, percent) = comparison.DifferenceFromFirst(column);
        return amount is { } a
            ? $"{Figures.SignedUsd(a)} ({(percent is { } p ? p.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "n/a")})"
            : "n/a";
    }
}
