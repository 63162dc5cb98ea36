using MskPlanner.Sizing;

namespace MskPlanner.Import;

/// <summary>
/// What to import from Prometheus: where (<see cref="Url"/> on one's own machine, or a configured <see cref="Source"/>),
/// over how long, in which exporter's naming, and which statistic is the peak. Property names are the JSON contract.
/// </summary>
public sealed record PrometheusImportRequest
{
    public const int MaxSourceLength = 100;
    public const int MaxUrlLength = 2000;
    public const int MaxCredentialLength = 4096;
    public const int MaxGroupByLength = 8;
    public const int DefaultDays = 7;
    public const int MaxDays = 90;
    public const int DefaultStepSeconds = 300;
    public const int MinStepSeconds = 60;
    public const int MaxStepSeconds = 3600;

    /// <summary>The most 5-minute (or other step) rates one statistic reads per topic: 90 days at 5 minutes is 25,920.</summary>
    public const int MaxPointsPerTopic = 30_000;

    /// <summary>The Prometheus base address, e.g. http://localhost:9090/; only in Local mode.</summary>
    public string? Url { get; init; }

    /// <summary>The name of a source in <c>Import:Prometheus:Sources</c>.</summary>
    public string? Source { get; init; }

    /// <summary>With <see cref="Url"/>: a bearer token, or <see cref="Username"/> and <see cref="Password"/> for basic auth.</summary>
    public string? BearerToken { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>Days up to now; 7 when left out.</summary>
    public int? Days { get; init; }

    /// <summary>The rate window and the spacing of the rates the statistics read; 300 (5 minutes) when left out.</summary>
    public int? StepSeconds { get; init; }

    /// <summary>auto, jmx, msk or kafka-exporter; auto when left out.</summary>
    public string? Naming { get; init; }

    /// <summary>p99 or max of the rates; p99 when left out.</summary>
    public string? Peak { get; init; }

    /// <summary>Groups topics into one stream by the text before this delimiter (".": orders.eu and orders.us are "orders"); each topic its own stream when left out.</summary>
    public string? GroupBy { get; init; }

    /// <summary>The window, naming and statistics, checked; the target is checked apart, since it depends on the server's mode.</summary>
    public Outcome<ImportWindow> ResolveWindow()
    {
        var errors = new List<FieldError>();
        var days = Days ?? DefaultDays;
        if (days is < 1 or > MaxDays)
        {
            errors.Add(new("days", $"Days must be a whole number from 1 to {MaxDays}."));
        }

        var step = StepSeconds ?? DefaultStepSeconds;
        if (step is < MinStepSeconds or > MaxStepSeconds)
        {
            errors.Add(new("stepSeconds", $"Step must be a whole number of seconds from {MinStepSeconds} to {MaxStepSeconds}."));
        }
        else if (days is >= 1 and <= MaxDays && (long)days * 86_400 / step > MaxPointsPerTopic)
        {
            errors.Add(new("stepSeconds", $"{days} days at a {step} s step is more than {MaxPointsPerTopic:N0} rates per topic; choose a longer step or fewer days."));
        }

        var namingKey = (Naming ?? "auto").Trim();
        var naming = ExporterNaming.Find(namingKey);
        if (naming is null && namingKey != "auto")
        {
            errors.Add(new("naming", $"Naming must be auto, {string.Join(", ", ExporterNaming.All.Select(n => n.Key))}."));
        }

        var peak = PeakStatistic.Find((Peak ?? PeakStatistic.P99.Key).Trim());
        if (peak is null)
        {
            errors.Add(new("peak", $"Peak must be {string.Join(" or ", PeakStatistic.All.Select(p => p.Key))}."));
        }

        if (GroupBy is { } groupBy && (groupBy.Length is 0 or > MaxGroupByLength || groupBy.Any(char.IsControl)))
        {
            errors.Add(new("groupBy", $"Group by is a delimiter of 1 to {MaxGroupByLength} characters, such as \".\"."));
        }

        return errors.Count > 0 || peak is null
            ? Outcome.Failure<ImportWindow>(errors)
            : Outcome.Success(new ImportWindow(TimeSpan.FromDays(days), TimeSpan.FromSeconds(step), naming, peak, GroupBy));
    }
}

/// <summary>How far back, at which step, in which naming (null: detect it) and with which peak statistic.</summary>
public sealed record ImportWindow(TimeSpan Length, TimeSpan Step, ExporterNaming? Naming, PeakStatistic Peak, string? GroupBy);

/// <summary>The statistic of the rates that stands for a stream's peak.</summary>
public sealed record PeakStatistic(string Key, string Description, Func<string, string> OverTime)
{
    public static readonly PeakStatistic P99 = new("p99", "p99", range => $"quantile_over_time(0.99, {range})");

    public static readonly PeakStatistic Max = new("max", "max", range => $"max_over_time({range})");

    public static IReadOnlyList<PeakStatistic> All { get; } = [P99, Max];

    public static PeakStatistic? Find(string key) => All.FirstOrDefault(p => p.Key == key);
}
