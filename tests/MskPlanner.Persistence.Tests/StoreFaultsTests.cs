using System.Diagnostics.Metrics;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;

using Npgsql;

namespace MskPlanner.Persistence.Tests;

public class StoreFaultsTests
{
    [Theory]
    [InlineData(8)] // read-only
    [InlineData(10)] // I/O error
    [InlineData(11)] // corrupt
    [InlineData(13)] // disk full
    [InlineData(14)] // cannot open
    [InlineData(26)] // not a database
    public void Storage_faults_count_as_the_store_being_unavailable_even_wrapped_by_ef(int code)
    {
        var fault = new SqliteException("storage fault", code);

        Assert.True(StoreFaults.IsUnavailable(fault));
        Assert.True(StoreFaults.IsUnavailable(new DbUpdateException("save failed", fault)));
    }

    [Theory]
    [InlineData(19)] // constraint: a bug or a conflict, not the disk
    [InlineData(1)] // SQL error
    public void Faults_of_our_own_making_do_not(int code) =>
        Assert.False(StoreFaults.IsUnavailable(new DbUpdateException("save failed", new SqliteException("not storage", code))));

    [Fact]
    public void Other_exceptions_do_not() =>
        Assert.False(StoreFaults.IsUnavailable(new InvalidOperationException("a bug")));

    [Fact]
    public async Task A_postgresql_server_that_cannot_be_reached_counts_as_unavailable()
    {
        await using var connection = new NpgsqlConnection("Host=127.0.0.1;Port=1;Username=postgres;Timeout=2");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.OpenAsync());

        Assert.True(StoreFaults.IsUnavailable(error));
    }

    [Theory]
    [InlineData("53100", true)] // disk full
    [InlineData("57P01", true)] // administrator shut the server down
    [InlineData("08006", true)] // connection failure
    [InlineData("25006", true)] // read-only transaction: a standby
    [InlineData("23505", false)] // unique violation: two saves met, not the server
    [InlineData("42P01", false)] // undefined table: a bug
    public void Postgresql_errors_are_told_apart_by_their_state(string state, bool unavailable)
    {
        var error = new DbUpdateException("save failed", new PostgresException("fault", "ERROR", "ERROR", state));

        Assert.Equal(unavailable, StoreFaults.IsUnavailable(error));
    }

    [Theory]
    [InlineData("23505")]
    [InlineData("40001")]
    [InlineData("40P01")]
    public void Postgresql_conflicts_between_saves_are_retried(string state) =>
        Assert.True(StoreFaults.IsWriteConflict(new DbUpdateException("save failed", new PostgresException("conflict", "ERROR", "ERROR", state))));

    [Fact]
    public async Task A_database_that_cannot_be_reached_is_counted_for_the_telemetry_as_unavailable()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = "PostgreSql",
            ["ConnectionStrings:Plans"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=plans;Timeout=2",
        });
        builder.AddPersistence();
        using var host = builder.Build();
        using var errors = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), StoreMetrics.MeterName, "mskplanner.db.errors");

        await Assert.ThrowsAnyAsync<Exception>(() => host.Services.GetRequiredService<PlanStore>().ListAsync(Caller.LocalUser, null, null, PlanSort.Name, 1, 10));

        // Each attempt of the retrying strategy failed, and each is counted.
        var failed = errors.GetMeasurementSnapshot();
        Assert.NotEmpty(failed);
        Assert.All(failed, error => Assert.Equal("unavailable", error.Tags["error.kind"]));
    }
}
