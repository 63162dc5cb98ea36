namespace MskPlanner.Sizing;

/// <summary>What is wrong with one input, named as the API names the field.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Errors keyed by their field, as the API's problems and the forms show them.</summary>
public static class FieldErrors
{
    /// <summary>Every message of each field, in the order found: a validation problem lists them all.</summary>
    public static Dictionary<string, string[]> ByField(this IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    /// <summary>The first message of each field: the one a form shows under it.</summary>
    public static Dictionary<string, string> FirstByField(this IEnumerable<FieldError> errors) =>
        errors.ByField().ToDictionary(f => f.Key, f => f.Value[0]);
}
