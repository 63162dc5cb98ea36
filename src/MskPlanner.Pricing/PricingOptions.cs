namespace MskPlanner.Pricing;

/// <summary>The "Pricing" configuration section.</summary>
public sealed class PricingOptions
{
    public const string Section = "Pricing";

    /// <summary>Where prices come from. Only "snapshot" exists until live AWS prices land.</summary>
    public string Source { get; set; } = "snapshot";
}
