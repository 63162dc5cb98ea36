using System.Text.RegularExpressions;

namespace MskPlanner.Sizing;

/// <summary>What runs Kafka today.</summary>
public enum MigrationSourceKind
{
    Ec2,
    OnPremises,
    Msk,
}

/// <summary>What copies the data from the source to the new cluster during the parallel run.</summary>
public enum ReplicationTool
{
    MskConnect,
    Ec2,
    Replicator,
}

/// <summary>Where the source runs, as the data's path to the new cluster is priced.</summary>
public enum SourceLocation
{
    SameRegion,
    OtherRegion,
    OnPremises,
}

/// <summary>How a replication tool signs in to the source; only MSK Replicator asks.</summary>
public enum SourceAuthentication
{
    Scram,
    Mtls,
    Other,
}

/// <summary>The cluster that runs today, as a plan's "Migrating from" section gives it. Property names are the public JSON contract.</summary>
public sealed record MigrationSourceRequest
{
    public string? Kind { get; init; }
    public string? InstanceType { get; init; }
    public int? Brokers { get; init; }
    public double? VolumeGiBPerBroker { get; init; }
    public double? MonthlyCost { get; init; }
    public string? KafkaVersion { get; init; }
    public string? Authentication { get; init; }
}

/// <summary>The move onto MSK: the source, the parallel run, the replication tool and the data's path. The API's <c>migration</c>.</summary>
public sealed record MigrationRequest
{
    public const string Key = "migration";

    public MigrationSourceRequest? Source { get; init; }
    public int? ParallelRunDays { get; init; }
    public string? Replication { get; init; }
    public string? Location { get; init; }
    public double? TransferUsdPerGb { get; init; }

    /// <summary>The EC2 type MirrorMaker 2 runs on when the replication is <c>ec2</c>.</summary>
    public string? WorkerInstanceType { get; init; }

    /// <summary>
    /// Checks every field and applies the defaults. Only the fields that decide alone are checked here; whether the
    /// chosen tool can serve this source and target is the plan's to say (<see cref="MigrationEngine"/>).
    /// </summary>
    public MigrationInput? Resolve(List<FieldError> errors)
    {
        var before = errors.Count;
        if (Source is null)
        {
            errors.Add(new(Field("source.kind"), $"Say what runs Kafka today: {ClusterChoices.NamesOf<MigrationSourceKind>()}."));
            return null;
        }

        var kind = Choice<MigrationSourceKind>(Source.Kind, "source.kind", "the source's kind", errors);
        var version = Version(Source.KafkaVersion, errors);
        var authentication = Source.Authentication is null
            ? (SourceAuthentication?)null
            : Choice<SourceAuthentication>(Source.Authentication, "source.authentication", "the source's authentication", errors);
        var days = Range(ParallelRunDays ?? MigrationLimits.DefaultParallelRunDays, 1, MigrationLimits.MaxParallelRunDays, "parallelRunDays", "days", errors);
        var tool = Choice<ReplicationTool>(Replication ?? ClusterChoices.NameOf(ReplicationTool.MskConnect), "replication", "the replication tool", errors);
        var defaultLocation = kind == MigrationSourceKind.OnPremises ? SourceLocation.OnPremises : SourceLocation.SameRegion;
        var location = Choice<SourceLocation>(Location ?? ClusterChoices.NameOf(defaultLocation), "location", "where the source is", errors);

        string? instanceType = null;
        int brokers = 0;
        double volume = 0;
        double? monthlyCost = null;
        switch (kind)
        {
            case MigrationSourceKind.Ec2:
                instanceType = Ec2Type(Source.InstanceType, "source.instanceType", errors);
                brokers = Range(Source.Brokers, 1, MigrationLimits.MaxSourceBrokers, "source.brokers", "brokers", errors) ?? 0;
                volume = Range(Source.VolumeGiBPerBroker, 1, MigrationLimits.MaxVolumeGiBPerBroker, "source.volumeGiBPerBroker", "GiB", errors) ?? 0;
                NotFor(Source.MonthlyCost, "source.monthlyCost", "an onPremises source", errors);
                break;
            case MigrationSourceKind.Msk:
                instanceType = MskType(Source.InstanceType, errors);
                brokers = Range(Source.Brokers, 1, MigrationLimits.MaxSourceBrokers, "source.brokers", "brokers", errors) ?? 0;
                if (instanceType is not null && BrokerCatalog.Find(instanceType)!.Class == BrokerClass.Standard)
                {
                    volume = Range(Source.VolumeGiBPerBroker, 1, MigrationLimits.MaxVolumeGiBPerBroker, "source.volumeGiBPerBroker", "GiB", errors) ?? 0;
                }

                NotFor(Source.MonthlyCost, "source.monthlyCost", "an onPremises source", errors);
                break;
            case MigrationSourceKind.OnPremises:
                monthlyCost = Range(Source.MonthlyCost, 0, MigrationLimits.MaxMonthlyCostUsd, "source.monthlyCost", "USD a month", errors);
                break;
        }

        if (kind is { } k && location is { } l && (k == MigrationSourceKind.OnPremises) != (l == SourceLocation.OnPremises))
        {
            errors.Add(new(Field("location"), k == MigrationSourceKind.OnPremises
                ? "An on-premises source is reached over Direct Connect or a VPN: its location is onPremises."
                : "A source in AWS is in this region or another one: sameRegion or otherRegion."));
        }

        double? transfer = null;
        if (location == SourceLocation.OnPremises)
        {
            transfer = Range(TransferUsdPerGb, 0, MigrationLimits.MaxTransferUsdPerGb, "transferUsdPerGb", "USD per GB", errors,
                "Give what Direct Connect or the VPN charges per GB, from your contract (AWS prices it per port and per GB out; data into AWS is free)");
        }
        else
        {
            NotFor(TransferUsdPerGb, "transferUsdPerGb", "an onPremises source (the price list prices transfer between regions)", errors);
        }

        var workerType = tool == ReplicationTool.Ec2
            ? Ec2Type(WorkerInstanceType ?? MigrationLimits.DefaultWorkerInstanceType, "workerInstanceType", errors)
            : null;
        if (tool != ReplicationTool.Ec2)
        {
            NotFor(WorkerInstanceType, "workerInstanceType", "MirrorMaker 2 run on EC2 (replication ec2)", errors);
        }

        if (errors.Count > before || kind is not { } sourceKind || version is null || days is not { } windowDays || tool is not { } chosenTool || location is not { } where)
        {
            return null;
        }

        return new MigrationInput(
            new MigrationSource(sourceKind, instanceType, brokers, volume, monthlyCost, version, authentication),
            windowDays, chosenTool, where, transfer, workerType);
    }

