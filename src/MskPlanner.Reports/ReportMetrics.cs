using System.Diagnostics.Metrics;

namespace MskPlanner.Reports;

/// <summary>The reports' telemetry: PDFs rendered, by kind and outcome. Recorded only when a listener asks.</summary>
public sealed class ReportMetrics : IDisposable
{
    public const string MeterName = "MskPlanner.Reports";

    private readonly Meter _meter;
    private readonly Counter<long> _rendered;

    public ReportMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _rendered = _meter.CreateCounter<long>("mskplanner.pdfs.rendered", "{pdf}", "PDF cost summaries rendered, by kind and outcome.");
    }

    internal void Rendered(string kind, bool succeeded) =>
        _rendered.Add(1, new("kind", kind), new("outcome", succeeded ? "ok" : "failed"));

    public void Dispose() => _meter.Dispose();
}
