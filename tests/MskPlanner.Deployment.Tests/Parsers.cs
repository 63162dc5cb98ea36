using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

using YamlDotNet.RepresentationModel;

namespace MskPlanner.Deployment.Tests;

/// <summary>Real parsers for what the exports write: HashiCorp's HCL parser, YamlDotNet, System.Text.Json.</summary>
internal static class Parsers
{
    private static readonly string ProjectDirectory = FindProjectDirectory();

    /// <summary>Each file parsed by @cdktf/hcl2json (HashiCorp's hcl library), as JSON; a syntax error fails the test with the parser's message.</summary>
    public static JsonObject Hcl(params DeployFile[] files)
    {
        var folder = Directory.CreateTempSubdirectory("mskplanner-hcl-");
        try
        {
            var paths = files.Select((f, i) =>
            {
                var path = Path.Combine(folder.FullName, $"{i}-{Path.GetFileName(f.Path)}");
                File.WriteAllText(path, f.Text);
                return path;
            }).ToList();
            var start = new ProcessStartInfo("node") { WorkingDirectory = ProjectDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(ProjectDirectory, "hcl2json.mjs"));
            paths.ForEach(start.ArgumentList.Add);
            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync();
            var error = node.StandardError.ReadToEndAsync();
            Assert.True(node.WaitForExit(60_000), "The HCL parser did not finish in a minute.");
            Assert.True(node.ExitCode == 0, $"The HCL parser refused the file:\n{error.Result}\n{string.Join("\n----\n", files.Select(f => f.Text))}");
            var parsed = JsonNode.Parse(output.Result)!.AsObject();
            var merged = new JsonObject();
            foreach (var path in paths)
            {
                foreach (var (key, value) in parsed[path]!.AsObject())
                {
                    Merge(merged, key, value!.DeepClone());
                }
            }

            return merged;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A .properties file read by java.util.Properties (the parser MirrorMaker 2 reads mm2.properties with), as a
    /// map; a file Java cannot read fails the test with its message.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Properties(string text)
    {
        var folder = Directory.CreateTempSubdirectory("mskplanner-properties-");
        try
        {
            var path = Path.Combine(folder.FullName, "mm2.properties");
            File.WriteAllText(path, text, System.Text.Encoding.Latin1);
            var start = new ProcessStartInfo("java") { WorkingDirectory = ProjectDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(ProjectDirectory, "PropertiesToJson.java"));
            start.ArgumentList.Add(path);
            using var java = Process.Start(start) ?? throw new InvalidOperationException("java did not start; install a JDK (Debian's openjdk-17-jdk-headless).");
            var output = java.StandardOutput.ReadToEndAsync();
            var error = java.StandardError.ReadToEndAsync();
            Assert.True(java.WaitForExit(120_000), "Java did not read the file in two minutes.");
            Assert.True(java.ExitCode == 0, $"java.util.Properties refused the file:\n{error.Result}\n{text}");
            return JsonNode.Parse(output.Result)!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>YAML read by YamlDotNet into JSON, scalars typed as YAML 1.2's core schema types them (quoted stays text).</summary>
    public static JsonNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return ToJson(stream.Documents.Single().RootNode)!;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => Plain(scalar.Value!),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}."),
    };

    private static JsonValue? Plain(string text) => text switch
    {
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        "null" or "~" or "" => null,
        _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ => JsonValue.Create(text),
    };

    private static void Merge(JsonObject into, string key, JsonNode value)
    {
        if (into[key] is JsonObject existing && value is JsonObject more)
        {
            foreach (var (k, v) in more.ToList())
            {
                more.Remove(k);
                Merge(existing, k, v!);
            }
        }
        else
        {
            into[key] = value;
        }
    }

    private static string FindProjectDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "hcl2json.mjs")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("hcl2json.mjs not found above the test assembly.");
    }
}
