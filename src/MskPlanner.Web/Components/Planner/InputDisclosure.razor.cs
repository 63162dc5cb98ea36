using Microsoft.AspNetCore.Components;

using MskPlanner.Sizing;
using MskPlanner.Web.Planner;

namespace MskPlanner.Web.Components.Planner;

/// <summary>One section of the catalog's inputs behind a button that shows and hides them.</summary>
public partial class InputDisclosure
{
    private bool _open;
    private bool _hadErrors;

    [Parameter, EditorRequired] public InputSection Section { get; set; }

    [Parameter, EditorRequired] public string Title { get; set; } = "";

    /// <summary>The id of the fields' container; also what tests find the button by.</summary>
    [Parameter, EditorRequired] public string FieldsId { get; set; } = "";

    [Parameter, EditorRequired] public string TestId { get; set; } = "";

    [Parameter, EditorRequired] public PlannerForm Form { get; set; } = new();

    [Parameter] public IReadOnlyDictionary<string, string> Errors { get; set; } = new Dictionary<string, string>();

    [Parameter] public EventCallback OnChange { get; set; }

    /// <summary>
    /// A field with a new problem opens the section, or the user cannot find the message; otherwise it stays as the
    /// user left it (it closed itself, and dropped focus, when such a field became valid).
    /// </summary>
    protected override void OnParametersSet()
    {
        var hasErrors = Errors.Keys.Any(k => InputCatalog.Find(k)?.Section == Section);
        _open |= hasErrors && !_hadErrors;
        _hadErrors = hasErrors;
    }
}
