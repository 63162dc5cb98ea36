using MskPlanner.Persistence;
using MskPlanner.Pricing;

namespace MskPlanner.PriceStore;

/// <summary>The price refresh's lease, kept in the plans database that every instance shares.</summary>
internal sealed class StoredRefreshLease(LeaseStore leases) : IPriceRefreshLease
{
    private const string Name = "price-refresh";

    /// <summary>This instance of the app, told apart from others on the same machine and from its own restarts.</summary>
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public Task<bool> TryAcquireAsync(TimeSpan hold, CancellationToken cancellationToken) =>
        leases.TryAcquireAsync(Name, _holder, hold, cancellationToken);

    public Task ReleaseAsync(CancellationToken cancellationToken) =>
        leases.ReleaseAsync(Name, _holder, cancellationToken);
}
