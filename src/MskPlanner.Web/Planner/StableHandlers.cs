namespace MskPlanner.Web.Planner;

/// <summary>
/// Click handlers that stay the same object from one render to the next. A lambda that captures a loop variable is
/// a new delegate on every render, and Blazor then sends every such button's handler to the browser again: with a
/// button on each of the results' figures, that was a fifth of a keystroke's time.
/// </summary>
public sealed class StableHandlers(Func<string, Task> act)
{
    private readonly Dictionary<string, Func<Task>> _handlers = new(StringComparer.Ordinal);

    /// <summary>The handler for <paramref name="key"/>; it reads the component's state when clicked, not when drawn.</summary>
    public Func<Task> For(string key)
    {
        if (!_handlers.TryGetValue(key, out var handler))
        {
            handler = () => act(key);
            _handlers[key] = handler;
        }

        return handler;
    }
}
