using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace MskPlanner.Pricing;

/// <summary>
/// The live prices' telemetry: each download's outcome, and how old the prices each region is served with are.
/// Nothing is recorded unless a listener (OpenTelemetry) asks.
/// </summary>
public sealed class PricingMetrics : IDisposable
{
    public const string MeterName = "MskPlanner.Pricing";

    private readonly Meter _meter;
    private readonly Counter<long> _fetches;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _fetchedAt = new(StringComparer.Ordinal);

    public PricingMetrics(IMeterFactory meters, TimeProvider clock)
    {
        _meter = meters.Create(MeterName);
        _fetches = _meter.CreateCounter<long>("mskplanner.prices.fetches", "{fetch}", "Downloads of a region's prices from the AWS price list, by outcome.");
        _meter.CreateObservableGauge(
            "mskplanner.prices.age",
            () => _fetchedAt.Select(held => new Measurement<double>((clock.GetUtcNow() - held.Value).TotalSeconds, new KeyValuePair<string, object?>("region", held.Key))),
            "s",
            "How long ago the prices each region is served with were downloaded.");
    }

    internal void Fetched(string region) => _fetches.Add(1, new("region", region), new("outcome", "ok"));

    internal void FetchFailed(string region) => _fetches.Add(1, new("region", region), new("outcome", "failed"));

    internal void Serving(CachedPriceSet set) => _fetchedAt[set.Region] = set.FetchedAt;

    public void Dispose() => _meter.Dispose();
}
