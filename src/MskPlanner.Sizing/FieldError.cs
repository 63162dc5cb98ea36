namespace MskPlanner.Sizing;

/// <summary>What is wrong with one input, named as the API names the field.</summary>
public sealed record FieldError(string Field, string Message);
