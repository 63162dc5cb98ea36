using System.Text.Json;

using MskPlanner.Sizing;

namespace MskPlanner.Pricing;

/// <summary>
/// Prices from the dated snapshot shipped inside this assembly: the offline fallback, and until live prices
/// arrive the only source. It holds us-east-1 only, and says so for any other region.
/// </summary>
public sealed class BundledSnapshotPriceSource : IPriceSource
{
    public const string SourceName = "bundled snapshot";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly PriceSheet _snapshot;

    public BundledSnapshotPriceSource()
    {
        using var stream = typeof(BundledSnapshotPriceSource).Assembly.GetManifestResourceStream("MskPlanner.Pricing.Snapshots.us-east-1.json")
            ?? throw new InvalidOperationException("The bundled price snapshot is missing from MskPlanner.Pricing.");
        _snapshot = Parse(stream);
    }

    public PriceSheet Snapshot => _snapshot;

    public ValueTask<PriceSheet> GetPricesAsync(string region, CancellationToken cancellationToken = default)
    {
        if (string.Equals(region, _snapshot.Origin.Region, StringComparison.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult(_snapshot);
        }

        return ValueTask.FromResult(_snapshot with
        {
            Origin = _snapshot.Origin with
            {
                Note = $"No bundled prices for {region}: showing {_snapshot.Origin.Region} prices, which differ from {region}'s.",
            },
        });
    }

    private static PriceSheet Parse(Stream stream)
    {
        var file = JsonSerializer.Deserialize<SnapshotFile>(stream, Json)
            ?? throw new InvalidOperationException("The bundled price snapshot is empty.");
        return new PriceSheet
        {
            Origin = new PriceOrigin(SourceName, file.Region, file.AsOf),
            BrokerHourly = file.BrokerHourly,
            StoragePerGiBMonth = file.StoragePerGiBMonth,
            TieredStoragePerGiBMonth = file.TieredStoragePerGiBMonth,
            ProvisionedThroughputPerMiBpsMonth = file.ProvisionedThroughputPerMiBpsMonth,
            ExpressStoragePerGiBMonth = file.ExpressStoragePerGiBMonth,
            ExpressDataInPerGiB = file.ExpressDataInPerGiB,
            CrossAzPerGiB = file.CrossAzPerGiB,
            Ec2Hourly = file.Ec2Hourly,
            Ec2Gp3PerGiBMonth = file.Ec2Gp3PerGiBMonth,
            Serverless = file.Serverless is { } rates
                ? new ServerlessRates(rates.ClusterHour, rates.PartitionHour, rates.StoragePerGiBMonth, rates.DataInPerGiB, rates.DataOutPerGiB,
                    $"bundled {file.Region} rates as of {Figures.Date(rates.AsOf)} ({rates.Source})")
                : null,
            Migration = file.Migration is { } move
                ? new MigrationRates(move.McuHour, move.ReplicatorHour, move.ReplicatorPerGiB, move.InterRegionPerGiB,
                    $"bundled {file.Region} rates as of {Figures.Date(move.AsOf)} ({move.Source})")
                : null,
        };
    }

    private sealed record SnapshotFile(
        string Region,
        DateOnly AsOf,
        Dictionary<string, double> BrokerHourly,
        double StoragePerGiBMonth,
        double TieredStoragePerGiBMonth,
        double ProvisionedThroughputPerMiBpsMonth,
        double ExpressStoragePerGiBMonth,
        double ExpressDataInPerGiB,
        double CrossAzPerGiB,
        Dictionary<string, double> Ec2Hourly,
        double? Ec2Gp3PerGiBMonth,
        SnapshotServerless? Serverless,
        SnapshotMigration? Migration);

    private sealed record SnapshotMigration(DateOnly AsOf, string Source, double McuHour, double ReplicatorHour, double ReplicatorPerGiB, double InterRegionPerGiB);

    private sealed record SnapshotServerless(
        DateOnly AsOf, string Source, double ClusterHour, double PartitionHour, double StoragePerGiBMonth, double DataInPerGiB, double DataOutPerGiB);
}
