using Microsoft.AspNetCore.Components;

namespace MskPlanner.Web.Components;

/// <summary>
/// A component drawn again only when what it shows changed. The planner re-renders its tree on every keystroke,
/// and a component redrawn with nothing new still costs the server its render and diff, and gives its buttons new
/// handler ids that go into the batch. A subclass says what it shows (<see cref="Shown"/>); a render that would
/// show what was last drawn is skipped.
/// </summary>
/// <typeparam name="TShown">A value that holds everything the component draws.</typeparam>
public abstract class DrawnOnChange<TShown> : ComponentBase
{
    private bool _drawn;
    private TShown _onScreen = default!;

    /// <summary>What the component would draw now.</summary>
    protected abstract TShown Shown { get; }

    /// <summary>Whether two values draw the same; by default their equality (a list compares by reference).</summary>
    protected virtual bool Same(TShown onScreen, TShown now) => EqualityComparer<TShown>.Default.Equals(onScreen, now);

    protected override bool ShouldRender() => !_drawn || !Same(_onScreen, Shown);

    /// <summary>
    /// Remembered after the render, not when it was asked for: a render asked for by the component's own event
    /// runs later in the batch, with the parameters its parent gave it since, and that is what is on screen.
    /// </summary>
    protected override void OnAfterRender(bool firstRender)
    {
        _onScreen = Shown;
        _drawn = true;
    }
}
