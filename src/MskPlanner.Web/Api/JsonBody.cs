using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

using Microsoft.AspNetCore.Http.HttpResults;

using MskPlanner.Sizing;

namespace MskPlanner.Web.Api;

/// <summary>
/// Reads a JSON body strictly (unknown fields refused, so a typo is reported rather than silently defaulted),
/// turns every way it can be unreadable into a 400 problem naming the field, and writes the API's other problems.
/// </summary>
internal static class JsonBody
{
    public static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>
    /// The most a JSON body may hold. A sizing or plan body is a few kB; anything near this is not one of ours,
    /// and reading no further keeps a large body from being buffered whole.
    /// </summary>
    public const int MaxBytes = 64 * 1024;

    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        var bytes = await ReadBoundedAsync(request.Body, cancellationToken);
        if (bytes is null)
        {
            return (null, TooLarge());
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.Value);
        }
        catch (JsonException)
        {
            return (null, Problem("body", "The body is not valid JSON."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Problem("body", "The body must be a JSON object."));
            }

            if (FirstDuplicate(document.RootElement, "") is { } duplicate)
            {
                return (null, Problem(duplicate, $"{duplicate} is given more than once; give each field once."));
            }

            try
            {
                return (document.Deserialize<T>(Strict), null);
            }
            catch (JsonException e)
            {
                var field = FieldOf(e.Path);
                return (null, Problem(field, Explain(typeof(T), field)));
            }
        }
    }

    public static ProblemHttpResult TooLarge() =>
        TypedResults.Problem($"A request body holds at most {MaxBytes / 1024} KiB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.");

    /// <summary>The whole body, or null once it runs past <see cref="MaxBytes"/> (a chunked body has no length to check first).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        // Spelled out: in "cond ? null : memory" the null converts to an empty Memory, not to a missing value.
        if (length > MaxBytes)
        {
            return null;
        }

        return buffer.AsMemory(0, length);
    }

    /// <summary>
    /// The path of the first field given twice in one object, matched as the binder matches (ignoring case):
    /// JSON lets the last one win silently, which would hide a mistake.
    /// </summary>
    private static string? FirstDuplicate(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                var at = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                if (!seen.Add(property.Name))
                {
                    return at;
                }

                if (FirstDuplicate(property.Value, at) is { } inner)
                {
                    return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (FirstDuplicate(item, $"{path}[{index++}]") is { } inner)
                {
                    return inner;
                }
            }
        }

        return null;
    }

    public static ValidationProblem Problem(string field, string message, string title = "The request body cannot be read.") =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: title);

    public static ValidationProblem Problem(IEnumerable<FieldError> errors, string title) =>
        TypedResults.ValidationProblem(errors.ByField(), title: title);

    public static NotFoundProblem NotFound(string detail) => new(detail);

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    /// <summary>Says what the field takes, since System.Text.Json's own message names .NET types.</summary>
    private static string Explain(Type root, string path)
    {
        var type = root;
        PropertyInfo? property = null;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.Split('[')[0];
            property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return $"'{name}' is not a field here; fields are camelCase, e.g. avgDataInMiBps, partitions, retentionHours.";
            }

            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (segment.Contains('[', StringComparison.Ordinal) && type.IsGenericType)
            {
                type = type.GetGenericArguments()[0];
            }
        }

        var expected = type == typeof(int) ? "a whole number"
            : type == typeof(double) ? "a number"
            : type == typeof(bool) ? "true or false"
            : type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName))
            : type == typeof(string) ? "a string"
            : "an object";
        return $"{path} must be {expected}.";
    }
}
