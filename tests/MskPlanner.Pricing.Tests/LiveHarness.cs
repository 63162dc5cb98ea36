using System.Collections.Concurrent;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

using MskPlanner.Persistence;

namespace MskPlanner.Pricing.Tests;

/// <summary>The app's real pricing and persistence wiring, pointed at the fake AWS on loopback and a temporary SQLite file.</summary>
public sealed class LiveHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private LiveHarness(IHost host, ManualClock clock, WarningCounter warnings)
    {
        _host = host;
        Clock = clock;
        Warnings = warnings;
    }

    public ManualClock Clock { get; }

    public WarningCounter Warnings { get; }

    public LivePriceSource Prices => _host.Services.GetRequiredService<LivePriceSource>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<LiveHarness> StartAsync(FakeAws aws, string databasePath, PriceSourceKind source = PriceSourceKind.Bulk, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pricing:Source"] = source.ToString(),
            ["Pricing:BulkEndpoint"] = aws.Address.ToString(),
            ["Pricing:QueryEndpoint"] = aws.Address.ToString(),
            ["Pricing:Timeout"] = "00:00:01",
            ["Pricing:RetryAfterFailure"] = "00:05:00",
            ["Pricing:RefreshInterval"] = "1.00:00:00",
            ["Persistence:DatabasePath"] = databasePath,
        });
        var clock = new ManualClock();
        var warnings = new WarningCounter();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(warnings);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddPricing();
        builder.AddPersistence();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await new DatabaseMigrator(host.Services.GetRequiredService<IDbContextFactory<PlansDbContext>>(), NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);
        return new LiveHarness(host, clock, warnings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}

public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Counts the warnings logged, to check a failure is logged once, not on every request.</summary>
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
