using Bunit;

using MskPlanner.Pricing;
using MskPlanner.Sizing;

using PlannerPage = MskPlanner.Web.Components.Planner.Planner;

namespace MskPlanner.Web.Tests.Components;

public class PlannerPageTests : PlannerTestContext
{
    [Fact]
    public void The_page_opens_with_a_sizing_of_every_broker_type()
    {
        var page = Render<PlannerPage>();

        Assert.Equal(BrokerCatalog.All.Count, page.FindAll("tr[data-type]").Count);
        var asOf = new BundledSnapshotPriceSource().Snapshot.Origin.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Prices: bundled snapshot, us-east-1, published {asOf}", page.Find("[data-testid=prices]").TextContent, StringComparison.Ordinal);
        // The default workload fits every production family in one cluster: T3, for development only, comes last.
        var picks = page.FindAll("[data-testid^=pick-]");
        Assert.Equal(4, picks.Count);
        Assert.Equal("pick-t3", picks[^1].GetAttribute("data-testid"));
    }

    [Fact]
    public void Inputs_in_the_address_reproduce_the_same_sizing()
    {
        Navigate("/?avgDataInMiBps=100&avgDataOutMiBps=500&partitions=1000&retentionHours=24");

        var page = Render<PlannerPage>();

        // The guide's example: express.m7g.2xlarge needs 6 brokers, bound by egress.
        Assert.Equal("6", Cell(page, "express.m7g.2xlarge", "brokers"));
        Assert.Equal("Egress", Cell(page, "express.m7g.2xlarge", "binding"));
        Assert.Equal("30", Cell(page, "kafka.m5.large", "brokers"));
        Assert.Equal("100", page.Find("input#avgDataInMiBps").GetAttribute("value"));
    }

    [Fact]
    public void Changing_an_input_updates_the_results_and_the_address()
    {
        Navigate("/?avgDataInMiBps=10&partitions=100&retentionHours=24");
        var addressBar = AddressBar();
        var page = Render<PlannerPage>();
        Assert.Equal("3", Cell(page, "kafka.m5.large", "brokers"));

        page.Find("input#avgDataInMiBps").Input("200");

        page.WaitForAssertion(() => Assert.Equal("33", Cell(page, "kafka.m5.large", "brokers")));
        page.WaitForAssertion(() => Assert.Contains("avgDataInMiBps=200", LastAddress(addressBar), StringComparison.Ordinal));
    }

    [Fact]
    public void A_keystroke_draws_the_form_once_with_the_new_results()
    {
        Navigate("/?avgDataInMiBps=10&partitions=100&retentionHours=24");
        AddressBar();
        var page = Render<PlannerPage>();
        // The form's heading has no components inside it: it is drawn exactly when the form is.
        var heading = page.FindComponent<MskPlanner.Web.Components.Planner.PlannerInputs>().FindComponents<MudBlazor.MudText>()[0];
        Assert.Equal("Workload", heading.Find("h6").TextContent);
        var drawn = heading.RenderCount;

        page.Find("input#avgDataInMiBps").Input("200");

        page.WaitForAssertion(() => Assert.Equal("33", Cell(page, "kafka.m5.large", "brokers")));
        Assert.Equal(drawn + 1, heading.RenderCount);
    }

    [Fact]
    public void A_bad_value_shows_its_message_at_the_field_and_keeps_the_last_results_marked_stale()
    {
        Navigate("/?avgDataInMiBps=10&partitions=100&retentionHours=24");
        var addressBar = AddressBar();
        var page = Render<PlannerPage>();

        page.Find("input#avgDataInMiBps").Input("20");
        page.WaitForAssertion(() => Assert.Contains("avgDataInMiBps=20", LastAddress(addressBar), StringComparison.Ordinal));
        page.Find("input#peakDataInMiBps").Input("5");

        page.WaitForAssertion(() => Assert.Equal(
            "Peak data in must be at least the average data in of 20 MiB/s.",
            page.Find("#peakDataInMiBps-error").TextContent));
        Assert.Contains("results are for the last valid inputs", page.Find("[data-testid=stale]").TextContent, StringComparison.Ordinal);
        Assert.Equal(BrokerCatalog.All.Count, page.FindAll("tr[data-type]").Count);
    }

    [Fact]
    public void An_unreadable_address_value_is_shown_as_a_field_error_not_a_crash()
    {
        Navigate("/?avgDataInMiBps=abc&partitions=100");

        var page = Render<PlannerPage>();

        Assert.Contains("Average data in is required", page.Markup, StringComparison.Ordinal);
        Assert.Equal("Fix the highlighted fields to see a sizing.", page.Find("[data-testid=no-result]").TextContent.Trim());
    }

