using System.Collections.Concurrent;


using Microsoft.Extensions.Time.Testing;

using MskPlanner.Persistence;
using MskPlanner.PriceStore;

namespace MskPlanner.Pricing.Tests;

/// <summary>The app's real pricing and persistence wiring, pointed at the fake AWS on loopback and a temporary SQLite file.</summary>
public sealed class LiveHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private LiveHarness(IHost host, FakeTimeProvider clock, WarningCounter warnings)
    {
        _host = host;
        Clock = clock;
        Warnings = warnings;
    }

    public FakeTimeProvider Clock { get; }

    public WarningCounter Warnings { get; }

    public LivePriceSource Prices => _host.Services.GetRequiredService<LivePriceSource>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>A refresher as the app has, on the fake clock.</summary>
    public PriceRefreshService Refresher() => ActivatorUtilities.CreateInstance<PriceRefreshService>(_host.Services, Clock);

    public static async Task<LiveHarness> StartAsync(FakeAws aws, string databasePath, PriceSourceKind source = PriceSourceKind.Bulk, Action<IServiceCollection>? configure = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var warnings = new WarningCounter();
        var host = Build(aws, databasePath, source, warnings, clock, configure);
        await host.Services.GetRequiredService<DatabaseMigrator>().StartAsync(CancellationToken.None);
        return new LiveHarness(host, clock, warnings);
    }

    /// <summary>The app's pricing and persistence registered as Program.cs registers them, pricing first, with the stored price cache between them.</summary>
    public static IHost Build(FakeAws aws, string databasePath, PriceSourceKind source, ILoggerProvider logs, TimeProvider clock, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pricing:Source"] = source.ToString(),
            ["Pricing:Ec2FromBulkOffer"] = "true",
            ["Pricing:BulkEndpoint"] = aws.Address.ToString(),
            ["Pricing:QueryEndpoint"] = aws.Address.ToString(),
            ["Pricing:Timeout"] = "00:00:01",
            // These tests read what a download brings: a request waits for it on the fake clock, which only the
            // tests move. The default, no wait, has its own tests (LiveByDefaultTests).
            ["Pricing:FirstFetchWait"] = "00:00:03",
            ["Pricing:RetryAfterFailure"] = "00:05:00",
            ["Pricing:RefreshInterval"] = "1.00:00:00",
            ["Persistence:DatabasePath"] = databasePath,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.AddPricing();
        // The fake clock moves only what the tests move (when a set was fetched, when a failed region may be tried
        // again, how old the served prices are); the HTTP client's timeouts and retry delays keep real time, or a
        // fake clock would stall them.
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<LivePriceSource>(sp, sp.GetRequiredService<IAwsPriceList>(), clock));
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PricingMetrics>(sp, clock));
        builder.AddPersistence();
        builder.Services.AddStoredPriceCache();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}

/// <summary>Keeps the warnings and errors logged, to check a failure is logged once, not on every request.</summary>
public sealed class WarningCounter : ILoggerProvider, ILogger
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Warning)
        {
            Messages.Enqueue(formatter(state, exception));
        }
    }

    public void Dispose()
    {
    }
}
