using MskPlanner.Sizing;

namespace MskPlanner.Import;

/// <summary>One limit of a plan against the running cluster: the demand the plan was sized for and the one measured, on the plan's brokers.</summary>
public sealed record LimitDrift(double Planned, double Measured, string Unit, double Drift, double Capacity, double Headroom, double? MonthsLeft);

/// <summary>
/// Holds a saved plan against what its cluster measures: both workloads sized on the plan's broker type, so each
/// limit compares like with like (the demand the engine derives, replication and fan-out included). A drift past
/// <see cref="DriftFlag"/> either way is flagged, as is a limit the measured growth would reach within the plan's horizon.
/// </summary>
public static class PlanCheck
{
    /// <summary>The drift the issue's reviewers asked to be flagged: a fifth either way.</summary>
    public const double DriftFlag = 0.20;

    public static (IReadOnlyDictionary<string, LimitDrift> Limits, IReadOnlyList<string> Flags) Compare(BrokerOption planned, BrokerOption measured, SizingInput plan)
    {
        var limits = new Dictionary<string, LimitDrift>(StringComparer.Ordinal);
        var flags = new List<string>();
        foreach (var limit in planned.Limits)
        {
            if (measured.Limits.FirstOrDefault(l => l.Kind == limit.Kind) is not { } now || limit.Demand <= 0)
            {
                continue;
            }

            var text = Names.Of(limit.Kind);
            var capacity = limit.CapacityPerBroker * planned.Brokers;
            var drift = (now.Demand / limit.Demand) - 1;
            var headroom = capacity > 0 ? 1 - (now.Demand / capacity) : 0;
            var months = MonthsLeft(now.Demand, capacity, limit.Kind == LimitKind.Egress ? plan.MonthlyGrowthPercentOut ?? plan.MonthlyGrowthPercent : plan.MonthlyGrowthPercent);
            limits[text.Key] = new LimitDrift(limit.Demand, now.Demand, limit.Unit, drift, capacity, headroom, months);
            if (Math.Abs(drift) > DriftFlag)
            {
                flags.Add($"{text.Label}: measured {Figures.Number(now.Demand, "#,0.##")} {limit.Unit} against {Figures.Number(limit.Demand, "#,0.##")} planned ({drift:+0%;-0%}).");
            }

            if (now.Demand >= capacity)
            {
                flags.Add($"{text.Label}: the measured demand already needs more than the plan's {planned.Brokers} brokers carry.");
            }
            else if (months is { } left && left <= plan.HorizonMonths)
            {
                flags.Add($"{text.Label}: at the planned growth the measured demand outgrows the plan's brokers in {Math.Floor(left)} months, within the {plan.HorizonMonths}-month horizon.");
            }
        }

        return (limits, flags);
    }

    /// <summary>Months until demand growing by <paramref name="growthPercent"/> a month reaches capacity; null without growth.</summary>
    private static double? MonthsLeft(double demand, double capacity, double? growthPercent) =>
        growthPercent is > 0 and var g && demand > 0 && demand < capacity ? Math.Log(capacity / demand) / Math.Log(1 + (g / 100)) : null;
}
