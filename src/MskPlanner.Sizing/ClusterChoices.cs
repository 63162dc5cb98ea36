using System.Text.RegularExpressions;

namespace MskPlanner.Sizing;

/// <summary>A Kafka version as MSK's API names it.</summary>
/// <param name="KRaft">Metadata in KRaft controllers rather than ZooKeeper.</param>
/// <param name="OnExpress">MSK creates Express clusters with this version string.</param>
public sealed record KafkaVersion(string Name, bool KRaft, string Text, bool OnExpress);

/// <summary>
/// The values the cluster settings take, in the words MSK's API and the deploy files use, and the rules between
/// them and the broker types. Each rule has a row, with its source, in docs/aws-rules.md.
/// </summary>
public static partial class ClusterChoices
{
    /// <summary>
    /// A setting's name in the API, the form and saved plans: its member's name in camel case ("mutualTls"). Throws
    /// on a value no member has.
    /// </summary>
    public static string NameOf<T>(T value)
        where T : struct, Enum => SettingNames<T>.ByValue[value];

    /// <summary>The setting a name stands for; throws on a name no member has (the input's check refuses those first).</summary>
    public static T Parse<T>(string name)
        where T : struct, Enum => SettingNames<T>.ByName[name];

    /// <summary>The setting a name stands for, or false for a name no member has (a caller's text, not yet checked).</summary>
    public static bool TryParse<T>(string? name, out T value)
        where T : struct, Enum
    {
        value = default;
        return name is not null && SettingNames<T>.ByName.TryGetValue(name, out value);
    }

    /// <summary>Every name of a setting, for the message that lists what is allowed.</summary>
    public static string NamesOf<T>()
        where T : struct, Enum => string.Join(", ", SettingNames<T>.ByValue.Values);

    /// <summary>A setting as the form offers it.</summary>
    public static (string Value, string Text) Option<T>(T value, string text)
        where T : struct, Enum => (NameOf(value), text);

    /// <summary>Each setting's names, worked out once: every keystroke reads them when the request is resolved.</summary>
    private static class SettingNames<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ByValue = Enum.GetValues<T>().ToDictionary(v => v, v => char.ToLowerInvariant(v.ToString()[0]) + v.ToString()[1..]);

