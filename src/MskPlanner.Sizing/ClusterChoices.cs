using System.Text.RegularExpressions;

namespace MskPlanner.Sizing;

/// <summary>A Kafka version as MSK's API names it.</summary>
/// <param name="KRaft">Metadata in KRaft controllers rather than ZooKeeper.</param>
public sealed record KafkaVersion(string Name, bool KRaft, string Text);

/// <summary>
/// The values the cluster settings take, in the words MSK's API and the deploy files use, and the rules between
/// them and the broker types.
/// </summary>
/// <remarks>
/// Versions read 2026-11 from the MSK developer guide ("Supported Apache Kafka versions", "KRaft mode": a KRaft
/// cluster is asked for as <c>3.7.x.kraft</c> and later). UNVERIFIED, not re-read from AWS in this session:
/// the Kafka versions Express brokers run (<see cref="ExpressVersions"/>; the guide says only "starts at 3.6"),
/// and which KRaft versions refuse kafka.t3.small (taken as 3.9 and later, as the issue reports MSK does).
/// </remarks>
public static partial class ClusterChoices
{
    public const string Iam = "iam";
    public const string Scram = "scram";
    public const string MutualTls = "mutualTls";
    public const string Unauthenticated = "unauthenticated";

    public const string Tls = "tls";
    public const string TlsPlaintext = "tlsPlaintext";
    public const string Plaintext = "plaintext";

    public const string CloudWatchLogs = "cloudWatchLogs";
    public const string S3 = "s3";
    public const string Firehose = "firehose";
    public const string NoLogs = "none";

    public const string DefaultMonitoring = "default";
    public const string PerBroker = "perBroker";
    public const string PerTopicPerBroker = "perTopicPerBroker";
    public const string PerTopicPerPartition = "perTopicPerPartition";

    public const int ClusterNameMaxLength = 64;
    public const int TagsMaxLength = 4_000;
    public const int MaxTags = 50;

    public static IReadOnlyList<KafkaVersion> Versions { get; } =
    [
        new("3.9.x.kraft", true, "3.9.x, KRaft (recommended)"),
        new("4.0.x.kraft", true, "4.0.x, KRaft"),
        new("4.1.x.kraft", true, "4.1.x, KRaft"),
        new("3.7.x.kraft", true, "3.7.x, KRaft"),
        new("3.9.x", false, "3.9.x, ZooKeeper"),
        new("3.8.x", false, "3.8.x, ZooKeeper"),
        new("3.7.x", false, "3.7.x, ZooKeeper"),
        new("3.6.0", false, "3.6.0, ZooKeeper"),
    ];

    /// <summary>UNVERIFIED (see the remarks): the versions an Express cluster is created with.</summary>
    public static IReadOnlyList<string> ExpressVersions { get; } = ["3.9.x", "3.8.x", "3.6.0"];

    /// <summary>The version a cluster of this type gets when the plan names none.</summary>
    public static string RecommendedVersion(BrokerType type) => type.Class == BrokerClass.Express ? "3.9.x" : type.IsBurstable ? "3.8.x" : "3.9.x.kraft";

    /// <summary>Why MSK would refuse this version on this type, or null when it takes it.</summary>
    public static string? VersionProblem(BrokerType type, string version)
    {
        if (type.Class == BrokerClass.Express && !ExpressVersions.Contains(version))
        {
            return $"Express brokers run Kafka {string.Join(", ", ExpressVersions)}; {version} is for Standard brokers.";
        }

        var known = Versions.FirstOrDefault(v => v.Name == version);
        if (type.IsBurstable && known is { KRaft: true } && string.CompareOrdinal(version, "3.9") >= 0)
        {
            return $"MSK does not run kafka.t3.small on KRaft {version}: choose 3.8.x or 3.9.x (ZooKeeper), or an M5 or M7g type.";
        }

        return null;
    }

    public static string AuthenticationName(string authentication) => authentication switch
    {
        Iam => "IAM",
        Scram => "SASL/SCRAM",
        MutualTls => "Mutual TLS",
        _ => "No",
    };

    /// <summary>Authentication that needs TLS between clients and brokers.</summary>
    public static bool NeedsTls(string authentication) => authentication is Iam or Scram or MutualTls;

    /// <summary>MSK's rule for a cluster name: letters, digits and hyphens, starting with a letter or digit.</summary>
    public static (string? Value, string? Problem) NormalizeClusterName(string text) => ClusterName().IsMatch(text)
        ? (text, null)
        : (null, "use letters, digits and hyphens, starting with a letter or digit (MSK's rule for cluster names).");

    /// <summary>
    /// Tags as <c>key=value</c> pairs separated by commas or new lines, checked against AWS's tag rules; stored as
    /// <c>key=value, key=value</c>.
    /// </summary>
    public static (string? Value, string? Problem) NormalizeTags(string text)
    {
        if (ParseTags(text, out var tags) is { } problem)
        {
            return (null, problem);
        }

        return (string.Join(", ", tags.Select(t => $"{t.Key}={t.Value}")), null);
    }

    /// <summary>The pairs of a tags text, or a message saying which pair breaks which rule.</summary>
    public static string? ParseTags(string? text, out IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        var parsed = new List<KeyValuePair<string, string>>();
        tags = parsed;
        foreach (var pair in (text ?? "").Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return $"write each tag as key=value (\"{Clip(pair)}\" has no key and value).";
            }

            var key = pair[..equals].Trim();
            var value = pair[(equals + 1)..].Trim();
            if (key.Length > 128 || value.Length > 256)
            {
                return $"a tag key has at most 128 characters and a value at most 256 (\"{Clip(key)}\").";
            }

            if (!TagText().IsMatch(key) || !TagText().IsMatch(value))
            {
                return $"tags take letters, digits, spaces and _ . : / = + - @ only (\"{Clip(pair)}\").";
            }

            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                return "tag keys starting with aws: are AWS's own.";
            }

            if (parsed.Any(t => string.Equals(t.Key, key, StringComparison.Ordinal)))
            {
                return $"the key \"{key}\" appears twice.";
            }

            parsed.Add(KeyValuePair.Create(key, value));
        }

        return parsed.Count > MaxTags ? $"at most {MaxTags} tags per resource." : null;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z-]{0,63}$")]
    private static partial Regex ClusterName();

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagText();
}
