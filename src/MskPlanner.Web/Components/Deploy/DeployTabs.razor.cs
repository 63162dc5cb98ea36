using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

using MskPlanner.Deployment;

namespace MskPlanner.Web.Components.Deploy;

/// <summary>
/// The review and the deploy files, a tab each. Only the open tab's content is written, and the tabs are drawn
/// again only when it changed: most keystrokes leave the cluster's review and files as they were, and redrawing
/// the tabs, the review's list and their icons anyway was 50 of a keystroke's 184 component renders.
/// </summary>
public partial class DeployTabs
{
    /// <summary>The tabs in order; the review is not an export of its own.</summary>
    private static readonly (string Title, ExportKind? Kind)[] Tabs =
    [
        ("Review", null),
        ("Terraform", ExportKind.Terraform),
        ("CloudFormation", ExportKind.CloudFormation),
        ("CLI", ExportKind.Cli),
        ("Alarms", ExportKind.Alarms),
        ("Load test", ExportKind.LoadTest),
        ("Migration", ExportKind.Migration),
    ];

    private readonly ElementReference[] _tabs = new ElementReference[Tabs.Length];
    private View _view = View.Empty;

    [Parameter, EditorRequired] public ClusterBlueprint Plan { get; set; } = default!;

    protected override View Shown => _view;

    protected override bool Same(View onScreen, View now) => now.Shows(onScreen);

    /// <summary>The Migration tab, last, is there only for a plan that moves from a running cluster.</summary>
    private int TabCount => Plan.Migration is null ? Tabs.Length - 1 : Tabs.Length;

    protected override void OnParametersSet() => _view = View.Of(Plan, _view.Tab < TabCount ? _view.Tab : 0);

    private static string TabId(int tab) => $"deploy-tab-{tab}";

    private void SelectTab(int tab) => _view = View.Of(Plan, tab);

    /// <summary>
    /// The arrow keys move between the tabs, and Home and End go to the first and the last, opening the tab they land
    /// on; Tab itself leaves the tab list for the open panel (only the open tab is in the tab order).
    /// </summary>
    private async Task MoveAsync(int from, KeyboardEventArgs key)
    {
        int? to = key.Key switch
        {
            "ArrowRight" => (from + 1) % TabCount,
            "ArrowLeft" => (from + TabCount - 1) % TabCount,
            "Home" => 0,
            "End" => TabCount - 1,
            _ => null,
        };
        if (to is int tab)
        {
            SelectTab(tab);
            StateHasChanged();
            // Let the render that makes the tab the one in the tab order go out before the focus follows it.
            await Task.Yield();
            try
            {
                await _tabs[tab].FocusAsync();
            }
            catch (JSDisconnectedException)
            {
                // The page closed after the key: there is nothing left to focus.
            }
        }
    }

    /// <summary>The open tab and what it holds.</summary>
    public sealed record View(int Tab, IReadOnlyList<ReviewItem> Review, IReadOnlyList<Alarm> Alarms, IReadOnlyList<DeployFile> Files)
    {
        public static readonly View Empty = new(0, [], [], []);

        public static View Of(ClusterBlueprint plan, int tab) => Tabs[tab].Kind switch
        {
            null => Empty with { Tab = tab, Review = PlanReview.For(plan) },
            ExportKind.Alarms => Empty with { Tab = tab, Alarms = MskPlanner.Deployment.Alarms.For(plan), Files = DeployFiles.For(plan, ExportKind.Alarms) },
            { } kind => Empty with { Tab = tab, Files = DeployFiles.For(plan, kind) },
        };

        /// <summary>Shows the same as the other (records compare lists by reference, not by what they hold).</summary>
        public bool Shows(View other) =>
            Tab == other.Tab && Review.SequenceEqual(other.Review) && Alarms.SequenceEqual(other.Alarms) && Files.SequenceEqual(other.Files);
    }
}
