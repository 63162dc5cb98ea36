namespace MskPlanner.Pricing;

/// <summary>An AWS region where MSK is sold, with the name people know it by.</summary>
public sealed record MskRegion(string Code, string Name);

/// <summary>
/// The regions MSK is sold in, as AWS's regional services list gave them in 2026, with readable names: the
/// picker's list offline. With live prices, <see cref="RegionCatalog"/> adds what AmazonMSK's region index lists.
/// </summary>
public static class MskRegions
{
    public static IReadOnlyList<MskRegion> All { get; } =
    [
        new("us-east-1", "US East (N. Virginia)"),
        new("us-east-2", "US East (Ohio)"),
        new("us-west-1", "US West (N. California)"),
        new("us-west-2", "US West (Oregon)"),
        new("af-south-1", "Africa (Cape Town)"),
        new("ap-east-1", "Asia Pacific (Hong Kong)"),
        new("ap-south-1", "Asia Pacific (Mumbai)"),
        new("ap-south-2", "Asia Pacific (Hyderabad)"),
        new("ap-northeast-1", "Asia Pacific (Tokyo)"),
        new("ap-northeast-2", "Asia Pacific (Seoul)"),
        new("ap-northeast-3", "Asia Pacific (Osaka)"),
        new("ap-southeast-1", "Asia Pacific (Singapore)"),
        new("ap-southeast-2", "Asia Pacific (Sydney)"),
        new("ap-southeast-3", "Asia Pacific (Jakarta)"),
        new("ap-southeast-4", "Asia Pacific (Melbourne)"),
        new("ca-central-1", "Canada (Central)"),
        new("ca-west-1", "Canada West (Calgary)"),
        new("eu-central-1", "Europe (Frankfurt)"),
        new("eu-central-2", "Europe (Zurich)"),
        new("eu-west-1", "Europe (Ireland)"),
        new("eu-west-2", "Europe (London)"),
        new("eu-west-3", "Europe (Paris)"),
        new("eu-south-1", "Europe (Milan)"),
        new("eu-south-2", "Europe (Spain)"),
        new("eu-north-1", "Europe (Stockholm)"),
        new("il-central-1", "Israel (Tel Aviv)"),
        new("me-south-1", "Middle East (Bahrain)"),
        new("me-central-1", "Middle East (UAE)"),
        new("sa-east-1", "South America (Sao Paulo)"),
        new("us-gov-east-1", "AWS GovCloud (US-East)"),
        new("us-gov-west-1", "AWS GovCloud (US-West)"),
    ];
}
