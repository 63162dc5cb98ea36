using Microsoft.AspNetCore.Components;

namespace MskPlanner.Web.Components;

/// <summary>
/// A MudBlazor icon beside a list item's status, as the markup MudIcon draws. A MudIcon is a component that a live
/// page keeps, with its render tree, for as long as it is open; the lists of advice and review findings had one per
/// item, and a status icon never changes or responds.
/// </summary>
public static class StatusIcon
{
    /// <param name="icon">One of MudBlazor's <c>Icons</c>: the SVG paths of a 24 px icon.</param>
    /// <param name="color">The palette's name for its colour: success, info, warning or error.</param>
    public static MarkupString Of(string icon, string color) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-{color}-text mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{icon}</svg>");
}
