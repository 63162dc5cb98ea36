using System.Globalization;

using MskPlanner.Sizing;

namespace MskPlanner.Web.Planner;

/// <summary>
/// The planner form's state. Empty fields mean "use the default", as in the API. The same state round-trips
/// through the page's query string (the API's field names), so a copied URL reproduces the inputs.
/// </summary>
public sealed class PlannerForm
{
    public double? AvgDataInMiBps { get; set; } = 50;
    public double? PeakDataInMiBps { get; set; }
    public double? AvgDataOutMiBps { get; set; } = 100;
    public double? PeakDataOutMiBps { get; set; }
    public double? RetentionHours { get; set; } = InputLimits.DefaultRetentionHours;
    public double? PrimaryRetentionHours { get; set; }
    public int? Partitions { get; set; } = 3000;
    public int ReplicationFactor { get; set; } = InputLimits.DefaultReplicationFactor;
    public int AvailabilityZones { get; set; } = InputLimits.DefaultAvailabilityZones;
    public bool NearestReplicaFetching { get; set; } = true;
    public double? DiskUtilizationTarget { get; set; } = InputLimits.DefaultDiskUtilizationTarget;
    public double? PeakUtilization { get; set; } = InputLimits.DefaultPeakUtilization;
    public double? LaggingConsumerFactor { get; set; } = InputLimits.DefaultLaggingConsumerFactor;
    public double? ProvisionedThroughputMiBps { get; set; }
    public bool UseMaxPartitions { get; set; }
    public bool TlsInTransit { get; set; } = true;
    public double? TlsDeratePercent { get; set; }
    public double? PageCacheSeconds { get; set; }
    public int? BrokerQuota { get; set; } = InputLimits.DefaultBrokerQuota;
    public string Region { get; set; } = InputLimits.DefaultRegion;

    public SizingRequest ToRequest() => new()
    {
        AvgDataInMiBps = AvgDataInMiBps,
        PeakDataInMiBps = PeakDataInMiBps,
        AvgDataOutMiBps = AvgDataOutMiBps,
        PeakDataOutMiBps = PeakDataOutMiBps,
        RetentionHours = RetentionHours,
        PrimaryRetentionHours = PrimaryRetentionHours,
        Partitions = Partitions,
        ReplicationFactor = ReplicationFactor,
        AvailabilityZones = AvailabilityZones,
        NearestReplicaFetching = NearestReplicaFetching,
        DiskUtilizationTarget = DiskUtilizationTarget,
        PeakUtilization = PeakUtilization,
        LaggingConsumerFactor = LaggingConsumerFactor,
        ProvisionedThroughputMiBps = ProvisionedThroughputMiBps,
        UseMaxPartitions = UseMaxPartitions,
        TlsInTransit = TlsInTransit,
        TlsDeratePercent = TlsDeratePercent,
        PageCacheSeconds = PageCacheSeconds,
        BrokerQuota = BrokerQuota,
        Region = Region,
    };

    /// <summary>A form showing a saved request exactly.</summary>
    public static PlannerForm FromRequest(SizingRequest request) => new()
    {
        AvgDataInMiBps = request.AvgDataInMiBps,
        PeakDataInMiBps = request.PeakDataInMiBps,
        AvgDataOutMiBps = request.AvgDataOutMiBps,
        PeakDataOutMiBps = request.PeakDataOutMiBps,
        RetentionHours = request.RetentionHours,
        PrimaryRetentionHours = request.PrimaryRetentionHours,
        Partitions = request.Partitions,
        ReplicationFactor = request.ReplicationFactor ?? InputLimits.DefaultReplicationFactor,
        AvailabilityZones = request.AvailabilityZones ?? InputLimits.DefaultAvailabilityZones,
        NearestReplicaFetching = request.NearestReplicaFetching ?? true,
        DiskUtilizationTarget = request.DiskUtilizationTarget,
        PeakUtilization = request.PeakUtilization,
        LaggingConsumerFactor = request.LaggingConsumerFactor,
        ProvisionedThroughputMiBps = request.ProvisionedThroughputMiBps,
        UseMaxPartitions = request.UseMaxPartitions ?? false,
        TlsInTransit = request.TlsInTransit ?? true,
        TlsDeratePercent = request.TlsDeratePercent,
        PageCacheSeconds = request.PageCacheSeconds,
        BrokerQuota = request.BrokerQuota,
        Region = request.Region ?? InputLimits.DefaultRegion,
    };

