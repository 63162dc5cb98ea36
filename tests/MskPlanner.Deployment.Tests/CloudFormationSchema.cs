using System.Text.Json.Nodes;

using Json.Schema;

namespace MskPlanner.Deployment.Tests;

/// <summary>
/// AWS's own resource schema for AWS::MSK::Cluster (../shared/data/cfn-schemas), and the step CloudFormation
/// takes before it: intrinsic functions resolved to values of the types they stand for.
/// </summary>
internal static class CloudFormationSchema
{
    /// <summary>
    /// CloudFormation's own annotations in a resource schema (CloudFormation's resource schema meta-schema adds
    /// them to draft-07); they say nothing about validity, and a strict JSON Schema validator refuses unknown words.
    /// </summary>
    private static readonly HashSet<string> Annotations =
    [
        "typeName", "createOnlyProperties", "primaryIdentifier", "readOnlyProperties", "writeOnlyProperties", "insertionOrder", "handlers", "tagging",
        "propertyTransform", "conditionalCreateOnlyProperties", "relationshipRef", "sourceUrl", "documentationUrl", "replacementStrategy",
        "additionalIdentifiers", "deprecatedProperties", "arrayType",
    ];

    private static readonly Lazy<JsonSchema> Cluster = new(() =>
    {
        // The tag pattern's "/" written as \x2F, the same character to the regex: JsonSchema.Net 8.0.5 fails to look up
        // a patternProperties key that contains "/" (it escapes it as a JSON pointer, ~1, and misses).
        var schema = JsonNode.Parse(File.ReadAllText(FindSchema()).Replace(":/=+", ":\\\\x2F=+", StringComparison.Ordinal))!;
        RemoveAnnotations(schema);
        // Draft-07's "definitions" under the name the validator's current dialect gives them; the rules are the same.
        return JsonSchema.FromText(schema.ToJsonString().Replace("\"definitions\"", "\"$defs\"", StringComparison.Ordinal)
            .Replace("#/definitions/", "#/$defs/", StringComparison.Ordinal));
    });

    /// <summary>The schema's messages for the properties, empty when they are valid.</summary>
    public static IReadOnlyList<string> Problems(JsonNode properties)
    {
        var result = Cluster.Value.Evaluate(System.Text.Json.JsonDocument.Parse(properties.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    /// <summary>
    /// Properties as CloudFormation hands them to the resource: Ref to a parameter becomes a value of its type,
    /// Ref to a resource its ARN, GetAtt a revision number, Sub its text, If the chosen branch (AWS::NoValue removes the key).
    /// </summary>
    public static JsonNode? Resolve(JsonNode? node, JsonObject template, bool conditionsHold)
    {
        switch (node)
        {
            case JsonObject map when map.Count == 1 && map.First().Key is "Ref":
                var name = map["Ref"]!.GetValue<string>();
                if (template["Parameters"]?[name] is JsonObject parameter)
                {
                    var type = parameter["Type"]!.GetValue<string>();
                    return type.StartsWith("List<", StringComparison.Ordinal) || type == "CommaDelimitedList"
                        ? new JsonArray("example-1", "example-2", "example-3")
                        : JsonValue.Create(parameter["Default"]?.GetValue<string>() is { Length: > 0 } value ? value : "example");
                }

                Assert.True(name == "AWS::NoValue" || template["Resources"]?[name] is not null, $"Ref to {name}, which the template does not declare.");
                return name == "AWS::NoValue" ? null : JsonValue.Create($"arn:aws:kafka:us-east-1:123456789012:configuration/{name}");
            case JsonObject map when map.Count == 1 && map.First().Key is "Fn::GetAtt":
                return JsonValue.Create(1);
            case JsonObject map when map.Count == 1 && map.First().Key is "Fn::Sub":
                return JsonValue.Create(map["Fn::Sub"]!.GetValue<string>().Replace("${ClusterName}", "example", StringComparison.Ordinal));
            case JsonObject map when map.Count == 1 && map.First().Key is "Fn::If":
                var branches = map["Fn::If"]!.AsArray();
                Assert.True(template["Conditions"]?[branches[0]!.GetValue<string>()] is not null, $"Fn::If on an undeclared condition {branches[0]}.");
                return Resolve(branches[conditionsHold ? 1 : 2], template, conditionsHold);
            case JsonObject map:
                var resolved = new JsonObject();
                foreach (var (key, value) in map)
                {
                    if (Resolve(value, template, conditionsHold) is { } kept)
                    {
                        resolved[key] = kept;
                    }
                }

                return resolved;
            case JsonArray list:
                return new JsonArray([.. list.Select(item => Resolve(item, template, conditionsHold))]);
            default:
                return node?.DeepClone();
        }
    }

    private static void RemoveAnnotations(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var key in map.Select(p => p.Key).Where(Annotations.Contains).ToList())
                {
                    map.Remove(key);
                }

                foreach (var (key, value) in map)
                {
                    RemoveAnnotations(value);
                }

                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    RemoveAnnotations(item);
                }

                break;
        }
    }

    /// <summary>Our copy of the schema (cfn-schemas/README.md says where it comes from), next to this project.</summary>
    private static string FindSchema()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "cfn-schemas", "aws-msk-cluster.schema.json")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new InvalidOperationException("cfn-schemas/aws-msk-cluster.schema.json was not found above the tests.")
            : Path.Combine(directory.FullName, "cfn-schemas", "aws-msk-cluster.schema.json");
    }
}
