using System.Globalization;
using System.Text;

namespace MskPlanner.Deployment;

/// <summary>Writes HCL: blocks and attributes, indented, with every string escaped so no value can end it or interpolate.</summary>
internal sealed class Hcl
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public Hcl Comment(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            Line($"# {line}".TrimEnd());
        }

        return this;
    }

    public Hcl Open(string header)
    {
        Line(header + " {");
        _depth++;
        return this;
    }

    public Hcl Close()
    {
        _depth--;
        Line("}");
        return this;
    }

    public Hcl Blank()
    {
        _text.Append('\n');
        return this;
    }

    /// <summary>An attribute whose value is already HCL (a reference, a number, a list).</summary>
    public Hcl Raw(string name, string expression) => Line($"{name} = {expression}");

    public Hcl Set(string name, string value) => Raw(name, Quote(value));

    public Hcl Set(string name, bool value) => Raw(name, value ? "true" : "false");

    public Hcl Set(string name, double value) => Raw(name, Number(value));

    public Hcl Map(string name, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        Line($"{name} = {{");
        _depth++;
        foreach (var (key, value) in pairs)
        {
            Line($"{Quote(key)} = {Quote(value)}");
        }

        _depth--;
        return Line("}");
    }

    /// <summary>A heredoc for multi-line text such as server.properties; its lines hold no interpolation.</summary>
    public Hcl Heredoc(string name, string text, string marker = "EOT")
    {
        Line($"{name} = <<-{marker}");
        _depth++;
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            Line(line.Replace("${", "$${", StringComparison.Ordinal).Replace("%{", "%%{", StringComparison.Ordinal));
        }

        _depth--;
        return Line(marker);
    }

    public override string ToString() => _text.ToString();

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

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private Hcl Line(string text)
    {
        _text.Append(' ', _depth * 2).Append(text).Append('\n');
        return this;
    }
}
