namespace MskPlanner.Sizing;

/// <summary>
/// The defaults and allowed ranges of every input, defined once for the engine, the API and the form.
/// </summary>
/// <remarks>
/// Upper bounds are far beyond any real MSK estate; they exist so every result stays finite and every broker
/// count fits in an <see cref="int"/>.
/// </remarks>
public static class InputLimits
{
    /// <summary>
    /// About 1 KiB/s: below it a rate means nothing for Kafka, and ratios such as fan-out (out / in) could
    /// overflow to infinity, which no JSON answer or saved plan can carry.
    /// </summary>
    public const double MinThroughputMiBps = 0.001;

    public const double MaxThroughputMiBps = 100_000;
    public const double DefaultRetentionHours = 168;
    public const double MaxRetentionHours = 87_600;
    public const int MaxPartitions = 10_000_000;
    public const int DefaultReplicationFactor = 3;
    public const int DefaultAvailabilityZones = 3;
    public const double MinDiskUtilizationTarget = 0.01;
    public const double MaxDiskUtilizationTarget = 0.85;
    public const double DefaultDiskUtilizationTarget = 0.5;
    public const double MinPeakUtilization = 0.01;
    public const double DefaultPeakUtilization = 0.5;
    public const double DefaultLaggingConsumerFactor = 0.5;
    public const double MaxLaggingConsumerFactor = 10;
    public const double MinProvisionedThroughputMiBps = 250;
    public const double MaxProvisionedThroughputMiBps = 1000;
    public const double MaxTlsDeratePercent = 90;
    public const double MaxPageCacheSeconds = 86_400;
    public const int DefaultBrokerQuota = 60;
    public const int MaxBrokerQuota = 10_000;
    public const int MaxClientConnections = 10_000_000;
    public const string DefaultRegion = "us-east-1";
    public const double MinMonthlyGrowthPercent = -50;
    public const double MaxMonthlyGrowthPercent = 100;
    public const int MinHorizonMonths = 6;
    public const int MaxHorizonMonths = 36;
    public const int DefaultHorizonMonths = 12;
}
