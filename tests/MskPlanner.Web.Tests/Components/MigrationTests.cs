using Bunit;

using PlannerPage = MskPlanner.Web.Components.Planner.Planner;

namespace MskPlanner.Web.Tests.Components;

/// <summary>The "Migrating from" section and the move's panel on the planner page.</summary>
public class MigrationTests : PlannerTestContext
{
    private const string Move =
        """{"source":{"kind":"onPremises","monthlyCost":20000,"kafkaVersion":"3.6.0","authentication":"scram"},"parallelRunDays":14,"replication":"mskConnect","transferUsdPerGb":0.02}""";

    private static string Address(string move) => $"/?avgDataInMiBps=50&peakDataInMiBps=100&leaderPartitions=1200&migration={Uri.EscapeDataString(move)}";

    [Fact]
    public void A_plan_that_moves_shows_the_moves_cost_the_replication_the_runbook_and_a_migration_tab_of_files()
    {
        Navigate(Address(Move));

        var page = Render<PlannerPage>();

        var panel = page.Find("section[aria-labelledby=migration-heading]");
        Assert.Contains("14 days with both clusters", panel.QuerySelector("#migration-heading")!.TextContent, StringComparison.Ordinal);
        var cost = panel.QuerySelector("[role=region][aria-label='What the move costs'] table")!;
        Assert.Equal(["The source cluster", "The new cluster", "MirrorMaker 2 on MSK Connect", "Transfer", "The move in all"],
            cost.QuerySelectorAll("tbody tr").Select(r => r.Children[0].TextContent.Split(" (")[0]));
        Assert.Equal(8, panel.QuerySelectorAll("ol li").Length);
        Assert.Contains("MCUs", panel.QuerySelector("[data-testid=migration-replication]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("[role=tab]"), tab => tab.TextContent == "Migration");
    }

    [Fact]
    public void A_tool_the_source_cannot_use_is_named_with_why_and_chosen_anyway_it_shows_as_an_error()
    {
        Navigate(Address(Move.Replace("mskConnect", "replicator", StringComparison.Ordinal).Replace("scram", "other", StringComparison.Ordinal)));

        var page = Render<PlannerPage>();

        var panel = page.Find("section[aria-labelledby=migration-heading]");
        Assert.Contains("SASL/SCRAM or mTLS", panel.QuerySelector("[data-testid=migration-tool-problem]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("MSK Replicator", panel.QuerySelector("ul")!.TextContent, StringComparison.Ordinal);
        Assert.Null(panel.QuerySelector("[aria-label='What the move costs']"));
    }

    [Fact]
    public void Turning_the_section_on_asks_for_the_sources_kafka_version_at_its_field_and_a_version_plans_the_move()
    {
        Navigate("/?avgDataInMiBps=50&leaderPartitions=1200");
        AddressBar();
        var page = Render<PlannerPage>();
        Assert.Empty(page.FindAll("section[aria-labelledby=migration-heading]"));

        page.FindAll("button[aria-controls=migration-fields]").Single().Click();
        page.FindAll("label").Single(l => l.TextContent.Contains("Plan a move from a running cluster", StringComparison.Ordinal)).QuerySelector("input[type=checkbox]")!.Change(true);

        page.WaitForAssertion(() => Assert.Contains("Give the source's Kafka version", page.Find("[id='migration.source.kafkaVersion-error']").TextContent, StringComparison.Ordinal));
        page.Find("input[id='migration.source.kafkaVersion']").Input("3.6.0");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("section[aria-labelledby=migration-heading] [aria-label='What the move costs']")));
        Assert.Empty(page.FindAll("[id='migration.source.kafkaVersion-error']"));
    }
}
