namespace MskPlanner.Sizing;

/// <summary>Where a set of prices came from, for the "prices as of" line every result carries.</summary>
/// <param name="Source">What produced the prices, e.g. "bundled snapshot" or "AWS price list".</param>
/// <param name="Region">The region the prices are for.</param>
/// <param name="AsOf">The publication date of the prices.</param>
/// <param name="Note">Anything the user must know, e.g. that another region's prices stand in.</param>
public sealed record PriceOrigin(string Source, string Region, DateOnly AsOf, string? Note = null);

/// <summary>
/// On-demand USD prices for one region. A broker type missing from <see cref="BrokerHourly"/> is not offered
/// there and is never priced at zero.
/// </summary>
public sealed record PriceSheet
{
    public required PriceOrigin Origin { get; init; }

    /// <summary>USD per broker-hour, keyed by MSK instance type (e.g. <c>kafka.m5.large</c>).</summary>
    public required IReadOnlyDictionary<string, double> BrokerHourly { get; init; }

    public required double StoragePerGiBMonth { get; init; }
    public required double TieredStoragePerGiBMonth { get; init; }
    public required double ProvisionedThroughputPerMiBpsMonth { get; init; }
    public required double ExpressStoragePerGiBMonth { get; init; }
    public required double ExpressDataInPerGiB { get; init; }

    /// <summary>USD per GiB that crosses an AZ boundary (both directions' charges together).</summary>
    public required double CrossAzPerGiB { get; init; }

    /// <summary>EC2 on-demand USD per hour by EC2 type (e.g. <c>m5.large</c>), for the self-managed comparison.</summary>
    public IReadOnlyDictionary<string, double> Ec2Hourly { get; init; } = new Dictionary<string, double>();

    /// <summary>EC2 gp3 volume price, USD per GiB-month; null when unknown.</summary>
    public double? Ec2Gp3PerGiBMonth { get; init; }

    /// <summary>MSK Serverless rates; null when there are none for the region, so Serverless is not priced.</summary>
    public ServerlessRates? Serverless { get; init; }

    /// <summary>MSK Connect, MSK Replicator and inter-region transfer rates; null when there are none, so a move is not costed.</summary>
    public MigrationRates? Migration { get; init; }
}
