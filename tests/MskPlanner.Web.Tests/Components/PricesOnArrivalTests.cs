using Bunit;

using Microsoft.Extensions.DependencyInjection;

using MskPlanner.Pricing;
using MskPlanner.Sizing;

using PlannerPage = MskPlanner.Web.Components.Planner.Planner;

namespace MskPlanner.Web.Tests.Components;

/// <summary>The planner's first page after a start, while the region's live prices are still downloading.</summary>
public class PricesOnArrivalTests() : PlannerTestContext(context =>
{
    context.Services.AddSingleton<IPriceSource>(Downloading);
    context.AddAuthorization().SetAuthorized("Local user");
})
{
    private static readonly DownloadingPrices Downloading = new();

    [Fact]
    public void The_page_answers_from_the_snapshot_at_once_and_shows_live_prices_when_they_arrive()
    {
        var page = Render<PlannerPage>();
        Assert.Contains("bundled snapshot", page.Find("[data-testid=prices]").TextContent, StringComparison.Ordinal);

        Downloading.Arrive();

        page.WaitForAssertion(() => Assert.Contains("AWS price list", page.Find("[data-testid=prices]").TextContent, StringComparison.Ordinal));
    }

    /// <summary>
    /// The bundled prices, told apart by their origin: "still downloading" until <see cref="Arrive"/>, then as the
    /// live list's. What the live source does with AWS's wire format is tested against the loopback fake in Pricing.Tests.
    /// </summary>
    private sealed class DownloadingPrices : IPriceSource
    {
        private readonly PriceSheet _snapshot = new BundledSnapshotPriceSource().Snapshot;
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Arrive() => _arrived.TrySetResult();

        public ValueTask<PriceSheet> GetPricesAsync(string region, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(_arrived.Task.IsCompleted
                ? _snapshot with { Origin = _snapshot.Origin with { Source = LivePriceSheet.SourceName } }
                : _snapshot with { Origin = _snapshot.Origin with { Note = "Live prices are still downloading." } });

        public Task ArrivalAsync(string region) => _arrived.Task;
    }
}
