using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MskPlanner.Pricing;

public static class PricingServiceCollectionExtensions
{
    /// <summary>Registers the price source the "Pricing" section chooses.</summary>
    public static IHostApplicationBuilder AddPricing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PricingOptions>()
            .BindConfiguration(PricingOptions.Section)
            .Validate(o => string.Equals(o.Source, "snapshot", StringComparison.OrdinalIgnoreCase), "Pricing:Source must be \"snapshot\" (the only source so far).")
            .ValidateOnStart();
        builder.Services.AddSingleton<BundledSnapshotPriceSource>();
        builder.Services.AddSingleton<IPriceSource>(sp => sp.GetRequiredService<BundledSnapshotPriceSource>());
        return builder;
    }
}
