using System.Diagnostics.Metrics;

using Microsoft.Extensions.DependencyInjection;

namespace MskPlanner.Benchmarks;

/// <summary>The meter factory the app's container would give; with no listener, recording costs next to nothing.</summary>
internal static class Meters
{
    public static IMeterFactory Factory { get; } = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
}
