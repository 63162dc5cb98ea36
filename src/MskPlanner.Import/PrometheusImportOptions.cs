using System.ComponentModel.DataAnnotations;

namespace MskPlanner.Import;

/// <summary>"Import:Prometheus": the servers users may import from on a shared deployment, and the bounds of every query.</summary>
public sealed class PrometheusImportOptions
{
    public const string Section = "Import:Prometheus";

    /// <summary>On a shared server, the only Prometheus servers users may query; their addresses and credentials are never shown.</summary>
    public List<PrometheusSource> Sources { get; set; } = [];

    /// <summary>How long a whole import may take, all of its queries together.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most series one answer may hold: a topic each, so far above any real cluster's topics.</summary>
    [Range(1, 1_000_000)]
    public int MaxSeries { get; set; } = 20_000;

    /// <summary>The most bytes one answer may hold; one value per topic is about 150 bytes.</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 16 * 1024 * 1024;
}

/// <summary>A Prometheus server the operator lets users import from.</summary>
public sealed class PrometheusSource
{
    [Required, MaxLength(PrometheusImportRequest.MaxSourceLength)]
    public string Name { get; set; } = "";

    [Required]
    public Uri? Url { get; set; }

    public string? BearerToken { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }
}
