using MskPlanner.Deployment;
using MskPlanner.Import;
using MskPlanner.Persistence;
using MskPlanner.Sizing;

namespace MskPlanner.Web.Services;

/// <summary>
/// A saved plan held against its running cluster, for the API and the plan page alike: the cluster measured (by
/// Prometheus or from a CloudWatch file), its traffic sized with the plan's own settings on the plan's broker type,
/// and each limit compared. The measured inputs come back too, so a new revision can be saved from them in one step.
/// </summary>
public sealed class PlanCheckService(PlanService plans, SizingService sizing, PrometheusImporter importer, ILogger<PlanCheckService> logger)
{
    public Task<PlanCheckOutcome> FromPrometheusAsync(Caller caller, int id, PrometheusTarget target, ImportWindow window, CancellationToken cancellationToken = default) =>
        CheckAsync(caller, id, async (_, token) =>
        {
            try
            {
                var (traffic, missing) = await importer.MeasureClusterAsync(target, window, token);
                return traffic is null ? PlanCheckOutcome.Fail(PlanCheckFailure.Unprocessable, missing!) : traffic;
            }
            catch (PrometheusQueryException e)
            {
                logger.LogWarning("A plan check against Prometheus at {Target} failed: {Reason}", target, e.Message);
                return PlanCheckOutcome.Fail(PlanCheckFailure.Unreachable, e.Message);
            }
        }, cancellationToken);

    /// <summary>The JSON of <c>aws cloudwatch get-metric-data</c>; its disk percentages are read on the plan's volume.</summary>
    public Task<PlanCheckOutcome> FromCloudWatchAsync(Caller caller, int id, string json, CancellationToken cancellationToken = default) =>
        CheckAsync(caller, id, (option, _) =>
        {
            try
            {
                var (traffic, missing) = CloudWatchTraffic.Measure(json, option.VolumePerBrokerGiB, []);
                return Task.FromResult<OneOf>(traffic is null ? PlanCheckOutcome.Fail(PlanCheckFailure.Unprocessable, missing!) : traffic);
            }
            catch (ImportFileException e)
            {
                return Task.FromResult<OneOf>(PlanCheckOutcome.Fail(PlanCheckFailure.InvalidFile, e.Message, e.Part));
            }
        }, cancellationToken);

    private async Task<PlanCheckOutcome> CheckAsync(Caller caller, int id, Func<BrokerOption, CancellationToken, Task<OneOf>> measure, CancellationToken cancellationToken)
    {
        if (await plans.Store.GetAsync(caller, id, null, cancellationToken) is not { } details)
        {
            return PlanCheckOutcome.Fail(PlanCheckFailure.NotFound, $"There is no plan {id}.");
        }

        var priced = await plans.PriceAsync(details, cancellationToken);
        if (priced.Result is not { } planned || priced.Headline?.Option is not { } option)
        {
            return PlanCheckOutcome.Fail(PlanCheckFailure.Unprocessable, "The plan's saved inputs no longer size, or it has no pick to hold against a cluster; open it and save a revision first.");
        }

        var measured = await measure(option, cancellationToken);
        if (measured.Failed is { } failed)
        {
            return failed;
        }

        var traffic = measured.Traffic!;
        var asMeasured = MeasuredInputs(details.Revision.Inputs, planned.Input, traffic);
        var sized = await sizing.SizeAsync(asMeasured, cancellationToken);
        if (!sized.Succeeded || sized.Value.Options.FirstOrDefault(o => o.Type == option.Type) is not { } measuredOption)
        {
            return PlanCheckOutcome.Fail(PlanCheckFailure.Unprocessable,
                "The measured traffic does not size on the plan's broker type: " + string.Join(" ", sized.Errors.Select(e => e.Message)));
        }

        var (limits, flags) = PlanCheck.Compare(option, measuredOption, planned.Input, traffic, Alarms.CpuPercentCeiling);
        var cpu = traffic.CpuPercent is { } percent ? new CpuDrift(percent, Alarms.CpuPercentCeiling, "%") : null;
        var summary = traffic.Summary;
        return new PlanCheckOutcome(new PlanCheckResult(
            id, details.Revision.Number, option.Type.Name, option.Brokers, limits, cpu, flags, traffic.Figures, summary,
            asMeasured, Measurement.Of(summary.Source, summary.From, summary.To)));
    }

    /// <summary>The plan's own settings (retention, replication, utilization, AZs, growth) with the measured traffic in place of its workload.</summary>
    private static SizingRequest MeasuredInputs(SizingRequest saved, SizingInput plan, ClusterTraffic traffic)
    {
        var least = InputCatalog.AvgDataIn.Min;
        return saved with
        {
            Streams = null,
            AvgDataInMiBps = Math.Max(traffic.AvgDataInMiBps, least),
            PeakDataInMiBps = Math.Max(traffic.PeakDataInMiBps, Math.Max(traffic.AvgDataInMiBps, least)),
            AvgDataOutMiBps = Math.Max(traffic.AvgDataOutMiBps, least),
            PeakDataOutMiBps = Math.Max(traffic.PeakDataOutMiBps, Math.Max(traffic.AvgDataOutMiBps, least)),
            LeaderPartitions = traffic.LeaderPartitions is > 0 and var leaders ? leaders : plan.LeaderPartitions,
            Partitions = null,
            RetentionHours = plan.RetentionHours,
            LaggingConsumerFactor = plan.LaggingConsumerFactor,
        };
    }

    /// <summary>What a measurement gave: the cluster's traffic, or the outcome that ends the check.</summary>
    private readonly record struct OneOf(ClusterTraffic? Traffic, PlanCheckOutcome? Failed)
    {
        public static implicit operator OneOf(ClusterTraffic traffic) => new(traffic, null);

        public static implicit operator OneOf(PlanCheckOutcome failed) => new(null, failed);
    }
}

public enum PlanCheckFailure
{
    NotFound,

    /// <summary>The plan or the measurements cannot be compared: no pick, no Kafka traffic, nothing that sizes.</summary>
    Unprocessable,

    /// <summary>Prometheus did not answer.</summary>
    Unreachable,

    /// <summary>The uploaded file cannot be read; <see cref="PlanCheckOutcome.Field"/> names its part.</summary>
    InvalidFile,
}

/// <summary>A check, or why there is none.</summary>
public sealed record PlanCheckOutcome(PlanCheckResult? Check, PlanCheckFailure? Failure = null, string? Message = null, string? Field = null)
{
    public static PlanCheckOutcome Fail(PlanCheckFailure failure, string message, string? field = null) => new(null, failure, message, field);
}

/// <summary>
/// A plan held against its running cluster; limits are keyed as the sizing's. <see cref="MeasuredInputs"/> is the
/// plan's inputs with the measured workload, ready to save as a revision with <see cref="MeasuredFrom"/>.
/// </summary>
public sealed record PlanCheckResult(
    int Plan, int Revision, string InstanceType, int Brokers, IReadOnlyDictionary<string, LimitDrift> Limits, CpuDrift? Cpu, IReadOnlyList<string> Flags,
    IReadOnlyList<ImportedFigure> Figures, ImportSummary Summary, SizingRequest MeasuredInputs, Measurement MeasuredFrom);
