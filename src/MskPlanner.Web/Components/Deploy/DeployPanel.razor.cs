using Microsoft.AspNetCore.Components;

using MskPlanner.Deployment;
using MskPlanner.Sizing;

namespace MskPlanner.Web.Components.Deploy;

/// <summary>The hand-off from a plan to a running cluster: the best-practice review and the files to build, watch and prove it.</summary>
public partial class DeployPanel
{
    /// <summary>The cluster the results describe, or why it cannot be deployed as it stands.</summary>
    [Parameter, EditorRequired] public Outcome<ClusterBlueprint> Blueprint { get; set; } = default!;

    /// <summary>Where "All files (zip)" downloads from; null hides the button.</summary>
    [Parameter] public string? ZipHref { get; set; }

    private static string Summary(ClusterBlueprint plan) =>
        $"{plan.ClusterName}: {plan.BrokersPerCluster} × {plan.Type.Name}, Kafka {plan.KafkaVersion}, {plan.Zones} AZs" +
        (plan.Clusters > 1 ? $"; {plan.Clusters} clusters like it" : "");
}
