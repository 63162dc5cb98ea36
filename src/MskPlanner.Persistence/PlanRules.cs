using MskPlanner.Sizing;

namespace MskPlanner.Persistence;

/// <summary>The limits on a plan's words, checked once for the API and the pages.</summary>
public static class PlanRules
{
    public static IReadOnlyList<FieldError> Check(string? name, string? description, string? comment)
    {
        var errors = new List<FieldError>();
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("name", "Give the plan a name."));
        }
        else if (name?.Trim().Length > PlanEntity.NameMaxLength)
        {
            errors.Add(new("name", $"A plan name has at most {PlanEntity.NameMaxLength} characters."));
        }

        if (description?.Length > PlanEntity.DescriptionMaxLength)
        {
            errors.Add(new("description", $"A description has at most {PlanEntity.DescriptionMaxLength} characters."));
        }

        if (comment?.Length > RevisionEntity.CommentMaxLength)
        {
            errors.Add(new("comment", $"A revision comment has at most {RevisionEntity.CommentMaxLength} characters."));
        }

        return errors;
    }
}
