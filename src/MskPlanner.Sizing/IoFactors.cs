namespace MskPlanner.Sizing;

/// <summary>
/// How much EBS and network traffic one MiB/s of ingress causes on a Standard broker, sized for the state with
/// one AZ down. See docs/sizing.md for the derivation; with 3 AZs and RF 3 these are the reference method's
/// 6.5 (storage) and 1.5 x fan-out + 5.7 (network).
/// </summary>
public readonly record struct IoFactors(double Storage, double Network, double AzDownShare)
{
    /// <summary>Kafka reassigning partitions after a failure reads and ships up to three times ingress.</summary>
    public const double Rebalancing = 3.0;

    /// <summary>
    /// Replication-out per follower copy. The reference gives 2.2 for RF 3 (two copies); we read it as 10% protocol
    /// overhead per copy so RF 2 gets 1.1 instead of 2.2.
    /// </summary>
    public const double ReplicationOverhead = 1.1;

    public static IoFactors For(SizingInput input)
    {
        double zones = input.AvailabilityZones;
        double rf = input.ReplicationFactor;

        // With one AZ down the survivors carry a/(a-1) of the leaders' traffic.
        var azDownShare = zones / (zones - 1);
        var tiered = input.UsesTieredStorage ? azDownShare : 0;

        // Every replica writes what the leader receives: ingress share plus replication-in is RF in total,
        // in the normal state and, spread over the survivors, with one AZ down.
        var storage = rf + input.LaggingConsumerFactor + Rebalancing + tiered;

        var fanOut = input.PeakDataOutMiBps / input.PeakDataInMiBps;
        var network = (fanOut * azDownShare) + (ReplicationOverhead * (rf - 1)) + input.LaggingConsumerFactor + Rebalancing + tiered;

        return new IoFactors(storage, network, azDownShare);
    }
}
