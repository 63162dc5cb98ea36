using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MskPlanner.EndToEnd.Tests.Probe;

/// <summary>
/// Hostile input, reproducible from a seed: JSON bodies mutated from a valid one (a value swapped for an extreme,
/// a field dropped or invented, the text cut short or doubled up), query strings, and text for free-text fields.
/// </summary>
public sealed class Hostile(int seed)
{
    /// <summary>Markup, quotes, a NUL, right-to-left and zero-width marks, an emoji and a long unbroken run.</summary>
    public const string Text = "<script>alert(1)</script>\"'><svg onload=alert(2)>&amp; \u202Eevil\u200B 🙂 ";

    private readonly Random _random = new(seed);

    private static readonly string[] Strings =
    [
        "", "x", "1e9", "NaN", "Infinity", "-Infinity", "5e-324", "1e-305", "null", "true", "eu-west-1", "us-east-1; drop table Plans",
        "families", "m5", "express", "letter", Text, "\u0000", "%00", "../../etc/passwd", "{{7*7}}", "${jndi:ldap://x}",
    ];

    private static readonly string[] UnknownFields = ["__proto__", "constructor", "$type", "id", "Partitions", "avgdatainmibps", "extra"];

    /// <summary>A body: usually the template with one to three mutations, sometimes raw text broken on purpose.</summary>
    public string Body(JsonObject template)
    {
        var roll = _random.Next(100);
        if (roll < 8)
        {
            return RawText(template.ToJsonString());
        }

        var body = (JsonObject)template.DeepClone();
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            Mutate(body);
        }

        return body.ToJsonString();
    }

    /// <summary>A query string of known and unknown keys with hostile values.</summary>
    public string Query(IReadOnlyList<string> keys)
    {
        var pairs = new List<string>();
        for (var i = _random.Next(0, 6); i > 0; i--)
        {
            var key = _random.Next(5) == 0 ? Pick(UnknownFields) : Pick(keys);
            pairs.Add($"{Uri.EscapeDataString(key)}={Uri.EscapeDataString(ScalarText())}");
        }

        return string.Join('&', pairs);
    }

    public string Segment() => Uri.EscapeDataString(ScalarText());

    private string ScalarText() => _random.Next(3) switch
    {
        0 => Pick(Strings),
        1 => Number().ToString(CultureInfo.InvariantCulture),
        _ => new string((char)_random.Next(32, 127), _random.Next(1, 300)),
    };

    private void Mutate(JsonNode node)
    {
        // Walk down to a random object inside the body, then change one of its members.
        var target = node;
        while (target is JsonObject obj && obj.Count > 0 && _random.Next(3) == 0)
        {
            var child = obj.ElementAt(_random.Next(obj.Count)).Value;
            if (child is JsonObject or JsonArray)
            {
                target = child is JsonArray array && array.Count > 0 ? array[_random.Next(array.Count)]! : child;
            }
            else
            {
                break;
            }
        }

        if (target is not JsonObject members)
        {
            return;
        }

        var roll = _random.Next(10);
        if (roll == 0 && members.Count > 0)
        {
            members.Remove(members.ElementAt(_random.Next(members.Count)).Key);
        }
        else if (roll == 1)
        {
            members[Pick(UnknownFields) + _random.Next(3)] = Value();
        }
        else if (members.Count > 0)
        {
            members[members.ElementAt(_random.Next(members.Count)).Key] = Value();
        }
    }

    private JsonNode? Value() => _random.Next(8) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next(2) == 0),
        2 or 3 => JsonValue.Create(Number()),
        4 => JsonValue.Create(_random.Next(4) == 0 ? new string('y', _random.Next(1_000, 60_000)) : Pick(Strings)),
        5 => new JsonArray(JsonValue.Create(Number()), JsonValue.Create(Pick(Strings)), new JsonObject()),
        6 => Nested(_random.Next(1, 80)),
        _ => JsonValue.Create(_random.Next(int.MinValue, int.MaxValue)),
    };

    private double Number() => _random.Next(16) switch
    {
        0 => double.Epsilon,
        1 => 1e-305,
        2 => 1e308,
        3 => -1e308,
        4 => double.MaxValue,
        5 => 0,
        6 => -1,
        7 => int.MaxValue,
        8 => long.MaxValue,
        9 => 100_000,
        10 => 100_001,
        11 => 0.000_9,
        12 => 0.001,
        _ => Math.Round(_random.NextDouble() * Math.Pow(10, _random.Next(-3, 7)), 3),
    };

    /// <summary>Objects inside objects, past System.Text.Json's depth limit of 64 at the far end.</summary>
    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonObject { ["avgDataInMiBps"] = 1 };
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["inputs"] = node };
        }

        return node;
    }

    private string RawText(string json) => _random.Next(7) switch
    {
        0 => json[..Math.Max(0, _random.Next(json.Length))],
        1 => json.Insert(_random.Next(json.Length), ((char)_random.Next(0, 256)).ToString()),
        2 => json.Replace("{", "{\"partitions\":1,", StringComparison.Ordinal),
        3 => "[" + json + "]",
        4 => Pick(["null", "[]", "\"text\"", "", "0", "{}", "{\"a\":"]),
        5 => json + json,
        _ => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(json)),
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
