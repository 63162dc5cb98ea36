using MskPlanner.Sizing;

namespace MskPlanner.Web.Components.Capacity;

/// <summary>The reverse question, answered as you type: from brokers to the traffic, partitions and retention they carry.</summary>
public partial class CapacityPage
{
    private CapacityRequest _request = new() { InstanceType = "kafka.m5.2xlarge", Brokers = 6, AvailabilityZones = 3, VolumeGiBPerBroker = 2000 };
    private ClusterCapacity? _capacity;
    private Dictionary<string, string> _errors = [];

    protected override void OnInitialized() => Answer();

    private Task ChangeAsync(CapacityRequest request)
    {
        _request = request;
        Answer();
        return Task.CompletedTask;
    }

    private void Answer()
    {
        var question = _request.Resolve();
        _errors = question.Errors.FirstByField();
        _capacity = question.Succeeded ? CapacityEngine.Capacity(question.Value) : null;
    }
}
