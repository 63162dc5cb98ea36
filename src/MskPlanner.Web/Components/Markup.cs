using Microsoft.AspNetCore.Components;

using MudBlazor;

namespace MskPlanner.Web.Components;

/// <summary>
/// Pieces of MudBlazor's look drawn as markup inside the component that shows them. A MudIcon or MudButton is a
/// component that a live page keeps, with its render tree and parameter state, for as long as it is open; where it
/// only shows an icon or toggles a flag of its parent, the same HTML costs the page nothing of its own
/// (decision record 0011).
/// </summary>
public static class Markup
{
    private static readonly MarkupString ExpandMore = Icon(Icons.Material.Filled.ExpandMore, size: "medium");
    private static readonly MarkupString ExpandLess = Icon(Icons.Material.Filled.ExpandLess, size: "medium");

    /// <summary>Each severity's class name and icon, built once: the prices alert is drawn on every keystroke.</summary>
    private static readonly Dictionary<Severity, (string Name, MarkupString Icon)> AlertLooks = new()
    {
        [Severity.Normal] = ("normal", Icon(Icons.Material.Outlined.EventNote, size: "medium")),
        [Severity.Info] = ("info", Icon(Icons.Material.Outlined.Info, size: "medium")),
        [Severity.Success] = ("success", Icon(Icons.Custom.Uncategorized.AlertSuccess, size: "medium")),
        [Severity.Warning] = ("warning", Icon(Icons.Material.Outlined.ReportProblem, size: "medium")),
        [Severity.Error] = ("error", Icon(Icons.Material.Filled.ErrorOutline, size: "medium")),
    };

    /// <summary>The SVG MudIcon draws for one of MudBlazor's <c>Icons</c>, hidden from screen readers.</summary>
    /// <param name="icon">The SVG paths of a 24 px icon, from MudBlazor's <c>Icons</c>.</param>
    /// <param name="color">The palette's name for its colour (success, info, warning, error), or null to inherit it.</param>
    /// <param name="size">small, medium or large.</param>
    public static MarkupString Icon(string icon, string? color = null, string size = "small") =>
        new($"<svg class=\"mud-icon-root mud-svg-icon{(color is null ? "" : $" mud-{color}-text")} mud-icon-size-{size}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{icon}</svg>");

    /// <summary>
    /// A dense alert as MudAlert draws it (its classes and its severity's icon), for an alert a live page shows for as
    /// long as it is open: MudAlert is two components, itself and its MudIcon.
    /// </summary>
    public static RenderFragment Alert(Severity severity, RenderFragment content, string? cssClass = null, string? testId = null) => builder =>
    {
        var (name, icon) = AlertLooks[severity];
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", $"mud-alert mud-alert-text-{name} mud-dense mud-elevation-0{(cssClass is null ? "" : $" {cssClass}")}");
        builder.AddAttribute(2, "data-testid", testId);
        builder.OpenElement(3, "div");
        builder.AddAttribute(4, "class", "mud-alert-position justify-start");
        builder.OpenElement(5, "div");
        builder.AddAttribute(6, "class", "mud-alert-icon mud-alert-icon-left");
        builder.AddContent(7, icon);
        builder.CloseElement();
        builder.OpenElement(8, "div");
        builder.AddAttribute(9, "class", "mud-alert-message");
        builder.AddContent(10, content);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>
    /// A full-width text button that shows and hides a section, as a MudButton with an expand icon draws it, with
    /// <c>aria-expanded</c> and <c>aria-controls</c> so a screen reader announces what it opens.
    /// </summary>
    /// <param name="owner">The component whose flag it toggles: it draws again on a click.</param>
    public static RenderFragment DisclosureButton(IHandleEvent owner, string title, bool open, string controls, string testId, Action toggle) => builder =>
    {
        builder.OpenElement(0, "button");
        builder.AddAttribute(1, "type", "button");
        builder.AddAttribute(2, "class", "mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-medium mud-width-full mud-ripple mt-2");
        builder.AddAttribute(3, "aria-expanded", open ? "true" : "false");
        builder.AddAttribute(4, "aria-controls", controls);
        builder.AddAttribute(5, "data-testid", testId);
        builder.AddAttribute(6, "onclick", EventCallback.Factory.Create(owner, toggle));
        builder.OpenElement(7, "span");
        builder.AddAttribute(8, "class", "mud-button-label");
        builder.AddContent(9, title);
        builder.OpenElement(10, "span");
        builder.AddAttribute(11, "class", "mud-button-icon-end mud-button-icon-size-medium");
        builder.AddContent(12, open ? ExpandLess : ExpandMore);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };
}
