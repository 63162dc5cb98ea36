namespace MskPlanner.EndToEnd.Tests.Probe;

/// <summary>Waits on a condition, not on a clock: checks it until it holds, and gives up (the test fails) after a minute.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static Task HoldsAsync(Func<bool> condition) => HoldsAsync(() => Task.FromResult(condition()));

    public static async Task HoldsAsync(Func<Task<bool>> condition)
    {
        using var limit = new CancellationTokenSource(Limit);
        while (!await condition())
        {
            await Task.Delay(50, limit.Token);
        }
    }
}
