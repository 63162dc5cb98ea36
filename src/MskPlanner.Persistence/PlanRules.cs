using MskPlanner.Sizing;

namespace MskPlanner.Persistence;

/// <summary>The limits on a plan's words, checked once for the API and the pages.</summary>
public static class PlanRules
{
    /// <summary>A comparison column's label is a name too, and as long at most.</summary>
    public const int LabelMaxLength = PlanEntity.NameMaxLength;

    public static IReadOnlyList<FieldError> Check(string? name, string? description, string? comment)
    {
        var errors = new List<FieldError>();
        if (CheckName("name", name) is { } nameError)
        {
            errors.Add(nameError);
        }

        if (description?.Length > PlanEntity.DescriptionMaxLength)
        {
            errors.Add(new("description", $"A description has at most {PlanEntity.DescriptionMaxLength} characters."));
        }
        else if (HasControlCharacters(description, allowLineBreaks: true))
        {
            errors.Add(new("description", "A description is text: line breaks and tabs, but no other control characters."));
        }

        if (comment?.Length > RevisionEntity.CommentMaxLength)
        {
            errors.Add(new("comment", $"A revision comment has at most {RevisionEntity.CommentMaxLength} characters."));
        }
        else if (HasControlCharacters(comment, allowLineBreaks: true))
        {
            errors.Add(new("comment", "A comment is text: line breaks and tabs, but no other control characters."));
        }

        return errors;
    }

    /// <summary>
    /// A plan's name wherever one arrives (a save, or the <c>plan</c> of an export's address, which reaches every
    /// file's comments): one line, without the control characters (ESC, BEL, OSC) a terminal would act on.
    /// </summary>
    public static FieldError? CheckName(string field, string? name) =>
        name is not null && string.IsNullOrWhiteSpace(name) ? new(field, "Give the plan a name.")
        : name?.Trim().Length > PlanEntity.NameMaxLength ? new(field, $"A plan name has at most {PlanEntity.NameMaxLength} characters.")
        : HasControlCharacters(name, allowLineBreaks: false) ? new(field, "A plan name is one line of text, without control characters.")
        : null;

    /// <summary>A comparison column's own label, when one is given instead of a saved plan's name.</summary>
    public static FieldError? CheckLabel(string field, string? label) =>
        label?.Length > LabelMaxLength ? new(field, $"A label has at most {LabelMaxLength} characters.")
        : HasControlCharacters(label, allowLineBreaks: false) ? new(field, "A label is one line of text, without control characters.")
        : null;

    /// <summary>
    /// What the plans list may search for: a name's worth of text. A NUL would end SQLite's LIKE pattern early
    /// and match every plan.
    /// </summary>
    public static FieldError? CheckSearch(string? search) =>
        search?.Length > PlanEntity.NameMaxLength ? new("search", $"Search for at most {PlanEntity.NameMaxLength} characters, as long as a plan name.")
        : HasControlCharacters(search, allowLineBreaks: false) ? new("search", "Search for text without control characters.")
        : null;

    internal static bool HasControlCharacters(string? text, bool allowLineBreaks) =>
        text is not null && text.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'));
}