    [Theory]
    [InlineData("2000.5", "A whole number is needed here, such as 2000.")]
    [InlineData("many", "Not a number: type digits, such as 2000.")]
    public void A_count_typed_with_a_fraction_or_letters_is_told_it_needs_a_whole_number(string typed, string message)
    {
        var page = Render<PlannerPage>();

        page.Find("input#leaderPartitions").Input(typed);

        page.WaitForAssertion(() => Assert.Equal(message, page.Find("#leaderPartitions-error").TextContent.Trim()));
    }

    [Fact]
    public void A_count_in_scientific_notation_is_read_as_written()
    {
        var address = AddressBar();
        var page = Render<PlannerPage>();

        page.Find("input#leaderPartitions").Input("2e3");

        page.WaitForAssertion(() => Assert.Contains("leaderPartitions=2000", LastAddress(address), StringComparison.Ordinal));
    }

    [Fact]
    public void An_advanced_field_with_an_error_opens_the_advanced_panel()
    {
        Navigate("/?avgDataInMiBps=10&partitions=100&pageCacheSeconds=-5");

        var page = Render<PlannerPage>();

        Assert.Equal("true", page.Find("[data-testid=advanced]").GetAttribute("aria-expanded"));
        Assert.False(page.Find("#advanced-fields").HasAttribute("hidden"));
        Assert.Equal("Page cache must be at least 0 and at most 86,400 seconds.", page.Find("#pageCacheSeconds-error").TextContent.Trim());
    }

    [Fact]
    public void A_closed_section_holds_none_of_its_fields_and_opening_it_shows_what_the_form_holds()
    {
        Navigate("/?avgDataInMiBps=10&partitions=100&pageCacheSeconds=60");
        var page = Render<PlannerPage>();

        // A live page holds every component it draws: the two thirds of the fields that sit closed are not drawn.
        Assert.Empty(page.FindAll("#advanced-fields input"));
        page.Find("[data-testid=advanced]").Click();

        Assert.Equal("60", page.Find("input#pageCacheSeconds").GetAttribute("value"));
        page.Find("input#pageCacheSeconds").Input("90");
        page.Find("[data-testid=advanced]").Click();
        page.Find("[data-testid=advanced]").Click();
        page.WaitForAssertion(() => Assert.Equal("90", page.Find("input#pageCacheSeconds").GetAttribute("value")));
    }

    [Fact]
    public void A_cluster_setting_with_an_error_opens_its_panel_and_says_what_MSK_accepts()
    {
        Navigate("/?avgDataInMiBps=10&partitions=100&clusterName=orders%20prod");

        var page = Render<PlannerPage>();

        Assert.Equal("true", page.Find("[data-testid=cluster-settings]").GetAttribute("aria-expanded"));
        Assert.False(page.Find("#cluster-fields").HasAttribute("hidden"));
        Assert.Contains("letters, digits and hyphens", page.Find("#clusterName-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.Find("input#clusterName").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Typing_a_cluster_name_names_the_deploy_files_and_the_zip_link_carries_it()
    {
        Navigate("/?avgDataInMiBps=10&partitions=100");
        var page = Render<PlannerPage>();
        page.Find("[data-testid=cluster-settings]").Click();

        page.Find("input#clusterName").Input("orders-prod");

        page.WaitForAssertion(() => Assert.StartsWith("orders-prod: ", page.Find("[data-testid=deploy-summary]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Contains("clusterName=orders-prod", page.Find("[data-testid=deploy-zip]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_growth_rate_in_the_address_opens_with_its_projection_and_a_bad_horizon_opens_the_growth_fields()
    {
        Navigate("/?avgDataInMiBps=10&partitions=100&monthlyGrowthPercent=5&horizonMonths=40");

        var page = Render<PlannerPage>();

        Assert.Equal("true", page.Find("[data-testid=growth-settings]").GetAttribute("aria-expanded"));
        Assert.Contains("at most 36 months", page.Find("#horizonMonths-error").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_without_bundled_prices_says_whose_prices_are_shown()
    {
        Navigate("/?avgDataInMiBps=10&partitions=100&region=eu-west-1");

        var page = Render<PlannerPage>();

        Assert.Contains("No bundled prices for eu-west-1", page.Find("[data-testid=prices]").TextContent, StringComparison.Ordinal);
    }

    private static string Cell(IRenderedComponent<PlannerPage> page, string type, string column) =>
        page.Find($"tr[data-type='{type}'] td[data-col={column}]").TextContent.Trim();
}
