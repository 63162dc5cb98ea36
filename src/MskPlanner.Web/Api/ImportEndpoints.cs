using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

using MskPlanner.Import;
using MskPlanner.Web.Access;
using MskPlanner.Web.Services;

namespace MskPlanner.Web.Api;

public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/v1/import").WithTags("Import").AddEndpointFilter<BindingProblemFilter>().ForSignedInUsers();

        imports.MapPost("/prometheus", PrometheusAsync)
            .WithName("ImportFromPrometheus")
            .WithSummary("A workload as streams, measured by a running cluster's Prometheus: a stream per topic, or per group of topics.")
            .WithDescription("Give source (one of the server's Import:Prometheus:Sources) or, in Local mode only, url. days (7), stepSeconds (300), " +
                "naming (auto, jmx, msk, kafka-exporter) and peak (p99, max) are optional. request is a body POST /api/v1/sizing takes as it is; " +
                "figures say where each value came from. 502 when Prometheus cannot answer, 422 when it has no Kafka traffic to import.")
            .Accepts<PrometheusImportRequest>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .LimitedBy(RateLimitPolicies.Sizing);

        imports.MapPost("/files", FilesAsync)
            .WithName("ImportFromFiles")
            .WithSummary("A workload from a cluster's files: kafka-topics.sh --describe, kafka-log-dirs.sh --describe and aws cloudwatch get-metric-data.")
            .WithDescription("multipart/form-data with any of kafkaTopics (the text of kafka-topics.sh --describe), kafkaLogDirs (the output of " +
                "kafka-log-dirs.sh --describe) and cloudWatch (the JSON of aws cloudwatch get-metric-data, each query labelled \"MetricName Topic\"), " +
                "as files or fields, at most 20 MiB in all. The answer has the shape of the Prometheus import: streams when CloudWatch gives messages " +
                "per topic, otherwise the totals (partitions, replication factor, retention, and data in estimated from the disks). A file that cannot " +
                "be read is a 400 naming its line or JSON path.")
            .Accepts<ImportFilesForm>("multipart/form-data")
            .WithMetadata(new TakesUploads(), new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxUploadBytes)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .LimitedBy(RateLimitPolicies.Sizing);

        app.MapPost("/api/v1/plans/{id:int}/check", CheckAsync)
            .WithTags("Plans")
            .WithName("CheckPlan")
            .WithSummary("The plan's latest revision against its running cluster, measured by Prometheus: each limit planned and measured, its drift, the headroom left.")
            .WithDescription("The body is the Prometheus import's (source or, in Local mode, url; days, stepSeconds, naming, peak). Both workloads are sized on " +
                "the plan's broker type, so each limit compares the demand the engine derives. flags name a drift past 20% either way, a limit already " +
                "past the plan's brokers, and one the plan's growth reaches within its horizon.")
            .Accepts<PrometheusImportRequest>("application/json")
            .AddEndpointFilter<BindingProblemFilter>()
            .ForSignedInUsers()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .LimitedBy(RateLimitPolicies.Sizing);

        app.MapPost("/api/v1/plans/{id:int}/check/files", CheckFilesAsync)
            .WithTags("Plans")
            .WithName("CheckPlanFromFiles")
            .WithSummary("The plan's latest revision against its running MSK cluster, measured by a CloudWatch file.")
            .WithDescription("multipart/form-data with cloudWatch: the JSON of aws cloudwatch get-metric-data, traffic labelled \"BytesInPerSec\" (per broker) or " +
                "\"BytesInPerSec Topic\", and KafkaDataLogsDiskUsed, CpuUser and CpuSystem labelled \"MetricName BrokerId\". The answer is the Prometheus check's; " +
                "disk percentages are read on the plan's volume, and CPU is flagged past the 60% MSK advises.")
            .Accepts<CheckFilesForm>("multipart/form-data")
            .WithMetadata(new TakesUploads(), new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxUploadBytes)
            .ForSignedInUsers()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .LimitedBy(RateLimitPolicies.Sizing);

        return app;
    }

    /// <summary>All the files of one import together; a real cluster's describe output of a few thousand topics is a few MiB.</summary>
    public const int MaxUploadBytes = 20 * 1024 * 1024;

    public const int MaxUploadMiB = MaxUploadBytes / (1024 * 1024);

    /// <summary>What the API and the pages say of an upload past <see cref="MaxUploadBytes"/>.</summary>
    public static readonly string UploadTooLarge = $"An import's files hold at most {MaxUploadMiB} MiB together.";

    private static readonly string[] FileParts = [KafkaTopicsDescribe.Part, KafkaLogDirs.Part, CloudWatchMetricData.Part];

    private static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> FilesAsync(HttpRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        var (parts, problem) = await ReadPartsAsync(request, FileParts, cancellationToken);
        if (problem is not null)
        {
            return problem is ValidationProblem invalid ? invalid : (ProblemHttpResult)problem;
        }

        try
        {
            return TypedResults.Ok(FileImporter.FromTexts(
                parts.GetValueOrDefault(KafkaTopicsDescribe.Part), parts.GetValueOrDefault(KafkaLogDirs.Part), parts.GetValueOrDefault(CloudWatchMetricData.Part), time.GetUtcNow()));
        }
        catch (ImportFileException e)
        {
            return JsonBody.Problem(e.Part, e.Message, "A file cannot be read.");
        }
    }

    /// <summary>
    /// The texts of an upload's parts, at least one of <paramref name="allowed"/>, or the problem that answers it: too
    /// large, not multipart, malformed, or with parts of other names.
    /// </summary>
    private static async Task<(Dictionary<string, string> Parts, IResult? Problem)> ReadPartsAsync(HttpRequest request, string[] allowed, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxUploadBytes)
        {
            return ([], TypedResults.Problem(UploadTooLarge,
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large."));
        }

        if (!request.HasFormContentType)
        {
            return ([], JsonBody.Problem("body", $"Send multipart/form-data with {string.Join(" and/or ", allowed)}."));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            // A malformed multipart body, or one past the form's own limits.
            return ([], JsonBody.Problem("body", $"The form cannot be read: {e.Message}"));
        }

        var unknown = form.Keys.Concat(form.Files.Select(f => f.Name)).Distinct().Except(allowed).ToList();
        if (unknown.Count > 0)
        {
            return ([], JsonBody.Problem("body", $"Unknown parts: {string.Join(", ", unknown.Take(5))}; the parts are {string.Join(" and ", allowed)}."));
        }

        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in allowed)
        {
            if (await PartAsync(form, name, cancellationToken) is { } text)
            {
                parts[name] = text;
            }
        }

        return parts.Count == 0 ? ([], JsonBody.Problem("body", $"Give {string.Join(" and/or ", allowed)}.")) : (parts, null);
    }

    /// <summary>A part's text, sent as a file or as a field; null when left out.</summary>
    private static async Task<string?> PartAsync(IFormCollection form, string name, CancellationToken cancellationToken)
    {
        if (form.Files.GetFile(name) is { } file)
        {
            using var reader = new StreamReader(file.OpenReadStream());
            return await reader.ReadToEndAsync(cancellationToken);
        }

        return form.TryGetValue(name, out var value) ? value.ToString() : null;
    }

    /// <summary>The server and window a request names, or the problem that answers it: a typed address on a shared server, or invalid fields.</summary>
    private static (PrometheusTarget? Target, ImportWindow? Window, IResult? Problem) Resolve(PrometheusImportRequest request, PrometheusAccess access)
    {
        var window = request.ResolveWindow();
        var (target, targetErrors) = access.Resolve(request);
        if (target is null && targetErrors.Count == 0)
        {
            return (null, null, TypedResults.Problem(
                $"This server imports only from the Prometheus servers its operator configures in {PrometheusImportOptions.Section}:Sources; give source, one of their names, instead of url.",
                statusCode: StatusCodes.Status403Forbidden, title: "A typed Prometheus address is not allowed here."));
        }

        return !window.Succeeded || target is null
            ? (null, null, JsonBody.Problem([.. window.Errors, .. targetErrors], "The import has invalid fields."))
            : (target, window.Value, null);
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> PrometheusAsync(
        JsonInput<PrometheusImportRequest> body, PrometheusImporter importer, PrometheusAccess access,
        ILogger<PrometheusImporter> logger, CancellationToken cancellationToken)
    {
        var (target, window, problem) = Resolve(body.Value, access);
        if (problem is not null)
        {
            return problem is ValidationProblem invalid ? invalid : (ProblemHttpResult)problem;
        }

        ImportResult result;
        try
        {
            result = await importer.ImportAsync(target!, window!, cancellationToken);
        }
        catch (PrometheusQueryException e)
        {
            logger.LogWarning("An import from Prometheus at {Target} failed: {Reason}", target, e.Message);
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status502BadGateway, title: "Prometheus did not answer the import.");
        }

        return result.Request.Streams is { Count: > 0 }
            ? TypedResults.Ok(result)
            : TypedResults.Problem(string.Join(" ", result.Warnings), statusCode: StatusCodes.Status422UnprocessableEntity, title: "Nothing to import.");
    }

    private static async Task<Results<Ok<PlanCheckResult>, ValidationProblem, ProblemHttpResult, NotFoundProblem>> CheckAsync(
        RequestCaller me, int id, JsonInput<PrometheusImportRequest> body, PlanCheckService checks, PrometheusAccess access,
        CancellationToken cancellationToken)
    {
        var (target, window, problem) = Resolve(body.Value, access);
        if (problem is not null)
        {
            return problem is ValidationProblem invalid ? invalid : (ProblemHttpResult)problem;
        }

        return Answer(await checks.FromPrometheusAsync(me.Caller, id, target!, window!, cancellationToken));
    }

    private static readonly string[] CheckParts = [CloudWatchMetricData.Part];

    private static async Task<Results<Ok<PlanCheckResult>, ValidationProblem, ProblemHttpResult, NotFoundProblem>> CheckFilesAsync(
        HttpRequest request, RequestCaller me, int id, PlanCheckService checks, CancellationToken cancellationToken)
    {
        var (parts, problem) = await ReadPartsAsync(request, CheckParts, cancellationToken);
        if (problem is not null)
        {
            return problem is ValidationProblem invalid ? invalid : (ProblemHttpResult)problem;
        }

        return Answer(await checks.FromCloudWatchAsync(me.Caller, id, parts[CloudWatchMetricData.Part], cancellationToken));
    }

    private static Results<Ok<PlanCheckResult>, ValidationProblem, ProblemHttpResult, NotFoundProblem> Answer(PlanCheckOutcome outcome) => outcome switch
    {
        { Check: { } check } => TypedResults.Ok(check),
        { Failure: PlanCheckFailure.NotFound } => JsonBody.NotFound(outcome.Message!),
        { Failure: PlanCheckFailure.InvalidFile } => JsonBody.Problem(outcome.Field!, outcome.Message!, "A file cannot be read."),
        { Failure: PlanCheckFailure.Unreachable } => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status502BadGateway, title: "Prometheus did not answer the check."),
        _ => Unprocessable(outcome.Message!),
    };

    private static ProblemHttpResult Unprocessable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The plan cannot be checked.");
}

/// <summary>The parts of <c>POST /api/v1/import/files</c>, for the API's description.</summary>
public sealed class ImportFilesForm
{
    /// <summary>The text of kafka-topics.sh --describe.</summary>
    public IFormFile? KafkaTopics { get; init; }

    /// <summary>The output of kafka-log-dirs.sh --describe.</summary>
    public IFormFile? KafkaLogDirs { get; init; }

    /// <summary>The JSON of aws cloudwatch get-metric-data, each query labelled "MetricName Topic".</summary>
    public IFormFile? CloudWatch { get; init; }
}

/// <summary>The part of <c>POST /api/v1/plans/{id}/check/files</c>, for the API's description.</summary>
public sealed class CheckFilesForm
{
    /// <summary>The JSON of aws cloudwatch get-metric-data for the plan's cluster.</summary>
    public IFormFile? CloudWatch { get; init; }
}
