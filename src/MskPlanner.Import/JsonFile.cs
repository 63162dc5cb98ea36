using System.Text.Json;

namespace MskPlanner.Import;

/// <summary>
/// An uploaded JSON file of one part, read as an import reads any: a bounded depth, and every way it can be wrong
/// answered with an <see cref="ImportFileException"/> naming the part and the JSON path.
/// </summary>
internal sealed class JsonFile(string part)
{
    /// <summary>Deep enough for get-metric-data's and kafka-log-dirs.sh's answers; deeper nesting is not one of them.</summary>
    private const int MaxDepth = 16;

    public JsonDocument Parse(ReadOnlyMemory<char> text)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            var where = e.Path ?? "$";
            throw new ImportFileException(part, where, $"{part}: not valid JSON at {where} (line {e.LineNumber + 1}, byte {e.BytePositionInLine}).");
        }
    }

    public JsonElement Array(JsonElement parent, string name, string path) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array
            : throw Wrong($"{path}.{name}", "must be an array");

    public string Text(JsonElement parent, string name, string path) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Wrong($"{path}.{name}", "must be a string");

    public long WholeNumber(JsonElement parent, string name, string path) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt64(out var number) && number >= 0
            ? number
            : throw Wrong($"{path}.{name}", "must be a whole number of 0 or more");

    public ImportFileException Wrong(string path, string why) => new(part, path, $"{part}: {path} {why}.");
}
