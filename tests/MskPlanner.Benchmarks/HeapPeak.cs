namespace MskPlanner.Benchmarks;

/// <summary>Samples the managed heap every few milliseconds while a piece of work runs, and keeps the highest.</summary>
public sealed class HeapPeak : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peak;

    private HeapPeak() => _sampler = Task.Run(SampleAsync);

    public long Bytes => Interlocked.Read(ref _peak);

    public static HeapPeak Start()
    {
        GC.Collect();
        return new HeapPeak();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var now = GC.GetTotalMemory(false);
            if (now > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, now);
            }

            await Task.Delay(5);
        }
    }
}
