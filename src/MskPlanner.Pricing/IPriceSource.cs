using MskPlanner.Sizing;

namespace MskPlanner.Pricing;

/// <summary>Where the planner gets on-demand prices for a region.</summary>
public interface IPriceSource
{
    /// <summary>
    /// Prices for <paramref name="region"/>. Never fails for a region MSK is sold in: a source without that
    /// region's prices answers with the ones it has and says so in <see cref="PriceOrigin.Note"/>.
    /// </summary>
    ValueTask<PriceSheet> GetPricesAsync(string region, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes when prices still on their way for <paramref name="region"/> have arrived, or failed to; at once when
    /// none are. A page answered from the snapshot meanwhile sizes again then.
    /// </summary>
    Task ArrivalAsync(string region) => Task.CompletedTask;
}
