using System.IO.Compression;

using Microsoft.Playwright;

using MskPlanner.EndToEnd.Tests.Probe;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>
/// A team planning its move in a real browser: the "Migrating from" section filled in by keyboard and mouse (hostile
/// text first), the move's panel checked by axe at phone and desktop widths, the plan saved, its runbook tab, the zip's
/// migration folder and the PDF's Migration section.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class MigrationInBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_plan_with_a_migration_section_shows_the_move_saves_it_and_hands_over_its_runbook_zip_and_pdf()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.Address.ToString(), BypassCSP = true, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?avgDataInMiBps=50&peakDataInMiBps=100&leaderPartitions=1200&clusterName=orders-moved");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

        var section = page.GetByRole(AriaRole.Button, new() { Name = "Migrating from (plan the move)" });
        await section.ClickAsync();
        await Assertions.Expect(section).ToHaveAttributeAsync("aria-expanded", "true");
        await page.GetByLabel("Plan a move from a running cluster").CheckAsync();

        // The version is the team's to give: the field says so, refuses hostile text, and nothing of that text runs.
        var version = page.Locator("input[id='migration.source.kafkaVersion']");
        await Assertions.Expect(page.Locator("[id='migration.source.kafkaVersion-error']")).ToContainTextAsync("Give the source's Kafka version");
        await version.FillAsync(Hostile.Text);
        await Assertions.Expect(page.Locator("[id='migration.source.kafkaVersion-error']")).ToContainTextAsync("is not a Kafka version");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('svg[onload], [onload], script:not([src])').length"));
        await version.FillAsync("3.6.0");

        var move = page.Locator("section[aria-labelledby=migration-heading]");
        await Assertions.Expect(move.Locator("#migration-heading")).ToHaveTextAsync("The move: 14 days with both clusters");
        await Assertions.Expect(move.Locator("[data-testid=migration-total]")).ToContainTextAsync("$");
        await Assertions.Expect(move.Locator("[data-testid=migration-steps] li")).ToHaveCountAsync(8);
        await Assertions.Expect(move.Locator("[data-testid=migration-unavailable]")).ToContainTextAsync("MSK Replicator");

        var findings = (await PageChecks.FindingsAsync(page, "the planner with a move", 1280)).ToList();
        await page.SetViewportSizeAsync(390, 844);
        findings.AddRange(await PageChecks.FindingsAsync(page, "the planner with a move", 390));
        await page.SetViewportSizeAsync(1280, 900);
        Assert.True(findings.Count == 0, string.Join('\n', findings));

        // The runbook's tab, reached by the keyboard from the first tab: End goes to the last.
        var review = page.Locator("[data-testid=deploy] [role=tab]", new() { HasTextString = "Review" });
        await review.ClickAsync();
        await Assertions.Expect(review).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        var migration = page.Locator("[data-testid=deploy] [role=tab]", new() { HasTextString = "Migration" });
        await Assertions.Expect(migration).ToBeFocusedAsync();
        await Assertions.Expect(migration).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.Locator("pre[aria-label='Contents of migration/RUNBOOK.md']")).ToContainTextAsync("## 3. Start the replication with MirrorMaker 2 on MSK Connect");
        await Assertions.Expect(page.Locator("pre[aria-label='Contents of migration/mm2-checkpoint-connector.json']")).ToContainTextAsync("\"sync.group.offsets.enabled\": \"true\"");

        await page.Locator("[data-testid=save-as-plan]").ClickAsync();
        await page.Locator("input#plan-name").FillAsync("Moving orders");
        await page.Locator("[data-testid=save-plan-confirm]").ClickAsync();
        await SavedPlanPage.DrawnAsync(page);
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await Assertions.Expect(page.Locator("section[aria-labelledby=migration-heading] [data-testid=migration-steps] li")).ToHaveCountAsync(8);

        // The saved plan keeps the move: its Migration tab holds the same files.
        await migration.ClickAsync();
        await Assertions.Expect(migration).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.Locator("pre[aria-label='Contents of migration/mm2-source-connector.json']")).ToContainTextAsync("\"connector.class\"");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=deploy-zip]").ClickAsync());
        using (var zip = ZipFile.OpenRead(await download.PathAsync()))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "orders-moved/migration/RUNBOOK.md");
            Assert.Contains(zip.Entries, e => e.FullName == "orders-moved/migration/mm2-source-connector.json");
        }

        // The plan page and the comparison carry the move too: axe and the width check on both.
        var shown = (await PageChecks.FindingsAsync(page, $"/plans/{id} with a move", 1280)).ToList();
        await page.SetViewportSizeAsync(390, 844);
        shown.AddRange(await PageChecks.FindingsAsync(page, $"/plans/{id} with a move", 390));
        await page.GotoAsync($"/compare?items={id},{id}");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByText("The move (parallel run)")).ToBeVisibleAsync();
        shown.AddRange(await PageChecks.FindingsAsync(page, "/compare with a move", 390));
        await page.SetViewportSizeAsync(1280, 900);
        shown.AddRange(await PageChecks.FindingsAsync(page, "/compare with a move", 1280));
        Assert.True(shown.Count == 0, string.Join('\n', shown));

        using var http = new HttpClient { BaseAddress = fixture.App.Address };
        using var document = UglyToad.PdfPig.PdfDocument.Open(await http.GetByteArrayAsync($"/api/v1/plans/{id}/summary.pdf"));
        var text = string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Migration: 14 days with both clusters", text, StringComparison.Ordinal);
        Assert.Contains("5. Run the load test", text, StringComparison.Ordinal);
    }
}
