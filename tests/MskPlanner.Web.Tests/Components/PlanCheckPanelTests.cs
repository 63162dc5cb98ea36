using Bunit;

using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

using MskPlanner.Import;
using MskPlanner.Sizing;
using MskPlanner.Web.Components.Plans;
using MskPlanner.Web.Tests.Import;

namespace MskPlanner.Web.Tests.Components;

/// <summary>"Check against the running cluster" on a saved plan, against the week in a real Prometheus and a CloudWatch file.</summary>
public sealed class PlanCheckPanelTests(MeasuredCluster cluster) : PlannerTestContext, IClassFixture<MeasuredCluster>
{
    [Fact]
    public async Task A_plan_imported_from_prometheus_keeps_where_it_was_measured_and_checks_against_it_limit_by_limit()
    {
        var importer = Services.GetRequiredService<PrometheusImporter>();
        var window = new PrometheusImportRequest().ResolveWindow().Value!;
        var (target, _) = PrometheusTarget.Resolve(new PrometheusImportRequest { Url = cluster.Server.Address.ToString() }, [], typedUrlAllowed: true);
        var imported = await importer.ImportAsync(target!, window, CancellationToken.None);
        var measured = new Persistence.Measurement(imported.Summary.Source, imported.Summary.From, imported.Summary.To);
        var id = (await Plans.CreateAsync(Persistence.Caller.LocalUser, null, "From the cluster", null, imported.Request, BrokerFamily.M7g, null, measured)).Value!.Plan.Id;

        var page = Render<PlanPage>(p => p.Add(c => c.Id, id));
        Assert.Contains($"Workload measured from {cluster.Server.Address}", page.Find("[data-testid=measured-from]").TextContent, StringComparison.Ordinal);

        page.Find("input#check-url").Change(cluster.Server.Address.ToString());
        page.Find("[data-testid=check-run]").Click();

        page.WaitForAssertion(() => Assert.Equal(["ingress", "egress", "partitions", "storage"],
            page.FindAll("[data-testid=check-limits] tr[data-limit]").Select(r => r.GetAttribute("data-limit")!).Where(k => k != "provisionedThroughput")), TimeSpan.FromSeconds(30));
        var ingress = page.Find("[data-testid=check-limits] tr[data-limit=ingress]");
        Assert.Equal("Ingress", ingress.QuerySelector("th")!.TextContent);
        // Sized from the same week, the traffic has not drifted; only the disk (one topic's replicas) differs from the plan's retention.
        Assert.DoesNotContain("drift-flagged", ingress.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("drift-flagged", page.Find("[data-testid=check-limits] tr[data-limit=storage]").InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Storage: measured", page.Find("[data-testid=check-flags]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=check-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Revision 2 of 2", page.Find(".plan-header").TextContent, StringComparison.Ordinal));
        var latest = (await Plans.Store.GetAsync(Persistence.Caller.LocalUser, id, null))!.Revision;
        Assert.Equal(cluster.Server.Address.ToString(), latest.MeasuredFrom!.Source);
        Assert.StartsWith($"Measured from {cluster.Server.Address}", latest.Comment, StringComparison.Ordinal);
        Assert.Equal(BrokerFamily.M7g, latest.SelectedFamily);
        // The history marks both revisions as measured, each with its own window.
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=history] tr[data-revision] [data-measured]").Count));
    }

    [Fact]
    public async Task A_cloudwatch_file_checks_the_plan_with_its_disks_and_busiest_cpu()
    {
        var inputs = new SizingRequest { AvgDataInMiBps = 30, AvgDataOutMiBps = 60, LeaderPartitions = 300, MonthlyGrowthPercent = 10 };
        var id = (await Plans.CreateAsync(Persistence.Caller.LocalUser, null, "Typed", null, inputs, BrokerFamily.M7g, null)).Value!.Plan.Id;
        var page = Render<PlanPage>(p => p.Add(c => c.Id, id));

        page.Find("input[type=radio][data-testid=check-from-cloudwatch]").Click();
        page.WaitForElement("input#check-cloudwatch");
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "cloudwatch-cluster.json")), "metrics.json"));
        page.Find("[data-testid=check-run]").Click();

        page.WaitForAssertion(() => Assert.Contains("70 %", page.Find("[data-testid=check-limits] tr[data-limit=cpu]").TextContent, StringComparison.Ordinal));
        Assert.Contains("CPU: the busiest broker runs at 70%", page.Find("[data-testid=check-flags]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=check-limits] tr[data-limit=partitions]"));
        // Growing 10% a month, the measured traffic fills the brokers in a month the row names.
        Assert.Matches(@"in \d+ months \([A-Z][a-z]{2} \d{4}\)", page.Find("[data-testid=check-limits] tr[data-limit=ingress]").TextContent);
    }

    [Fact]
    public async Task Checking_without_a_file_says_to_choose_one()
    {
        var id = (await Plans.CreateAsync(Persistence.Caller.LocalUser, null, "Typed", null, new SizingRequest { AvgDataInMiBps = 10, LeaderPartitions = 100 }, null, null)).Value!.Plan.Id;
        var page = Render<PlanPage>(p => p.Add(c => c.Id, id));

        page.Find("input[type=radio][data-testid=check-from-cloudwatch]").Click();
        page.Find("[data-testid=check-run]").Click();

        page.WaitForAssertion(() => Assert.Contains("Choose the CloudWatch file first.", page.Find("[data-testid=check-failure]").TextContent, StringComparison.Ordinal));
    }
}