    public static string Field(string name) => $"{Key}.{name}";

    private static T? Choice<T>(string? text, string field, string what, List<FieldError> errors)
        where T : struct, Enum
    {
        if (ClusterChoices.TryParse<T>(text, out var value))
        {
            return value;
        }

        errors.Add(new(Field(field), text is null
            ? $"Give {what}: {ClusterChoices.NamesOf<T>()}."
            : $"'{Echo.Clip(text)}' is not {what}; choose {ClusterChoices.NamesOf<T>()}."));
        return null;
    }

    private static T? Range<T>(T? value, T min, T max, string field, string unit, List<FieldError> errors, string? missing = null)
        where T : struct, IComparable<T>
    {
        if (value is not { } given)
        {
            errors.Add(new(Field(field), (missing ?? $"Give {field.Split('.')[^1]}") + $", from {min} to {max:N0} {unit}."));
            return null;
        }

        if (given.CompareTo(min) < 0 || given.CompareTo(max) > 0 || (given is double d && !double.IsFinite(d)))
        {
            errors.Add(new(Field(field), $"{given} is out of range: give {min} to {max:N0} {unit}."));
            return null;
        }

        return given;
    }

    private static void NotFor<T>(T? value, string field, string whose, List<FieldError> errors)
    {
        if (value is not null)
        {
            errors.Add(new(Field(field), $"Only {whose} takes {field.Split('.')[^1]}; leave it out."));
        }
    }

    private static string? Ec2Type(string? text, string field, List<FieldError> errors)
    {
        if (text is not null && MigrationLimits.Ec2Types.ContainsKey(text))
        {
            return text;
        }

        errors.Add(new(Field(field), $"{(text is null ? "Give the EC2 instance type" : $"'{Echo.Clip(text)}' is not an EC2 type the planner prices")}: choose {string.Join(", ", MigrationLimits.Ec2Types.Keys)}."));
        return null;
    }

