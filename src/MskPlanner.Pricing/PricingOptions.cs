using System.ComponentModel.DataAnnotations;

namespace MskPlanner.Pricing;

public enum PriceSourceKind
{
    /// <summary>The bundled, dated us-east-1 snapshot only: no network at all.</summary>
    Snapshot,

    /// <summary>AWS's public bulk offer files (no credentials).</summary>
    Bulk,

    /// <summary>The Price List Query API (GetProducts), signed with the standard AWS credential chain.</summary>
    Query,
}

/// <summary>The "Pricing" configuration section.</summary>
public sealed class PricingOptions
{
    public const string Section = "Pricing";

    /// <summary>Live MSK prices by default: the public offer files need no credentials and are small.</summary>
    public PriceSourceKind Source { get; set; } = PriceSourceKind.Bulk;

    /// <summary>
    /// Read EC2 prices (for the self-managed comparison) from AmazonEC2's bulk offer files. Off by default: a
    /// region's file runs to gigabytes. Off, the comparison uses the bundled us-east-1 EC2 rates and says so; the
    /// Query API reads EC2 prices cheaply either way.
    /// </summary>
    public bool Ec2FromBulkOffer { get; set; }

    /// <summary>
    /// How long a request waits for a region's first download before answering from the snapshot (saying so) while
    /// the download goes on. None by default: every early request (a sizing, the first page) waited 3.3 s on an
    /// unreachable price list, and the planner page shows the live prices by itself once they arrive.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan FirstFetchWait { get; set; } = TimeSpan.Zero;

    /// <summary>Where the bulk offer files are served; point it elsewhere for a mirror or an air-gapped copy.</summary>
    [Required]
    public Uri BulkEndpoint { get; set; } = new("https://pricing.us-east-1.amazonaws.com");

    /// <summary>The Price List Query API endpoint (us-east-1 or ap-south-1).</summary>
    [Required]
    public Uri QueryEndpoint { get; set; } = new("https://api.pricing.us-east-1.amazonaws.com");

    /// <summary>The region the Query API is signed for.</summary>
    [Required]
    public string QueryRegion { get; set; } = "us-east-1";

    /// <summary>
    /// How often each instance looks for price sets that are due, and takes up sets another instance on the same
    /// database has refreshed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often cached price sets are refreshed in the background.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long one attempt at a price-list request may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>After a failed fetch, how long the planner uses the fallback before trying that region again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromMinutes(5);
}
