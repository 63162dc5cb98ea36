
namespace MskPlanner.Sizing.Tests;

internal static class Inputs
{
    public static SizingInput Valid(SizingRequest request)
    {
        var resolution = request.Resolve();
        Assert.True(resolution.Succeeded, string.Join("; ", resolution.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return resolution.GetValueOrThrow();
    }

    public static SizingResult Size(SizingRequest request, PriceSheet? prices = null) =>
        SizingEngine.Size(Valid(request), prices ?? ReferencePrices.UsEast1);

    public static BrokerOption Option(this SizingResult result, string type) =>
        result.Options.Single(o => o.Type.Name == type);
}
