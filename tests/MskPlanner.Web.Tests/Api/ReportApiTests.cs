using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using UglyToad.PdfPig;

namespace MskPlanner.Web.Tests.Api;

public class ReportApiTests(PlannerAppFactory factory) : IClassFixture<PlannerAppFactory>
{
    /// <summary>A known day, so file names are checked against it rather than against whatever today is.</summary>
    private static readonly DateTimeOffset Today = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _client = factory
        .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Today) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) })))
        .CreateClient();

    [Fact]
    public async Task A_saved_plan_downloads_as_a_named_pdf_with_the_figures_the_api_shows()
    {
        using var created = await _client.PostAsJsonAsync("/api/v1/plans", new { name = "Orders EU", inputs = new { avgDataInMiBps = 100, avgDataOutMiBps = 500, partitions = 1000, retentionHours = 24 } });
        var plan = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var id = plan["id"]!.GetValue<int>();

        using var response = await _client.GetAsync($"/api/v1/plans/{id}/summary.pdf?paper=letter");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("mskplanner-orders-eu-r1-2026-11-25.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var text = Text(await response.Content.ReadAsByteArrayAsync(), out var width);
        Assert.Equal(612, width, 0);
        var headline = plan["headline"]!;
        Assert.Contains(headline["instanceType"]!.GetValue<string>(), text, StringComparison.Ordinal);
        Assert.Contains(Usd(headline["monthlyCost"]!["total"]!.GetValue<decimal>()), text, StringComparison.Ordinal);
        Assert.Contains("Plan: Orders EU (revision 1)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_planner_page_address_downloads_the_same_sizing_as_a_pdf()
    {
        using var response = await _client.GetAsync("/api/v1/sizing/summary.pdf?avgDataInMiBps=50&avgDataOutMiBps=100&partitions=3000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(await response.Content.ReadAsByteArrayAsync(), out _);
        Assert.Contains("Unsaved plan", text, StringComparison.Ordinal);
        using var sized = await _client.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 50, avgDataOutMiBps = 100, partitions = 3000 });
        var recommended = (await sized.Content.ReadFromJsonAsync<JsonObject>())!["recommended"]!.AsObject();
        Assert.All(recommended.Select(r => r.Value!["monthlyTotal"]).OfType<JsonNode>(),
            total => Assert.Contains(Usd(total.GetValue<decimal>()), text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_comparison_downloads_as_a_pdf_by_post_and_by_its_address()
    {
        var ids = new List<int>();
        foreach (var hours in new[] { 24, 168 })
        {
            using var created = await _client.PostAsJsonAsync("/api/v1/plans", new { name = $"{hours} h", inputs = new { avgDataInMiBps = 20, partitions = 600, retentionHours = hours } });
            ids.Add(JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<int>());
        }

        using var posted = await _client.PostAsJsonAsync("/api/v1/compare/summary.pdf", new { items = ids.Select(id => new { planId = id }) });
        using var linked = await _client.GetAsync($"/api/v1/compare/summary.pdf?items={ids[0]},{ids[1]}");

        foreach (var response in new[] { posted, linked })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("mskplanner-comparison-", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
            Assert.Contains("168 h", Text(await response.Content.ReadAsByteArrayAsync(), out _), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("unsaved=true&avgDataInMiBps=-5&partitions=1000", "avgDataInMiBps")]
    [InlineData("unsaved=true&avgDataInMiBps=5&partitions=1000&family=Z9", "family")]
    [InlineData("unsaved=maybe&avgDataInMiBps=5", null)]
    public async Task Unsaved_edits_that_cannot_size_get_a_problem_naming_the_field(string query, string? field)
    {
        using var created = await _client.PostAsJsonAsync("/api/v1/plans", new { name = "Draft check", inputs = new { avgDataInMiBps = 10, partitions = 1000 } });
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();

        using var response = await _client.GetAsync($"/api/v1/plans/{id}/summary.pdf?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        if (field is not null)
        {
            Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]);
        }
    }

    [Fact]
    public async Task Unsaved_edits_download_as_the_plans_pdf_marked_unsaved_with_the_edited_figures()
    {
        using var created = await _client.PostAsJsonAsync("/api/v1/plans", new { name = "Orders draft", inputs = new { avgDataInMiBps = 10, partitions = 1000 } });
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
        using var sizing = await _client.PostAsJsonAsync("/api/v1/sizing", new { avgDataInMiBps = 90, partitions = 1000 });
        var recommended = JsonNode.Parse(await sizing.Content.ReadAsStringAsync())!["recommended"]!["m7g"]!;

        using var response = await _client.GetAsync($"/api/v1/plans/{id}/summary.pdf?unsaved=true&avgDataInMiBps=90&partitions=1000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("-r1-unsaved-2026-11-25.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        var text = Text(await response.Content.ReadAsByteArrayAsync(), out _);
        Assert.Contains("Plan: Orders draft (unsaved changes to revision 1)", text, StringComparison.Ordinal);
        Assert.Contains(Usd(recommended["monthlyTotal"]!.GetValue<decimal>()), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/plans/987654/summary.pdf", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/shared/no-such-token/summary.pdf", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/sizing/summary.pdf?avgDataInMiBps=-3&partitions=10", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/sizing/summary.pdf?avgDataInMiBps=3&partitions=10&paper=a3", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/compare/summary.pdf?items=1", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/compare/summary.pdf?items=x,y", HttpStatusCode.BadRequest)]
    public async Task Requests_that_cannot_make_a_pdf_get_a_problem_not_a_file(string path, HttpStatusCode status)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    private static string Text(byte[] pdf, out double width)
    {
        using var document = PdfDocument.Open(pdf);
        width = document.GetPage(1).Width;
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private static string Usd(decimal amount) => amount.ToString("$#,0.00", CultureInfo.InvariantCulture);
}
