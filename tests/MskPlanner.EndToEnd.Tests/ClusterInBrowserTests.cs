using Microsoft.Playwright;

using MskPlanner.Testing;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>
/// A team's running cluster, from its first import to the check after the move: a real Prometheus holds a day of two
/// topics' traffic, the plan is sized and saved from it in the browser, the cluster then carries 30% more (a third
/// broker's share is backfilled), and the plan's check shows the drift.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ClusterInBrowserTests(BrowserFixture fixture) : IAsyncLifetime
{
    private const double Day = 86_400;
    private static readonly (string Name, double MessagesPerSecond, double MessageBytes, int Partitions)[] Topics = [("orders", 400, 1000, 12), ("clicks", 1500, 250, 6)];

    private PrometheusServer _prometheus = default!;

    public async Task InitializeAsync() => _prometheus = await PrometheusServer.StartAsync(History(["b-1", "b-2"], share: 0.5).WriteTo);

    public async Task DisposeAsync() => await _prometheus.DisposeAsync();

    [Fact]
    public async Task A_plan_imported_from_the_running_cluster_shows_the_drift_when_the_cluster_grows_by_30_percent()
    {
        // axe is injected as a script tag, which the app's content security policy would refuse.
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.Address.ToString(), BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?avgDataInMiBps=10&partitions=100");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync();

        await page.Locator("[data-testid=streams-toggle]").ClickAsync();
        await page.Locator("[data-testid=cluster-import-toggle]").ClickAsync();
        await page.Locator("input#import-url").FillAsync(_prometheus.Address.ToString());
        await page.Locator("input#import-days").FillAsync("1");
        await page.Locator("[data-testid=cluster-import]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=cluster-import-summary]")).ToContainTextAsync("Imported 2 streams from 2 topics");
        // orders, the busier topic by bytes, comes first; the user reviews the streams before sizing.
        await Assertions.Expect(page.Locator("input[id='streams[0].name']")).ToHaveValueAsync("orders");
        await Assertions.Expect(page.Locator("input[id='streams[0].messagesPerSecond']")).ToHaveValueAsync("400");

        await page.Locator("[data-testid=save-as-plan]").ClickAsync();
        await page.Locator("input#plan-name").FillAsync("From the running cluster");
        await page.Locator("[data-testid=save-plan-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=measured-from]")).ToContainTextAsync($"Workload measured from {_prometheus.Address}");

        // The cluster now carries 30% more: a third broker's share of every topic, over the whole day.
        _prometheus = await _prometheus.BackfillMoreAsync(History(["b-3"], share: 0.3).WriteTo);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Check" }).ClickAsync();

        // Hostile text in the check's address is refused at its field, and nothing of it runs.
        await page.Locator("input#check-url").FillAsync(Probe.Hostile.Text);
        await page.Locator("[data-testid=check-run]").ClickAsync();
        await Assertions.Expect(page.Locator(".check-fields")).ToContainTextAsync("URL must be an http or https address");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('svg[onload], [onload], script:not([src])').length"));

        await page.Locator("input#check-url").FillAsync(_prometheus.Address.ToString());
        await page.Locator("input#check-days").FillAsync("1");
        await page.Locator("[data-testid=check-run]").ClickAsync();

        var ingress = page.Locator("[data-testid=check-limits] tr[data-limit=ingress]");
        await Assertions.Expect(ingress).ToContainTextAsync("+30%");
        await Assertions.Expect(ingress.Locator("td.drift-flagged")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=check-limits] tr[data-limit=partitions] td").Nth(2)).ToHaveTextAsync("0%");
        await Assertions.Expect(page.Locator("[data-testid=check-flags]")).ToContainTextAsync("Ingress: measured");
        var findings = (await PageChecks.FindingsAsync(page, "the plan's check", 1280)).ToList();
        await page.SetViewportSizeAsync(390, 844);
        findings.AddRange(await PageChecks.FindingsAsync(page, "the plan's check", 390));
        await page.Locator("input[type=radio][data-testid=check-from-cloudwatch]").CheckAsync();
        await Assertions.Expect(page.Locator("input#check-cloudwatch")).ToBeVisibleAsync();
        findings.AddRange(await PageChecks.FindingsAsync(page, "the plan's check, CloudWatch file", 390));
        await page.SetViewportSizeAsync(1280, 900);
        Assert.True(findings.Count == 0, string.Join('\n', findings));

        await page.Locator("[data-testid=check-save]").ClickAsync();
        await Assertions.Expect(page.Locator(".plan-header")).ToContainTextAsync("Revision 2 of 2");
        // By hand: (400 x 1,000 B + 1,500 x 250 B) x 1.3 = 1,007,500 B/s = 0.961 MiB/s, now the plan's data in.
        await Assertions.Expect(page.Locator("input#avgDataInMiBps")).ToHaveValueAsync("0.961");
    }

    /// <summary>
    /// A day of the topics' traffic, in the JMX exporter's names, on <paramref name="brokers"/>, each carrying
    /// <paramref name="share"/> of every topic; the first two also report the partitions' replica counts.
    /// </summary>
    private static OpenMetricsHistory History(string[] brokers, double share)
    {
        var end = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60);
        var history = new OpenMetricsHistory(end, TimeSpan.FromSeconds(Day) + TimeSpan.FromHours(1));
        foreach (var (name, messages, bytes, partitions) in Topics)
        {
            foreach (var broker in brokers)
            {
                var labels = $"instance=\"{broker}:11001\",topic=\"{name}\"";
                history.Counter("kafka_server_brokertopicmetrics_messagesin", labels, _ => messages * share);
                history.Counter("kafka_server_brokertopicmetrics_bytesin", labels, _ => messages * bytes * share);
                history.Counter("kafka_server_brokertopicmetrics_bytesout", labels, _ => messages * bytes * 2 * share);
            }

            for (var partition = 0; partition < partitions && brokers.Length == 2; partition++)
            {
                for (var b = 0; b < brokers.Length; b++)
                {
                    history.Gauge("kafka_cluster_partition_replicascount", $"instance=\"{brokers[b]}:11001\",partition=\"{partition}\",topic=\"{name}\"", partition % 2 == b ? 3 : 0);
                }
            }
        }

        return history;
    }
}
