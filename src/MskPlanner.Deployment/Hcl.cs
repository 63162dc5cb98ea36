using System.Text;

namespace MskPlanner.Deployment;

/// <summary>
/// Writes HCL as <c>terraform fmt</c> lays it out: blocks indented by two spaces, the equals signs of consecutive
/// attributes aligned, and every string escaped so no value can end it or interpolate.
/// </summary>
internal sealed class Hcl
{
    private readonly StringBuilder _text = new();
    private readonly List<(string Name, string Value, IReadOnlyList<string>? Heredoc)> _attributes = [];
    private int _depth;

    public Hcl Comment(string text)
    {
        Flush();
        foreach (var line in text.Split('\n'))
        {
            Line($"# {line}".TrimEnd());
        }

        return this;
    }

    public Hcl Open(string header)
    {
        Flush();
        Line(header + " {");
        _depth++;
        return this;
    }

    public Hcl Close()
    {
        Flush();
        _depth--;
        Line("}");
        return this;
    }

    public Hcl Blank()
    {
        Flush();
        _text.Append('\n');
        return this;
    }

    /// <summary>An attribute whose value is already HCL (a reference, a number, a list).</summary>
    public Hcl Raw(string name, string expression)
    {
        _attributes.Add((name, expression, null));
        return this;
    }

    public Hcl Set(string name, string value) => Raw(name, Quote(value));

    public Hcl Set(string name, bool value) => Raw(name, value ? "true" : "false");

    public Hcl Set(string name, double value) => Raw(name, Number(value));

    public Hcl Map(string name, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        Flush();
        Line($"{name} = {{");
        _depth++;
        foreach (var (key, value) in pairs)
        {
            Raw(Quote(key), Quote(value));
        }

        Flush();
        _depth--;
        return Line("}");
    }

    /// <summary>A heredoc for multi-line text such as server.properties; its lines hold no interpolation. It ends the run of aligned attributes.</summary>
    public Hcl Heredoc(string name, string text, string marker = "EOT")
    {
        var lines = text.TrimEnd('\n').Split('\n')
            .Select(line => line.Replace("${", "$${", StringComparison.Ordinal).Replace("%{", "%%{", StringComparison.Ordinal))
            .Append(marker).ToList();
        _attributes.Add((name, $"<<-{marker}", lines));
        Flush();
        return this;
    }

    public override string ToString()
    {
        Flush();
        return _text.ToString();
    }

    public static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var next = i + 1 < value.Length ? value[i + 1] : '\0';
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '$' when next == '{' => "$$",
                '%' when next == '{' => "%%",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>No thousands separators: HCL reads 1,000 as two numbers.</summary>
    public static string Number(double value) => MskPlanner.Sizing.Figures.Number(value, "0.###");

    private void Flush()
    {
        var width = _attributes.Count == 0 ? 0 : _attributes.Max(a => a.Name.Length);
        foreach (var (name, value, heredoc) in _attributes)
        {
            Line($"{name.PadRight(width)} = {value}");
            if (heredoc is not null)
            {
                _depth++;
                heredoc.SkipLast(1).ToList().ForEach(line => Line(line));
                _depth--;
                Line(heredoc[^1]);
            }
        }

        _attributes.Clear();
    }

    private Hcl Line(string text)
    {
        _text.Append(' ', _depth * 2).Append(text).Append('\n');
        return this;
    }
}
