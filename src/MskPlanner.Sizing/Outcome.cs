using System.Diagnostics.CodeAnalysis;

namespace MskPlanner.Sizing;

/// <summary>
/// A value, or the field errors that prevented it: a validated input, a sizing, a saved plan, a comparison.
/// <see cref="Succeeded"/> tells the compiler when <see cref="Value"/> is set, so callers need no <c>!</c>.
/// </summary>
public sealed class Outcome<T> where T : class
{
    internal Outcome(T? value, IReadOnlyList<FieldError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    /// <summary>Empty exactly when the outcome succeeded.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null;

    /// <summary>The value, for callers that have already ruled the errors out (a fixed, known-good input).</summary>
    public T GetValueOrThrow() =>
        Value ?? throw new InvalidOperationException("No value: " + string.Join("; ", Errors.Select(e => $"{e.Field}: {e.Message}")));
}

/// <summary>Makes outcomes: <c>Outcome.Success(value)</c>, <c>Outcome.Failure&lt;T&gt;(errors)</c>.</summary>
public static class Outcome
{
    public static Outcome<T> Success<T>(T value) where T : class => new(value, []);

    public static Outcome<T> Failure<T>(IReadOnlyList<FieldError> errors) where T : class =>
        errors.Count > 0 ? new(null, errors) : throw new ArgumentException("A failure names at least one field error.", nameof(errors));

    public static Outcome<T> Failure<T>(FieldError error) where T : class => new(null, [error]);
}
