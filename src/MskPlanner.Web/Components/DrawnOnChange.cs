using Microsoft.AspNetCore.Components;

namespace MskPlanner.Web.Components;

/// <summary>
/// A component drawn again only when what it shows changed. The planner re-renders its tree on every keystroke,
/// and a component redrawn with nothing new still costs the server its render and diff, and gives its buttons new
/// handler ids that go into the batch (decision record 0010).
/// </summary>
/// <remarks>
/// The markup starts with <c>@{ var shown = Draw(); }</c> and reads what it shows from that value alone. A render is
/// skipped when <see cref="Shown"/> is the same as what the last render drew, so the comparison covers exactly what
/// is on the page: nothing drawn can be left out of it, and it is recorded as the render runs, not when the browser
/// acknowledges it, which in Blazor Server is a round trip later.
/// </remarks>
/// <typeparam name="TShown">A value that holds everything the component draws.</typeparam>
public abstract class DrawnOnChange<TShown> : ComponentBase
{
    private bool _drawn;
    private TShown _lastDrawn = default!;

    /// <summary>What the component would draw now.</summary>
    protected abstract TShown Shown { get; }

    /// <summary>Whether two values draw the same; by default their equality (a list compares by reference).</summary>
    protected virtual bool Same(TShown drawn, TShown now) => EqualityComparer<TShown>.Default.Equals(drawn, now);

    /// <summary>A render never asked for draws as well: a subclass whose markup does not call <see cref="Draw"/> is never skipped.</summary>
    protected override bool ShouldRender() => !_drawn || !Same(_lastDrawn, Shown);

    /// <summary>What this render draws, remembered as the one to compare the next render with.</summary>
    protected TShown Draw()
    {
        _lastDrawn = Shown;
        _drawn = true;
        return _lastDrawn;
    }
}
