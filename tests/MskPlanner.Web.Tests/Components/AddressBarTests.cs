using Microsoft.JSInterop;

using MskPlanner.Web.Planner;

namespace MskPlanner.Web.Tests.Components;

public sealed class AddressBarTests
{
    [Fact]
    public async Task Addresses_shown_while_the_module_loads_leave_only_the_newest_in_the_address_bar()
    {
        var browser = new SlowAddressModule();
        await using var bar = new AddressBar(browser);

        var older = bar.ShowAsync("/?avgDataInMiBps=6");
        var newer = bar.ShowAsync("/?avgDataInMiBps=60");
        browser.FinishLoading();
        await Task.WhenAll(older, newer);

        var call = Assert.Single(browser.AddressBar.Calls);
        Assert.Equal(("replaceAddress", "/?avgDataInMiBps=60"), (call.Identifier, (string)call.Arguments![0]!));
    }

    [Fact]
    public async Task Once_loaded_every_address_is_written_in_turn_through_one_module()
    {
        var browser = new SlowAddressModule();
        browser.FinishLoading();
        await using var bar = new AddressBar(browser);

        await bar.ShowAsync("/?avgDataInMiBps=6");
        await bar.ShowAsync("/?avgDataInMiBps=60");

        Assert.Equal(["/?avgDataInMiBps=6", "/?avgDataInMiBps=60"], browser.AddressBar.Calls.Select(c => (string)c.Arguments![0]!));
        Assert.Equal(1, browser.Imports);
    }

    /// <summary>A browser whose address module loads when the test says so.</summary>
    private sealed class SlowAddressModule : IJSRuntime
    {
        private readonly TaskCompletionSource<IJSObjectReference> _loading = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public RecordingModule AddressBar { get; } = new();

        public int Imports { get; private set; }

        public void FinishLoading() => _loading.SetResult(AddressBar);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        {
            Assert.Equal(("import", "./js/address.js"), (identifier, (string)args![0]!));
            Imports++;
            return new ValueTask<TValue>(_loading.Task.ContinueWith(t => (TValue)t.Result, TaskScheduler.Default));
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => InvokeAsync<TValue>(identifier, args);
    }

    /// <summary>A JavaScript module that keeps what it was asked to do.</summary>
    private sealed class RecordingModule : IJSObjectReference
    {
        public List<(string Identifier, object?[]? Arguments)> Calls { get; } = [];

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        {
            Calls.Add((identifier, args));
            return ValueTask.FromResult(default(TValue)!);
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => InvokeAsync<TValue>(identifier, args);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
