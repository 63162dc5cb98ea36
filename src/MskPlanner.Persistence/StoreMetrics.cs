using System.Data.Common;
using System.Diagnostics.Metrics;

using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MskPlanner.Persistence;

/// <summary>
/// Counts the database's failures, by kind, for the app's telemetry: a store that cannot be reached, two saves
/// that met (and were retried), and anything else. Nothing is recorded unless a listener (OpenTelemetry) asks.
/// </summary>
public sealed class StoreMetrics : DbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    public const string MeterName = "MskPlanner.Persistence";

    private readonly Meter _meter;
    private readonly Counter<long> _errors;

    public StoreMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _errors = _meter.CreateCounter<long>("mskplanner.db.errors", "{error}", "Database commands and connections that failed.");
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Count(eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Count(eventData.Exception);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Count(eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Count(eventData.Exception);
        return Task.CompletedTask;
    }

    public void Dispose() => _meter.Dispose();

    private void Count(Exception error)
    {
        // A cancelled request (a page closed mid-query) is not a database fault.
        if (error is OperationCanceledException)
        {
            return;
        }

        var kind = StoreFaults.IsUnavailable(error) ? "unavailable" : StoreFaults.IsWriteConflict(error) ? "conflict" : "other";
        _errors.Add(1, new KeyValuePair<string, object?>("error.kind", kind));
    }
}
