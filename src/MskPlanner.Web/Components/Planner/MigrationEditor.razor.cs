using Microsoft.AspNetCore.Components;

using MskPlanner.Sizing;
using MskPlanner.Web.Planner;

namespace MskPlanner.Web.Components.Planner;

/// <summary>Edits the plan's <c>migration</c>: every change replaces the request's section and sizes again, as the other inputs do.</summary>
public partial class MigrationEditor
{
    private bool _open;
    private bool _hadErrors;

    [Parameter, EditorRequired] public PlannerForm Form { get; set; } = new();

    [Parameter] public IReadOnlyDictionary<string, string> Errors { get; set; } = new Dictionary<string, string>();

    [Parameter] public EventCallback OnChange { get; set; }

    /// <summary>Tools the source or the new cluster rule out: listed, but not to be chosen, with why beside the results.</summary>
    [Parameter] public IReadOnlyList<UnavailableTool> UnavailableTools { get; set; } = [];

    private MigrationRequest? Move => Form.Request.Migration;

    /// <summary>A starting point a team edits: a self-managed cluster on EC2, MirrorMaker 2 on MSK Connect. The version is theirs to give.</summary>
    private static readonly MigrationRequest Starter = new()
    {
        Source = new MigrationSourceRequest { Kind = Name(MigrationSourceKind.Ec2), InstanceType = "m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 1000 },
        Replication = Name(ReplicationTool.MskConnect),
    };

    /// <summary>A new problem in the section opens it, as the catalog's sections do, or the user could not find the message.</summary>
    protected override void OnParametersSet()
    {
        var hasErrors = Errors.Keys.Any(k => k.StartsWith(MigrationRequest.Key + ".", StringComparison.Ordinal));
        _open |= hasErrors && !_hadErrors;
        _hadErrors = hasErrors;
    }

    private static string Name<T>(T value)
        where T : struct, Enum => ClusterChoices.NameOf(value);

    private static string Key(string field) => MigrationRequest.Field(field);

    private bool Has(string field) => Errors.ContainsKey(Key(field));

    private string? Error(string field) => Errors.GetValueOrDefault(Key(field));

    private bool RuledOut(ReplicationTool tool) => UnavailableTools.Any(t => t.Tool == tool);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IEnumerable<string> SourceTypes(string? kind) => kind == Name(MigrationSourceKind.Msk)
        ? BrokerCatalog.All.Select(t => t.Name)
        : MigrationLimits.Ec2Types.Keys;

    private static bool NeedsVolume(MigrationSourceRequest source) =>
        source.Kind == Name(MigrationSourceKind.Ec2)
        || (source.Kind == Name(MigrationSourceKind.Msk) && BrokerCatalog.Find(source.InstanceType ?? "")?.Class != BrokerClass.Express);

    private Task SwitchAsync(bool on) => MoveAsync(on ? Starter : null);

    /// <summary>A new kind clears what only the old kind had: its type, volume, cost and location.</summary>
    private Task SourceAsync(MigrationSourceRequest source)
    {
        var move = Move!;
        if (source.Kind != move.Source?.Kind)
        {
            var onPremises = source.Kind == Name(MigrationSourceKind.OnPremises);
            // The starter's EC2 size, or the MSK broker type of that size.
            var starter = Starter.Source!;
            source = source with
            {
                InstanceType = onPremises ? null : source.Kind == Name(MigrationSourceKind.Msk) ? $"kafka.{starter.InstanceType}" : starter.InstanceType,
                Brokers = onPremises ? null : source.Brokers ?? starter.Brokers,
                VolumeGiBPerBroker = onPremises ? null : source.VolumeGiBPerBroker ?? starter.VolumeGiBPerBroker,
                MonthlyCost = null,
            };
            move = move with { Location = null, TransferUsdPerGb = null };
        }

        if (BrokerCatalog.Find(source.InstanceType ?? "")?.Class == BrokerClass.Express)
        {
            source = source with { VolumeGiBPerBroker = null };
        }

        return MoveAsync(move with { Source = source });
    }

    private Task MoveAsync(MigrationRequest? move)
    {
        Form.Request = Form.Request with { Migration = move };
        return OnChange.InvokeAsync();
    }
}
