using Microsoft.AspNetCore.Components;

using MskPlanner.Sizing;
using MskPlanner.Web.Planner;

namespace MskPlanner.Web.Components.Planner;

/// <summary>The workload's inputs, basic ones first, then the advanced ones, growth and the cluster's settings, each behind its own button, as the catalog orders them.</summary>
public partial class PlannerInputs
{
    /// <summary>Tiered storage starts with a day on broker disks (or the whole retention, if shorter).</summary>
    private const double DefaultLocalHours = 24;

    [Parameter, EditorRequired] public PlannerForm Form { get; set; } = new();

    [Parameter] public IReadOnlyDictionary<string, string> Errors { get; set; } = new Dictionary<string, string>();

    [Parameter] public EventCallback OnChange { get; set; }

    /// <summary>The replication tools the plan's source and cluster rule out, which the migration section offers only as disabled.</summary>
    [Parameter] public IReadOnlyList<UnavailableTool> UnavailableTools { get; set; } = [];

    private SizingRequest Request => Form.Request;

    private string PartitionHelper
    {
        get
        {
            var replicationFactor = Request.ReplicationFactor ?? InputCatalog.ReplicationFactor.Default;
            return Request.LeaderPartitions is int leaders
                ? $"{leaders:N0} leader partitions = {(long)leaders * replicationFactor:N0} replicas at RF {replicationFactor}"
                : InputCatalog.LeaderPartitions.Help ?? "";
        }
    }

    private bool Tiered => Request.PrimaryRetentionHours is not null;

    private string TieredHelper => Request.RetentionHours is double retention && Request.PrimaryRetentionHours is double local && retention > local
        ? $"The other {Figures.Number(retention - local)} hours of the retention go to tiered storage"
        : "The rest of the retention goes to tiered storage";

    /// <summary>On: a day on broker disks (or the whole retention, if shorter) to start from; off: all on disks.</summary>
    private Task TieredChangedAsync(bool on)
    {
        var local = Math.Min(DefaultLocalHours, Request.RetentionHours ?? InputLimits.DefaultRetentionHours);
        Form.Request = InputCatalog.PrimaryRetention.With(Request, on ? local : null);
        return OnChange.InvokeAsync();
    }
}
