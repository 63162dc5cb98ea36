using System.Diagnostics.Metrics;

namespace MskPlanner.Web.Telemetry;

/// <summary>The web app's own telemetry: sizings computed and live Blazor connections. Recorded only when a listener asks.</summary>
public sealed class AppMetrics : IDisposable
{
    public const string MeterName = "MskPlanner.Web";

    private readonly Meter _meter;
    private readonly Counter<long> _sizings;

    public AppMetrics(IMeterFactory meters, LiveConnections connections)
    {
        _meter = meters.Create(MeterName);
        _sizings = _meter.CreateCounter<long>("mskplanner.sizings", "{sizing}", "Sizings computed, for the page and the API alike.");
        _meter.CreateObservableUpDownCounter("mskplanner.circuits", () => Enum.GetValues<HubTransport>()
            .Select(t => new Measurement<int>(connections.Open(t), new KeyValuePair<string, object?>("transport", t.ToString()))),
            "{connection}", "Live Blazor connections by transport, negotiated or not, each holding a circuit.");
    }

    public void Sized() => _sizings.Add(1);

    public void Dispose() => _meter.Dispose();
}
