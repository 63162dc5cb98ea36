using System.Reflection;
using System.Text;

using Microsoft.AspNetCore.Http.HttpResults;

using MskPlanner.Persistence;
using MskPlanner.Reports;
using MskPlanner.Sizing;
using MskPlanner.Web.Planner;
using MskPlanner.Web.Services;

namespace MskPlanner.Web.Api;

/// <summary>PDF cost summaries: of a planner sizing, a saved plan, a shared plan, and a comparison.</summary>
public static class ReportEndpoints
{
    private static readonly string AppVersion =
        typeof(ReportEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "dev";

    /// <summary>HEAD too, so a client or proxy can check a download (its type and size) without taking it.</summary>
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1").WithTags("Reports");

        reports.MapMethods("/sizing/summary.pdf", GetAndHead, SizingAsync).WithName("SizingSummaryPdf")
            .WithSummary("A PDF cost summary of a workload given as query parameters (the planner page's address).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesValidationProblem();
        reports.MapMethods("/plans/{id:int}/summary.pdf", GetAndHead, PlanAsync).WithName("PlanSummaryPdf")
            .WithSummary("A PDF cost summary of a saved plan, at its latest or the given revision. paper=a4|letter. " +
                "unsaved=true with the planner's input parameters (and family) summarises edits not saved yet, marked as such.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        reports.MapMethods("/shared/{token}/summary.pdf", GetAndHead, SharedAsync).WithName("SharedPlanSummaryPdf")
            .WithSummary("A PDF cost summary of a shared plan, with its link.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapPost("/compare/summary.pdf", CompareAsync).WithName("ComparisonSummaryPdf")
            .WithSummary("A PDF of plans side by side; the body is that of POST /api/v1/compare.")
            .Accepts<CompareRequest>("application/json").Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesValidationProblem();
        reports.MapMethods("/compare/summary.pdf", GetAndHead, CompareFromQueryAsync).WithName("ComparisonSummaryPdfFromAddress")
            .WithSummary("The same, with the comparison page's query: items=12,15@3 or plan=12&variants=families.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> SizingAsync(HttpRequest request, SizingService sizing, ReportRenderer renderer, TimeProvider clock, string? paper, CancellationToken cancellationToken)
    {
        if (!TryPaper(paper, renderer, out var size, out var problem))
        {
            return problem!;
        }

        var (result, sizingProblem) = await SizeQueryAsync(request, sizing, cancellationToken);
        if (result is null)
        {
            return sizingProblem!;
        }

        var now = clock.GetUtcNow();
        return Pdf(() => renderer.PlanSummary(new PlanReport(null, null, null, result, null, null, now, AppVersion), size), $"mskplanner-sizing-{now:yyyy-MM-dd}.pdf");
    }

    private static async Task<IResult> PlanAsync(int id, int? revision, string? paper, bool? unsaved, string? family, HttpRequest request,
        PlanService plans, SizingService sizing, ReportRenderer renderer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryPaper(paper, renderer, out var size, out var problem))
        {
            return problem!;
        }

        var details = await plans.Store.GetAsync(id, revision, cancellationToken);
        if (details is null)
        {
            return JsonBody.NotFound(revision is null ? $"There is no plan {id}." : $"Plan {id} has no revision {revision}.");
        }

        return unsaved is true
            ? await UnsavedPlanPdfAsync(details, request, family, size, sizing, renderer, clock, cancellationToken)
            : PlanPdf(await plans.PriceAsync(details, cancellationToken), null, size, renderer, clock);
    }

    /// <summary>The plan page's PDF while it has edits not saved yet: what is on screen, named as unsaved.</summary>
    private static async Task<IResult> UnsavedPlanPdfAsync(PlanDetails details, HttpRequest request, string? family, PaperSize paper,
        SizingService sizing, ReportRenderer renderer, TimeProvider clock, CancellationToken cancellationToken)
    {
        BrokerFamily? chosen = null;
        if (!string.IsNullOrEmpty(family))
        {
            if (!EnumText.TryParse<BrokerFamily>(family, out var parsed))
            {
                return JsonBody.Problem("family", $"family must be one of {string.Join(", ", Enum.GetNames<BrokerFamily>())}.", "The plan summary is invalid.");
            }

            chosen = parsed;
        }

        var (result, sizingProblem) = await SizeQueryAsync(request, sizing, cancellationToken);
        if (result is null)
        {
            return sizingProblem!;
        }

        var (plan, revision) = (details.Plan, details.Revision);
        var now = clock.GetUtcNow();
        var report = new PlanReport(plan.Name, plan.Description, revision.Number, result, chosen, null, now, AppVersion, Unsaved: true);
        return Pdf(() => renderer.PlanSummary(report, paper), $"mskplanner-{Slug(plan.Name)}-r{revision.Number}-unsaved-{now:yyyy-MM-dd}.pdf");
    }

    private static async Task<IResult> SharedAsync(string token, string? paper, HttpRequest request, PlanService plans, ShareLinkAddress addresses, ReportRenderer renderer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryPaper(paper, renderer, out var size, out var problem))
        {
            return problem!;
        }

        var shared = await plans.Store.ResolveShareAsync(token, cancellationToken);
        if (shared is null)
        {
            return JsonBody.NotFound("This share link does not exist or was revoked.");
        }

        var link = addresses.For(token, ShareLinkAddress.BaseOf(request));
        return PlanPdf(await plans.PriceAsync(shared.Details, cancellationToken), link, size, renderer, clock);
    }

    private static async Task<IResult> CompareAsync(HttpRequest request, string? paper, ComparisonService comparisons, ReportRenderer renderer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryPaper(paper, renderer, out var size, out var problem))
        {
            return problem!;
        }

        var (body, bodyProblem) = await JsonBody.ReadAsync<CompareRequest>(request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        return ComparisonPdf(await comparisons.CompareAsync(body!, cancellationToken), size, renderer, clock);
    }

    private static async Task<IResult> CompareFromQueryAsync(string? items, int? plan, int? revision, string? variants, string? paper,
        ComparisonService comparisons, ReportRenderer renderer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryPaper(paper, renderer, out var size, out var problem))
        {
            return problem!;
        }

        Outcome<Comparison> outcome;
        if (plan is { } planId)
        {
            if (!EnumText.TryParse<VariantKind>(variants, out var kind))
            {
                return JsonBody.Problem("variants", "variants must be families, zones or retention.", "The comparison is invalid.");
            }

            outcome = await comparisons.VariantsAsync(planId, revision, kind, cancellationToken);
        }
        else
        {
            var parsed = (items ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(CompareItem.Parse).ToList();
            if (parsed.Any(i => i is null))
            {
                return JsonBody.Problem("items", "Name plans as 12 or 12@3 (plan 12 at revision 3), separated by commas.", "The comparison is invalid.");
            }

            outcome = await comparisons.CompareAsync(parsed!, cancellationToken);
        }

        return ComparisonPdf(outcome, size, renderer, clock);
    }

    /// <summary>The workload in the query, in the planner page's parameters, sized; or the problem naming its fields.</summary>
    private static async Task<(SizingResult? Result, IResult? Problem)> SizeQueryAsync(HttpRequest request, SizingService sizing, CancellationToken cancellationToken)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var outcome = await sizing.SizeAsync(PlannerForm.FromQuery(query).Request, cancellationToken);
        return outcome.Value is { } result ? (result, null) : (null, JsonBody.Problem(outcome.Errors, "The workload has invalid fields."));
    }

    private static IResult PlanPdf(PricedPlan priced, string? shareLink, PaperSize paper, ReportRenderer renderer, TimeProvider clock)
    {
        if (priced.Result is not { } result)
        {
            return JsonBody.Problem("inputs", "The saved inputs no longer size: open the plan to correct them.", "The plan cannot be summarised.");
        }

        var plan = priced.Details.Plan;
        var revision = priced.Details.Revision;
        var now = clock.GetUtcNow();
        var report = new PlanReport(plan.Name, plan.Description, revision.Number, result, revision.SelectedFamily, shareLink, now, AppVersion);
        return Pdf(() => renderer.PlanSummary(report, paper), $"mskplanner-{Slug(plan.Name)}-r{revision.Number}-{now:yyyy-MM-dd}.pdf");
    }

    private static IResult ComparisonPdf(Outcome<Comparison> outcome, PaperSize paper, ReportRenderer renderer, TimeProvider clock)
    {
        if (outcome.Value is not { } comparison)
        {
            return JsonBody.Problem(outcome.Errors, "The comparison is invalid.");
        }

        var now = clock.GetUtcNow();
        return Pdf(() => renderer.ComparisonSummary(new ComparisonReport(comparison, now, AppVersion), paper), $"mskplanner-comparison-{now:yyyy-MM-dd}.pdf");
    }

    /// <summary>The whole file or a problem that says why: never half a PDF.</summary>
    private static IResult Pdf(Func<byte[]> render, string fileName)
    {
        try
        {
            return TypedResults.File(render(), "application/pdf", fileName);
        }
        catch (ReportFontsMissingException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF export is not available on this server");
        }
        catch (ReportFailedException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status500InternalServerError, title: "The PDF could not be rendered");
        }
    }

    private static bool TryPaper(string? text, ReportRenderer renderer, out PaperSize paper, out ValidationProblem? problem)
    {
        problem = null;
        paper = renderer.DefaultPaper;
        if (string.IsNullOrEmpty(text) || EnumText.TryParse(text, out paper))
        {
            return true;
        }

        problem = JsonBody.Problem("paper", "paper must be a4 or letter.", "The query is invalid.");
        return false;
    }

    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var text = string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? "plan" : text[..Math.Min(text.Length, 60)];
    }
}
