using MskPlanner.Sizing;

namespace MskPlanner.Import;

/// <summary>
/// One limit of a plan against the running cluster: the demand the plan was sized for and the one measured, what
/// the plan's brokers hold (<see cref="Capacity"/>), the share of it still free, and the months the plan's growth
/// takes to use it up.
/// </summary>
public sealed record LimitDrift(double Planned, double Measured, string Unit, double Drift, double Capacity, double Headroom, double? MonthsLeft);

/// <summary>The busiest broker's CPU (user + system, the peak statistic of its rates) against the ceiling MSK advises.</summary>
public sealed record CpuDrift(double Measured, double Ceiling, string Unit);

/// <summary>
/// Holds a saved plan against what its cluster measures: both workloads sized on the plan's broker type, so each
/// limit compares like with like (the demand the engine derives, replication and fan-out included). Storage compares
/// data on disk with the plan's volumes, since that is what runs out. A drift past <see cref="DriftFlag"/> either way
/// is flagged, as is a limit the measured demand already passes or that the plan's growth reaches within its horizon.
/// </summary>
public static class PlanCheck
{
    /// <summary>The drift the issue's reviewers asked to be flagged: a fifth either way.</summary>
    public const double DriftFlag = 0.20;

    public const string DiskUnit = "GiB on disk";

    public static (IReadOnlyDictionary<string, LimitDrift> Limits, IReadOnlyList<string> Flags) Compare(
        BrokerOption planned, BrokerOption measured, SizingInput plan, ClusterTraffic traffic, double cpuCeilingPercent)
    {
        var limits = new Dictionary<string, LimitDrift>(StringComparer.Ordinal);
        var flags = new List<string>();
        foreach (var limit in planned.Limits)
        {
            if (measured.Limits.FirstOrDefault(l => l.Kind == limit.Kind) is not { } now || limit.Demand <= 0
                || (limit.Kind == LimitKind.Partitions && traffic.LeaderPartitions is null))
            {
                continue;
            }

            var text = Names.Of(limit.Kind);
            var (plannedDemand, measuredDemand, capacity, unit) = limit.Kind == LimitKind.Storage
                ? (limit.Demand * plan.DiskUtilizationTarget, traffic.DiskUsedGiB ?? now.Demand * plan.DiskUtilizationTarget, planned.VolumePerBrokerGiB * planned.Brokers, DiskUnit)
                : (limit.Demand, now.Demand, limit.CapacityPerBroker * planned.Brokers, limit.Unit);
            var drift = (measuredDemand / plannedDemand) - 1;
            var headroom = capacity > 0 ? 1 - (measuredDemand / capacity) : 0;
            var months = MonthsLeft(measuredDemand, capacity, limit.Kind == LimitKind.Egress ? plan.MonthlyGrowthPercentOut ?? plan.MonthlyGrowthPercent : plan.MonthlyGrowthPercent);
            limits[text.Key] = new LimitDrift(plannedDemand, measuredDemand, unit, drift, capacity, headroom, months);
            if (Math.Abs(drift) > DriftFlag)
            {
                flags.Add($"{text.Label}: measured {Figures.Number(measuredDemand, "#,0.##")} {unit} against {Figures.Number(plannedDemand, "#,0.##")} planned ({drift:+0%;-0%}).");
            }

            if (measuredDemand >= capacity)
            {
                flags.Add($"{text.Label}: the measured demand already needs more than the plan's {planned.Brokers} brokers carry.");
            }
            else if (months is { } left && left <= plan.HorizonMonths)
            {
                flags.Add($"{text.Label}: at the planned growth the measured demand outgrows the plan's brokers in {Math.Floor(left)} months, within the {plan.HorizonMonths}-month horizon.");
            }
        }

        if (traffic.CpuPercent is { } cpu && cpu > cpuCeilingPercent)
        {
            flags.Add($"CPU: the busiest broker runs at {cpu:0.#}% (user + system), above the {cpuCeilingPercent:0}% MSK advises staying under.");
        }

        return (limits, flags);
    }

    /// <summary>Months until demand growing by <paramref name="growthPercent"/> a month reaches capacity; null without growth.</summary>
    private static double? MonthsLeft(double demand, double capacity, double? growthPercent) =>
        growthPercent is > 0 and var g && demand > 0 && demand < capacity ? Math.Log(capacity / demand) / Math.Log(1 + (g / 100)) : null;
}
