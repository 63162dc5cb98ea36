using System.Reflection;

using MskPlanner.Persistence;
using MskPlanner.Reports;
using MskPlanner.Sizing;
using MskPlanner.Web.Access;
using MskPlanner.Web.Planner;
using MskPlanner.Web.Services;

using PdfResult = Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, MskPlanner.Web.Api.NotFoundProblem>;

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
        var reports = app.MapGroup("/api/v1").WithTags("Reports").AddEndpointFilter<BindingProblemFilter>();

        reports.MapMethods("/sizing/summary.pdf", GetAndHead, SizingAsync).WithName("SizingSummaryPdf")
            .WithSummary("A PDF cost summary of a workload given as query parameters (the planner page's address).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").LimitedBy(RateLimitPolicies.Sizing);
        reports.MapMethods("/plans/{id:int}/summary.pdf", GetAndHead, PlanAsync).WithName("PlanSummaryPdf")
            .WithSummary("A PDF cost summary of a saved plan, at its latest or the given revision. paper=a4|letter. " +
                "unsaved=true with the planner's input parameters (and family) summarises edits not saved yet, marked as such.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ForSignedInUsers();
        reports.MapMethods("/shared/{token}/summary.pdf", GetAndHead, SharedAsync).WithName("SharedPlanSummaryPdf")
            .WithSummary("A PDF cost summary of a shared plan, with its link.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").LimitedBy(RateLimitPolicies.SharedViews);
        reports.MapPost("/compare/summary.pdf", CompareAsync).WithName("ComparisonSummaryPdf")
            .WithSummary("A PDF of plans side by side; the body is that of POST /api/v1/compare.")
            .Accepts<CompareRequest>("application/json").Produces(StatusCodes.Status200OK, contentType: "application/pdf").ForSignedInUsers();
        reports.MapMethods("/compare/summary.pdf", GetAndHead, CompareFromQueryAsync).WithName("ComparisonSummaryPdfFromAddress")
            .WithSummary("The same, with the comparison page's query: items=12,15@3 or plan=12&variants=families.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ForSignedInUsers();
        return app;
    }

    private static async Task<PdfResult> SizingAsync(HttpRequest request, Paper paper, SizingService sizing, [AsParameters] PdfKit pdfs, CancellationToken cancellationToken)
    {
        var outcome = await SizeQueryAsync(request, sizing, cancellationToken);
        if (!outcome.Succeeded)
        {
            return JsonBody.Problem(outcome.Errors, "The workload has invalid fields.");
        }

        var now = pdfs.Clock.GetUtcNow();
        var report = new PlanReport(null, null, null, outcome.Value, null, null, now, AppVersion);
        return Pdf(() => pdfs.Renderer.PlanSummary(report, paper.Size), $"mskplanner-sizing-{now:yyyy-MM-dd}.pdf");
    }

    private static async Task<PdfResult> PlanAsync(RequestCaller me, [AsParameters] PlanPdfQuery query, HttpRequest request,
        PlanService plans, SizingService sizing, [AsParameters] PdfKit pdfs, CancellationToken cancellationToken)
    {
        var details = await plans.Store.GetAsync(me.Caller, query.Id, query.Revision, cancellationToken);
        if (details is null)
        {
            return JsonBody.NotFound(query.Revision is null ? $"There is no plan {query.Id}." : $"Plan {query.Id} has no revision {query.Revision}.");
        }

        return query.Unsaved is true
            ? await UnsavedPlanPdfAsync(details, request, query.Family, query.Paper.Size, sizing, pdfs, cancellationToken)
            : PlanPdf(await plans.PriceAsync(details, cancellationToken), null, query.Paper.Size, pdfs);
    }

    /// <summary>The plan page's PDF while it has edits not saved yet: what is on screen, named as unsaved.</summary>
    private static async Task<PdfResult> UnsavedPlanPdfAsync(PlanDetails details, HttpRequest request, string? family, PaperSize paper,
        SizingService sizing, PdfKit pdfs, CancellationToken cancellationToken)
    {
        if (FamilyQuery.TryRead(family, "The plan summary is invalid.", out var chosen) is { } problem)
        {
            return problem;
        }

        var outcome = await SizeQueryAsync(request, sizing, cancellationToken);
        if (!outcome.Succeeded)
        {
            return JsonBody.Problem(outcome.Errors, "The workload has invalid fields.");
        }

        var (plan, revision) = (details.Plan, details.Revision);
        var now = pdfs.Clock.GetUtcNow();
        var report = new PlanReport(plan.Name, plan.Description, revision.Number, outcome.Value, chosen, null, now, AppVersion, Unsaved: true);
        return Pdf(() => pdfs.Renderer.PlanSummary(report, paper), $"mskplanner-{Slug(plan.Name)}-r{revision.Number}-unsaved-{now:yyyy-MM-dd}.pdf");
    }

    private static async Task<PdfResult> SharedAsync(string token, Paper paper, HttpRequest request,
        PlanService plans, ShareLinkAddress addresses, [AsParameters] PdfKit pdfs, CancellationToken cancellationToken)
    {
        var shared = await plans.Store.ResolveShareAsync(token, cancellationToken);
        if (shared is null)
        {
            return JsonBody.NotFound("This share link does not exist or was revoked.");
        }

        var link = addresses.For(token, ShareLinkAddress.BaseOf(request));
        return PlanPdf(await plans.PriceAsync(shared.Details, cancellationToken), link, paper.Size, pdfs);
    }

    private static async Task<PdfResult> CompareAsync(RequestCaller me, JsonInput<CompareRequest> body, Paper paper,
        ComparisonService comparisons, [AsParameters] PdfKit pdfs, CancellationToken cancellationToken) =>
        ComparisonPdf(await body.Value.CompareAsync(comparisons, me.Caller, cancellationToken), paper.Size, pdfs);

    private static async Task<PdfResult> CompareFromQueryAsync(RequestCaller me, string? items, string? plan, string? revision, string? variants,
        Paper paper, ComparisonService comparisons, [AsParameters] PdfKit pdfs, CancellationToken cancellationToken) =>
        ComparisonPdf(await comparisons.FromAddressAsync(me.Caller, items, plan, revision, variants, cancellationToken), paper.Size, pdfs);

    /// <summary>The workload in the query, in the planner page's parameters, sized.</summary>
    private static ValueTask<Outcome<SizingResult>> SizeQueryAsync(HttpRequest request, SizingService sizing, CancellationToken cancellationToken)
    {
        return sizing.SizeAsync(PlannerForm.FromQuery(request.Query).Request, cancellationToken);
    }

    private static PdfResult PlanPdf(PricedPlan priced, string? shareLink, PaperSize paper, PdfKit pdfs)
    {
        if (priced.Result is not { } result)
        {
            return JsonBody.Problem("inputs", "The saved inputs no longer size: open the plan to correct them.", "The plan cannot be summarised.");
        }

        var plan = priced.Details.Plan;
        var revision = priced.Details.Revision;
        var now = pdfs.Clock.GetUtcNow();
        var report = new PlanReport(plan.Name, plan.Description, revision.Number, result, revision.SelectedFamily, shareLink, now, AppVersion, MeasuredFrom: revision.MeasuredFrom?.Text);
        return Pdf(() => pdfs.Renderer.PlanSummary(report, paper), $"mskplanner-{Slug(plan.Name)}-r{revision.Number}-{now:yyyy-MM-dd}.pdf");
    }

    private static PdfResult ComparisonPdf(Outcome<Comparison> outcome, PaperSize paper, PdfKit pdfs)
    {
        if (outcome.Value is not { } comparison)
        {
            return JsonBody.Problem(outcome.Errors, "The comparison is invalid.");
        }

        var now = pdfs.Clock.GetUtcNow();
        return Pdf(() => pdfs.Renderer.ComparisonSummary(new ComparisonReport(comparison, now, AppVersion), paper), $"mskplanner-comparison-{now:yyyy-MM-dd}.pdf");
    }

    /// <summary>The whole file, never half a PDF: a rendering fault reaches <see cref="ReportFailureHandler"/>, which says so without its details.</summary>
    private static PdfResult Pdf(Func<byte[]> render, string fileName) => TypedResults.File(render(), "application/pdf", fileName);

    private static string Slug(string name) => Names.Slug(name, 60) is { Length: > 0 } slug ? slug : "plan";
}

/// <summary>What every PDF endpoint draws and dates a report with, bound as one parameter.</summary>
internal readonly record struct PdfKit(ReportRenderer Renderer, TimeProvider Clock);

/// <summary>A saved plan's PDF: which plan and revision, the paper, and whether it shows the page's unsaved edits.</summary>
/// <param name="Family">With <paramref name="Unsaved"/>, the family chosen on the page.</param>
internal readonly record struct PlanPdfQuery(int Id, int? Revision, Paper Paper, bool? Unsaved, string? Family);
