using Microsoft.AspNetCore.Components;

using MskPlanner.Sizing;

namespace MskPlanner.Web.Components.Plans;

/// <summary>
/// Plans side by side, the verdict first: costs, the difference from the first plan and the picks, then the inputs
/// that differ. Inputs equal in every plan are folded away until asked for: they are most of the rows and tell the
/// plans apart not at all.
/// </summary>
public partial class ComparisonTable
{
    private bool _showEqual;

    [Parameter, EditorRequired] public Comparison Comparison { get; set; } = default!;

    private int Span => Comparison.Columns.Count + 1;

    private int EqualInputs => Comparison.Inputs.Count(r => !r.Differs);

    private void ToggleEqual() => _showEqual = !_showEqual;
}
