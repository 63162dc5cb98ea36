namespace MskPlanner.Persistence;

/// <summary>
/// Opens once the migrations have run. Background work (the price refresh) starts beside the migrator and waits
/// here, so nothing reads a table before it exists.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    internal void Open() => _ready.TrySetResult();

    internal void Fail(Exception error) => _ready.TrySetException(error);
}
