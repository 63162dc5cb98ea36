using System.Text;
using System.Text.Json.Nodes;

using Microsoft.Playwright;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>
/// Every page, at a phone's width and a desktop's, checked by axe-core (injected into the real page) for serious
/// and critical violations, and for sideways scrolling.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.App.Address };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _http.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(390, 844, false)]
    [InlineData(1280, 900, false)]
    [InlineData(390, 844, true)]
    [InlineData(1280, 900, true)]
    public async Task Every_page_has_no_serious_accessibility_violation_and_no_sideways_scroll(int width, int height, bool dark)
    {
        var id = await CreatePlanAsync();
        var token = await ShareAsync(id);
        var team = await TeamWorkspaceAsync();
        string[] pages =
        [
            "/?avgDataInMiBps=40&partitions=1200", "/?avgDataInMiBps=-5&partitions=1200", "/?avgDataInMiBps=40&partitions=1200&monthlyGrowthPercent=12&horizonMonths=36", "/plans", $"/plans/{id}", $"/shared/{token}",
            $"/compare?items={id},{id}", $"/compare?plan={id}&variants=zones", "/capacity", "/tokens", "/nope", StreamsPage,
            "/workspaces", $"/workspaces/{team}",
            // Picks that carry provisioned throughput, AWS's Express count beside ours and growth's other way at each resize.
            "/?avgDataInMiBps=80&avgDataOutMiBps=160&leaderPartitions=700&retentionHours=720&primaryRetentionHours=24&monthlyGrowthPercent=20",
        ];
        // The test injects axe, which the app's content security policy would rightly refuse.
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.Address.ToString(),
            BypassCSP = true,
            ViewportSize = new() { Width = width, Height = height },
            ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        var findings = new List<string>();

        foreach (var address in pages)
        {
            await page.GotoAsync(address);
            if (address != "/nope")
            {
                await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
            }

            await Assertions.Expect(page.Locator($"[data-theme={(dark ? "dark" : "light")}]")).ToBeAttachedAsync();
            findings.AddRange(await PageChecks.FindingsAsync(page, address, width, dark ? ", dark" : ""));
        }

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    /// <summary>A planner with two streams, one with the longest name allowed: the builder opens by itself and the streams table shows.</summary>
    private static string StreamsPage => "/?streams=" + Uri.EscapeDataString(
        "[{\"name\":\"" + new string('o', 60) + "\",\"messagesPerSecond\":5000,\"messageBytes\":900,\"compression\":\"zstd\",\"partitions\":12}," +
        "{\"name\":\"clicks\",\"messagesPerSecond\":20,\"messageBytes\":100}]");

    private async Task<int> CreatePlanAsync()
    {
        using var response = await _http.PostAsync("/api/v1/plans", Json("""{"name":"Accessible plan","description":"Checked by axe","inputs":{"avgDataInMiBps":30,"partitions":900}}"""));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
    }

    /// <summary>
    /// A team workspace with a member, a shared plan, a deleted one and a plan moved in under a long markup-like name,
    /// so each of its tables and its activity have a row, and the activity must wrap that name on a phone.
    /// </summary>
    private async Task<int> TeamWorkspaceAsync()
    {
        using var created = await _http.PostAsync("/api/v1/workspaces", Json("""{"name":"Accessible team"}"""));
        var team = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
        using var member = await _http.PutAsync($"/api/v1/workspaces/{team}/members", Json("""{"email":"member@example.com","role":"viewer"}"""));
        foreach (var name in new[] { "Team plan", "Deleted team plan" })
        {
            var body = new JsonObject { ["name"] = name, ["workspaceId"] = team, ["inputs"] = new JsonObject { ["avgDataInMiBps"] = 30, ["partitions"] = 900 } };
            using var plan = await _http.PostAsync("/api/v1/plans", Json(body.ToJsonString()));
            var id = JsonNode.Parse(await plan.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
            using var done = name.StartsWith("Deleted", StringComparison.Ordinal) ? await _http.DeleteAsync($"/api/v1/plans/{id}") : await _http.PostAsync($"/api/v1/plans/{id}/share", Json(""));
        }

        var movedName = "<img src=x onerror=alert(1)>" + new string('m', 90);
        using var moved = await _http.PostAsync("/api/v1/plans", Json(new JsonObject { ["name"] = movedName, ["inputs"] = new JsonObject { ["avgDataInMiBps"] = 30, ["partitions"] = 900 } }.ToJsonString()));
        var movedId = JsonNode.Parse(await moved.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
        using var move = await _http.PostAsync($"/api/v1/plans/{movedId}/move", Json(new JsonObject { ["workspaceId"] = team }.ToJsonString()));
        Assert.Equal(System.Net.HttpStatusCode.OK, move.StatusCode);
        return team;
    }

    private async Task<string> ShareAsync(int id)
    {
        using var response = await _http.PostAsync($"/api/v1/plans/{id}/share", Json(""));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