    private static string? MskType(string? text, List<FieldError> errors)
    {
        if (text is not null && BrokerCatalog.Find(text) is not null)
        {
            return text;
        }

        errors.Add(new(Field("source.instanceType"), $"{(text is null ? "Give the MSK broker type" : $"'{Echo.Clip(text)}' is not an MSK broker type")}: choose {string.Join(", ", BrokerCatalog.All.Select(t => t.Name))}."));
        return null;
    }

    private static KafkaRelease? Version(string? text, List<FieldError> errors)
    {
        if (text is null)
        {
            errors.Add(new(Field("source.kafkaVersion"), "Give the source's Kafka version, such as 2.8.1 or 3.6.0: a move keeps it, and the replication tools need some."));
            return null;
        }

        if (KafkaRelease.TryParse(text) is { } release)
        {
            return release;
        }

        errors.Add(new(Field("source.kafkaVersion"), $"'{Echo.Clip(text)}' is not a Kafka version: write it as 3.6.0, 2.8.1 or 3.7.x (MSK's form)."));
        return null;
    }
}

/// <summary>A Kafka version as a source runs it: the text the user gave, and its numbers to compare.</summary>
public sealed partial record KafkaRelease(string Text, int Major, int Minor, int Patch)
{
    public const int MaxLength = 20;

    private const int AnyPatch = 999;

    public static KafkaRelease? TryParse(string text)
    {
        if (text.Length > MaxLength || ReleasePattern().Match(text) is not { Success: true } match)
        {
            return null;
        }

        // MSK's "3.7.x" is every 3.7 patch, the latest when it creates a cluster: as high as a patch goes.
        static int Part(Group group) => !group.Success ? 0 : group.Value == "x" ? AnyPatch : int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture);
        return new(text, Part(match.Groups[1]), Part(match.Groups[2]), Part(match.Groups[3]));
    }

    public bool AtLeast(int major, int minor, int patch) =>
        Major != major ? Major > major : Minor != minor ? Minor > minor : Patch >= patch;

    public override string ToString() => Text;

    [GeneratedRegex(@"^(\d{1,2})\.(\d{1,3})(?:\.(\d{1,3}|x))?(?:\.\d{1,3})?(?:\.kraft)?$")]
    private static partial Regex ReleasePattern();
}

/// <summary>The source, checked.</summary>
/// <param name="InstanceType">The EC2 type (<c>m5.2xlarge</c>) or MSK type (<c>kafka.m5.2xlarge</c>); null on premises.</param>
/// <param name="VolumeGiBPerBroker">EBS per broker; 0 for on premises and Express.</param>
public sealed record MigrationSource(
    MigrationSourceKind Kind, string? InstanceType, int Brokers, double VolumeGiBPerBroker, double? MonthlyCost,
    KafkaRelease KafkaVersion, SourceAuthentication? Authentication)
{
    public bool SelfManaged => Kind != MigrationSourceKind.Msk;
}

/// <summary>The migration section, checked, with its defaults applied.</summary>
public sealed record MigrationInput(
    MigrationSource Source, int ParallelRunDays, ReplicationTool Tool, SourceLocation Location, double? TransferUsdPerGb, string? WorkerInstanceType)
{
    public double WindowHours => ParallelRunDays * 24.0;
}

/// <summary>The limits and defaults of the migration section, in one place (docs/migration.md).</summary>
public static class MigrationLimits
{
    /// <summary>Two weeks of both clusters: the issue's default; long enough to move every application and keep a way back.</summary>
    public const int DefaultParallelRunDays = 14;
    public const int MaxParallelRunDays = 365;
    public const int MaxSourceBrokers = 1_000;

    /// <summary>gp3's and MSK's largest volume, 16 TiB.</summary>
    public const double MaxVolumeGiBPerBroker = 16_384;
    public const double MaxMonthlyCostUsd = 10_000_000;
    public const double MaxTransferUsdPerGb = 1;
    public const string DefaultWorkerInstanceType = "m5.xlarge";

    /// <summary>The EC2 types a source or MirrorMaker 2 worker may run on: those the price sheet carries, with their vCPUs.</summary>
    public static IReadOnlyDictionary<string, int> Ec2Types { get; } = BrokerCatalog.All
        .Where(t => t.Class == BrokerClass.Standard)
        .ToDictionary(t => t.Ec2InstanceType, t => t.VCpus, StringComparer.Ordinal);
}