    /// <summary>The form as query-string pairs, in the API's field names.</summary>
    public IReadOnlyDictionary<string, string?> ToQuery() => new Dictionary<string, string?>
    {
        ["avgDataInMiBps"] = Format(AvgDataInMiBps),
        ["peakDataInMiBps"] = Format(PeakDataInMiBps),
        ["avgDataOutMiBps"] = Format(AvgDataOutMiBps),
        ["peakDataOutMiBps"] = Format(PeakDataOutMiBps),
        ["retentionHours"] = Format(RetentionHours),
        ["primaryRetentionHours"] = Format(PrimaryRetentionHours),
        ["partitions"] = Format(Partitions),
        ["replicationFactor"] = Format(ReplicationFactor),
        ["availabilityZones"] = Format(AvailabilityZones),
        ["nearestReplicaFetching"] = Format(NearestReplicaFetching),
        ["diskUtilizationTarget"] = Format(DiskUtilizationTarget),
        ["peakUtilization"] = Format(PeakUtilization),
        ["laggingConsumerFactor"] = Format(LaggingConsumerFactor),
        ["provisionedThroughputMiBps"] = Format(ProvisionedThroughputMiBps),
        ["useMaxPartitions"] = Format(UseMaxPartitions),
        ["tlsInTransit"] = Format(TlsInTransit),
        ["tlsDeratePercent"] = Format(TlsDeratePercent),
        ["pageCacheSeconds"] = Format(PageCacheSeconds),
        ["brokerQuota"] = Format(BrokerQuota),
        ["region"] = Region,
    };

    /// <summary>
    /// A form from query-string values: an empty query gives the starter workload; otherwise an absent number
    /// means "the model's default", as in the API, and one that cannot be read leaves its field empty, so the user
    /// sees that field's message instead of a silently changed value.
    /// </summary>
    public static PlannerForm FromQuery(IReadOnlyDictionary<string, string> query)
    {
        var form = new PlannerForm();
        if (query.Count == 0)
        {
            return form;
        }

        form.AvgDataInMiBps = Number(query, "avgDataInMiBps");
        form.PeakDataInMiBps = Number(query, "peakDataInMiBps");
        form.AvgDataOutMiBps = Number(query, "avgDataOutMiBps");
        form.PeakDataOutMiBps = Number(query, "peakDataOutMiBps");
        form.RetentionHours = Number(query, "retentionHours");
        form.PrimaryRetentionHours = Number(query, "primaryRetentionHours");
        form.Partitions = Integer(query, "partitions");
        form.ReplicationFactor = Choice(query, "replicationFactor", form.ReplicationFactor);
        form.AvailabilityZones = Choice(query, "availabilityZones", form.AvailabilityZones);
        form.NearestReplicaFetching = Flag(query, "nearestReplicaFetching", form.NearestReplicaFetching);
        form.DiskUtilizationTarget = Number(query, "diskUtilizationTarget");
        form.PeakUtilization = Number(query, "peakUtilization");
        form.LaggingConsumerFactor = Number(query, "laggingConsumerFactor");
        form.ProvisionedThroughputMiBps = Number(query, "provisionedThroughputMiBps");
        form.UseMaxPartitions = Flag(query, "useMaxPartitions", form.UseMaxPartitions);
        form.TlsInTransit = Flag(query, "tlsInTransit", form.TlsInTransit);
        form.TlsDeratePercent = Number(query, "tlsDeratePercent");
        form.PageCacheSeconds = Number(query, "pageCacheSeconds");
        form.BrokerQuota = Integer(query, "brokerQuota");
        form.Region = query.TryGetValue("region", out var region) && !string.IsNullOrWhiteSpace(region) ? region : form.Region;
        return form;
    }

    private static double? Number(IReadOnlyDictionary<string, string> query, string key) =>
        query.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int? Integer(IReadOnlyDictionary<string, string> query, string key) =>
        query.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A pick from a short list: absent keeps the default; unreadable becomes 0, which validation names.</summary>
    private static int Choice(IReadOnlyDictionary<string, string> query, string key, int fallback) =>
        query.ContainsKey(key) ? Integer(query, key) ?? 0 : fallback;

    private static bool Flag(IReadOnlyDictionary<string, string> query, string key, bool fallback) =>
        query.TryGetValue(key, out var text) && bool.TryParse(text, out var value) ? value : fallback;

    private static string? Format(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string? Format(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Format(bool value) => value ? "true" : "false";
}
