using MskPlanner.Pricing;
using MskPlanner.Sizing;
using MskPlanner.Web.Telemetry;

namespace MskPlanner.Web.Services;

/// <summary>What the page and the API share: validate a request, price it for its region, size it.</summary>
public sealed class SizingService(IPriceSource prices, RegionCatalog regions, AppMetrics metrics)
{
    public async ValueTask<Outcome<SizingResult>> SizeAsync(SizingRequest request, CancellationToken cancellationToken = default)
    {
        var resolution = request.Resolve();
        if (!resolution.Succeeded)
        {
            return Outcome.Failure<SizingResult>(resolution.Errors);
        }

        var input = resolution.Value;
        if (!regions.IsSold(input.Region))
        {
            return Outcome.Failure<SizingResult>(new FieldError("region", $"Amazon MSK is not sold in {input.Region}; pick one of the listed regions."));
        }

        var sheet = await prices.GetPricesAsync(input.Region, cancellationToken);
        var result = SizingEngine.Size(input, sheet);
        metrics.Sized();
        return Outcome.Success(result);
    }

    /// <summary>Completes when prices still downloading for the region have arrived (or failed to).</summary>
    public Task PricesArrivalAsync(string region) => prices.ArrivalAsync(region);
}
