using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

using Microsoft.AspNetCore.Http.HttpResults;

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

    public static async Task<(T? Body, ValidationProblem? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
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

    public static ValidationProblem Problem(string field, string message, string title = "The request body cannot be read.") =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: title);

    public static ValidationProblem Problem(IEnumerable<MskPlanner.Sizing.FieldError> errors, string title) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()), title: title);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

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
