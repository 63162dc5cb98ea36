using MskPlanner.Pricing;
using MskPlanner.Sizing;

namespace MskPlanner.Web.Services;

/// <summary>What the page and the API share: validate a request, price it for its region, size it.</summary>
public sealed class SizingService(IPriceSource prices, RegionCatalog regions)
{
    public async ValueTask<SizingOutcome> SizeAsync(SizingRequest request, CancellationToken cancellationToken = default)
    {
        var resolution = request.Resolve();
        var errors = resolution.Errors.ToList();
        if (resolution.Input is { } candidate && !regions.IsSold(candidate.Region))
        {
            errors.Add(new FieldError("region", $"Amazon MSK is not sold in {candidate.Region}; pick one of the listed regions."));
        }

        if (errors.Count > 0)
        {
            return new SizingOutcome(null, errors);
        }

        var input = resolution.Input!;
        var sheet = await prices.GetPricesAsync(input.Region, cancellationToken);
        return new SizingOutcome(SizingEngine.Size(input, sheet), []);
    }
}

/// <summary>A sizing, or the field errors that prevented it.</summary>
public sealed record SizingOutcome(SizingResult? Result, IReadOnlyList<FieldError> Errors);
