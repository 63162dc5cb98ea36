namespace MskPlanner.Sizing;

/// <summary>How a limit reads: its API key, its label, and the phrase a sentence uses for it.</summary>
public sealed record LimitText(string Key, string Label, string Phrase);

/// <summary>
/// The one table of how limits and families are written, for the page, the API, the PDF and the engine's own
/// reasons. Every value is listed; a new enum value without a row fails loudly instead of borrowing another's words.
/// </summary>
public static class Names
{
    /// <summary>
    /// A name in lowercase letters, digits and single hyphens, at most <paramref name="maxLength"/> characters
    /// (cut, not re-trimmed); empty when the name has no letter or digit. For file names and cluster names.
    /// </summary>
    public static string Slug(string? name, int maxLength)
    {
        var slug = new System.Text.StringBuilder();
        foreach (var c in (name ?? "").ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var text = string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return text[..Math.Min(text.Length, maxLength)];
    }

    public static LimitText Of(LimitKind kind) => kind switch
    {
        LimitKind.Ingress => new("ingress", "Ingress", "peak data in"),
        LimitKind.Egress => new("egress", "Egress", "peak data out"),
        LimitKind.Partitions => new("partitions", "Partitions", "partitions per broker"),
        LimitKind.Storage => new("storage", "Storage", "16 TiB of storage per broker"),
        LimitKind.ProvisionedThroughput => new("provisionedThroughput", "Provisioned throughput", "provisioned storage throughput"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A limit without a row in Names."),
    };

    /// <summary>The family's key in the API ("m7g"); its label is the enum's own name ("M7g").</summary>
    public static string Key(BrokerFamily family) => family switch
    {
        BrokerFamily.T3 => "t3",
        BrokerFamily.M5 => "m5",
        BrokerFamily.M7g => "m7g",
        BrokerFamily.Express => "express",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "A family without a row in Names."),
    };
}
