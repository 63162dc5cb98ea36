using System.Collections.Concurrent;
using System.Net;

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MskPlanner.Web.Tests.Api;

/// <summary>A browser that kept a cookie from another key ring: a new database, or another app on the same port.</summary>
public sealed class StaleCookieTests : IClassFixture<StaleCookieTests.LoggedApp>
{
    private readonly LoggedApp _app;

    public StaleCookieTests(LoggedApp app) => _app = app;

    [Fact]
    public async Task An_antiforgery_cookie_the_app_cannot_read_is_replaced_without_an_error_in_the_log()
    {
        using var fresh = await _app.CreateClient().GetAsync("/");
        var cookieName = fresh.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).Split('=')[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"{cookieName}=CfDJ8{new string('A', 150)}");

        using var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(cookieName + "=", StringComparison.Ordinal));
        Assert.DoesNotContain(_app.Entries, e => e.Level >= LogLevel.Error);
    }

    public sealed class LoggedApp : PlannerAppFactory, ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level)> Entries { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(this));
        }

        ILogger ILoggerProvider.CreateLogger(string categoryName) => new Entry(categoryName, Entries);

        void IDisposable.Dispose()
        {
        }

        private sealed class Entry(string category, ConcurrentQueue<(string, LogLevel)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel));
        }
    }
}
