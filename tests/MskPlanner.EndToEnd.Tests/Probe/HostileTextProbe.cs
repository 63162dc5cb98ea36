using System.Net;
using System.Text.Json.Nodes;

using Microsoft.Playwright;

using UglyToad.PdfPig;

using Xunit.Abstractions;

namespace MskPlanner.EndToEnd.Tests.Probe;

/// <summary>
/// Hostile text in every free-text field (name, description, comment, comparison label), at the longest each
/// allows, through every page in a real browser and every PDF: shown as typed, never run, never slow.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class HostileTextProbe(BrowserFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string Name = Hostile.Text[..Math.Min(Hostile.Text.Length, 100)];
    private static readonly string Description = Hostile.Text + new string('W', 2_000 - Hostile.Text.Length);
    private static readonly string Comment = Hostile.Text + new string('c', 500 - Hostile.Text.Length);

    private readonly HttpClient _http = new() { BaseAddress = fixture.App.Address, Timeout = TimeSpan.FromSeconds(30) };
    private IBrowserContext _context = default!;

    public async Task InitializeAsync() =>
        _context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.Address.ToString() });

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Hostile_text_is_shown_as_typed_on_every_page_and_never_runs()
    {
        var (a, b, token) = await HostilePlansAsync();
        string[] pages =
        [
            "/plans", $"/plans/{a}", $"/plans/{a}?revision=1", $"/shared/{token}", $"/compare?items={a},{b}",
            $"/compare?plan={a}&variants=families", $"/compare?plan={a}&variants=zones", $"/compare?plan={a}&variants=retention",
        ];
        var page = await _context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };

        foreach (var address in pages)
        {
            await page.GotoAsync(address);
            await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("<script>alert(1)</script>");
            var injected = await page.EvaluateAsync<int>("() => document.querySelectorAll('svg[onload], [onload], script:not([src])').length");

            Assert.True(injected == 0, $"{address}: {injected} injected elements");
        }

        ProbeFigures.Report(output, $"hostile text: {pages.Length} pages in Chromium, alerts {dialogs}, injected elements 0");
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Every_pdf_prints_hostile_text_as_typed()
    {
        var (a, b, token) = await HostilePlansAsync();
        var compare = new JsonObject
        {
            ["items"] = new JsonArray(
                new JsonObject { ["label"] = Name, ["inputs"] = new JsonObject { ["avgDataInMiBps"] = 10, ["partitions"] = 100 } },
                new JsonObject { ["planId"] = b }),
        };
        var downloads = new List<Func<Task<HttpResponseMessage>>>
        {
            () => _http.GetAsync($"/api/v1/plans/{a}/summary.pdf"),
            () => _http.GetAsync($"/api/v1/shared/{token}/summary.pdf"),
            () => _http.GetAsync($"/api/v1/compare/summary.pdf?items={a},{b}"),
            () => _http.GetAsync($"/api/v1/compare/summary.pdf?plan={a}&variants=families"),
            () => _http.PostAsync("/api/v1/compare/summary.pdf", new StringContent(compare.ToJsonString(), System.Text.Encoding.UTF8, "application/json")),
        };

        var slowest = TimeSpan.Zero;
        foreach (var download in downloads)
        {
            var timer = System.Diagnostics.Stopwatch.StartNew();
            using var response = await download();
            slowest = timer.Elapsed > slowest ? timer.Elapsed : slowest;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
            var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
            Assert.Contains("<script>alert(1)</script>", text, StringComparison.Ordinal);
        }

        ProbeFigures.Report(output, $"hostile text: {downloads.Count} PDFs with names, descriptions and labels at their length limits, slowest {slowest.TotalMilliseconds:0} ms");
    }

    private async Task<(int A, int B, string Token)> HostilePlansAsync()
    {
        var a = await CreateAsync(Name, Description, Comment);
        var b = await CreateAsync(Name + " 2", null, null);
        using var share = await _http.PostAsync($"/api/v1/plans/{a}/share", new StringContent("", System.Text.Encoding.UTF8, "application/json"));
        return (a, b, JsonNode.Parse(await share.Content.ReadAsStringAsync())!["token"]!.GetValue<string>());
    }

    private async Task<int> CreateAsync(string name, string? description, string? comment)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["description"] = description,
            ["comment"] = comment,
            ["inputs"] = new JsonObject { ["avgDataInMiBps"] = 15, ["partitions"] = 900 },
        };
        using var response = await _http.PostAsync("/api/v1/plans", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<int>();
    }
}