        public static readonly Dictionary<string, T> ByName = ByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }

    public const int ClusterNameMaxLength = 64;
    public const int TagsMaxLength = 4_000;
    public const int MaxTags = 50;

    /// <summary>Brokers per cluster when metadata lives in ZooKeeper (MSK quotas, Standard brokers).</summary>
    public const int ZooKeeperBrokersPerCluster = 30;

    /// <summary>Brokers per cluster in KRaft mode (MSK quotas, Standard brokers).</summary>
    public const int KRaftBrokersPerCluster = 60;

    /// <summary>
    /// The write throughput one partition takes on Express brokers: 15 MB/s in AWS's Express guidance, read as
    /// 10^6 bytes per second (the conservative reading of MB), in MiB/s.
    /// </summary>
    public const double ExpressPartitionIngressMiBps = 15 * 1_000_000 / (1024d * 1024);

    /// <summary>The shortest retention.ms MSK accepts on a tiered topic (tiered-storage topic guidelines): 3 days.</summary>
    public const double MinTieredRetentionHours = 72;

    /// <summary>MSK's default quota of brokers per account and Region (soft: an increase can be requested).</summary>
    public const int AccountBrokerQuota = 90;

    /// <summary>
    /// The version strings CreateCluster takes. 3.6.0 is left out: AWS's version table gives it an end of support
    /// of 2026-06-01 and MSK phases out new clusters on such versions. 3.9.x.kraft on Express is UNVERIFIED as a
    /// string (AWS announced Express on KRaft 3.9, and refuses Express on 3.9.x); 3.8.x stays the Express default.
    /// </summary>
    public static IReadOnlyList<KafkaVersion> Versions { get; } =
    [
        new("3.9.x.kraft", true, "3.9.x, KRaft (recommended)", OnExpress: true),
        new("4.0.x.kraft", true, "4.0.x, KRaft", OnExpress: false),
        new("4.1.x.kraft", true, "4.1.x, KRaft", OnExpress: false),
        new("3.7.x.kraft", true, "3.7.x, KRaft", OnExpress: false),
        new("3.9.x", false, "3.9.x, ZooKeeper", OnExpress: false),
        new("3.8.x", false, "3.8.x, ZooKeeper", OnExpress: true),
        new("3.7.x", false, "3.7.x, ZooKeeper", OnExpress: false),
    ];

    /// <summary>
    /// Whether MSK creates a cluster of this type on this version: Express only on its own versions, and
    /// kafka.t3.small never in KRaft mode (CloudFormation BrokerNodeGroupInfo: t3.small can't be chosen with KRaft).
    /// </summary>
    public static bool Runs(BrokerType type, KafkaVersion version) => type.Class == BrokerClass.Express
        ? version.OnExpress
        : !(type.IsBurstable && version.KRaft);

    /// <summary>The versions a cluster of this type can be created with, as the form offers them.</summary>
    public static IEnumerable<KafkaVersion> VersionsFor(BrokerType type) => Versions.Where(v => Runs(type, v));

    private static readonly KafkaVersion StandardDefault = Versions.Single(v => v.Name == "3.9.x.kraft");
    private static readonly KafkaVersion ExpressAndT3Default = Versions.Single(v => v.Name == "3.8.x");

    /// <summary>The version a cluster of this type gets when the plan names none.</summary>
    public static string RecommendedVersion(BrokerType type) => RecommendedVersionOf(type).Name;

    private static KafkaVersion RecommendedVersionOf(BrokerType type) => type.Class == BrokerClass.Express || type.IsBurstable ? ExpressAndT3Default : StandardDefault;

    /// <summary>
    /// The version a cluster of this type is created with: the plan's when the type runs it, else the recommended one.
    /// A loop, not LINQ: every type's broker quota asks it, for every month a growth projection sizes.
    /// </summary>
    public static KafkaVersion VersionFor(BrokerType type, string? version)
    {
        if (version is not null)
        {
            foreach (var known in Versions)
            {
                if (known.Name == version && Runs(type, known))
                {
                    return known;
                }
            }
        }

        return RecommendedVersionOf(type);
    }

    /// <summary>MSK's default quota of brokers in one cluster of this version's metadata mode.</summary>
    public static int BrokersPerCluster(KafkaVersion version) => version.KRaft ? KRaftBrokersPerCluster : ZooKeeperBrokersPerCluster;

    /// <summary>Why MSK would refuse this version on this type, or null when it takes it.</summary>
    public static string? VersionProblem(BrokerType type, string version)
    {
        var known = Versions.FirstOrDefault(v => v.Name == version);
        if (known is null || Runs(type, known))
        {
            return null;
        }

        var offered = string.Join(", ", VersionsFor(type).Select(v => v.Name));
        return type.Class == BrokerClass.Express
            ? $"MSK creates Express clusters on {offered} only; {version} is for Standard brokers."
            : $"MSK does not run kafka.t3.small in KRaft mode ({version}): choose {offered}, or an M5 or M7g type.";
    }

    public static string AuthenticationName(Authentication authentication) => authentication switch
    {
        Authentication.Iam => "IAM",
        Authentication.Scram => "SASL/SCRAM",
        Authentication.MutualTls => "Mutual TLS",
        Authentication.Unauthenticated => "No",
    };

    /// <summary>Authentication that needs TLS between clients and brokers.</summary>
    public static bool NeedsTls(Authentication authentication) => authentication != Authentication.Unauthenticated;

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
                return $"write each tag as key=value (\"{Echo.Clip(pair)}\" has no key and value).";
            }

            var key = pair[..equals].Trim();
            var value = pair[(equals + 1)..].Trim();
            if (key.Length > 128 || value.Length > 256)
            {
                return $"a tag key has at most 128 characters and a value at most 256 (\"{Echo.Clip(key)}\").";
            }

            if (!TagText().IsMatch(key) || !TagText().IsMatch(value))
            {
                return $"tags take letters, digits, spaces and _ . : / = + - @ only (\"{Echo.Clip(pair)}\").";
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


    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z-]{0,63}$")]
    private static partial Regex ClusterName();

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagText();
}
