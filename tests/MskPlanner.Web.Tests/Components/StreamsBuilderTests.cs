using Bunit;

using PlannerPage = MskPlanner.Web.Components.Planner.Planner;

namespace MskPlanner.Web.Tests.Components;

public class StreamsBuilderTests : PlannerTestContext
{
    [Fact]
    public void Adding_a_stream_locks_the_aggregates_and_fills_them_with_its_sums()
    {
        Navigate("/?avgDataInMiBps=10&partitions=100&retentionHours=24");
        var addressBar = AddressBar();
        var page = Render<PlannerPage>();

        page.Find("[data-testid=streams-toggle]").Click();
        page.Find("[data-testid=add-stream]").Click();
        // The new stream's fields come with the render after the click, which a busy machine can delay.
        page.WaitForElement("input[id='streams[0].messagesPerSecond']").Input("2000");
        page.Find("input[id='streams[0].messageBytes']").Input("1024");

        // By hand: 2,000 x 1,024 B = 1.953125 MiB/s, shown to three decimals; one group reads it; one suggested leader partition.
        page.WaitForAssertion(() => Assert.Equal("1.953", page.Find("input#avgDataInMiBps").GetAttribute("value")));
        Assert.True(page.Find("input#avgDataInMiBps").HasAttribute("disabled"));
        Assert.Equal("1", page.Find("input#leaderPartitions").GetAttribute("value"));
        Assert.Contains("Added up from the streams", page.Find("[data-field=avgDataInMiBps]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 leader partition suggested", page.Find("[data-testid=stream-figures]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1.953 MiB/s in", page.Find("[data-testid=streams-total]").TextContent, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Contains("streams=", LastAddress(addressBar), StringComparison.Ordinal));
        Assert.NotEmpty(page.FindAll("[data-testid=streams-table]"));
    }

    [Fact]
    public void A_stream_marked_compacted_counts_against_serverless_compacted_partitions()
    {
        var addressBar = AddressBar();
        var page = Render<PlannerPage>();
        page.Find("[data-testid=streams-toggle]").Click();
        page.Find("[data-testid=add-stream]").Click();
        page.WaitForElement("input[id='streams[0].messagesPerSecond']").Input("100");
        page.Find("input[id='streams[0].messageBytes']").Input("100");
        page.Find("input[id='streams[0].partitions']").Input("200");

        var label = page.FindAll("label").Single(l => l.TextContent.Contains("Compacted topic", StringComparison.Ordinal));
        (label.QuerySelector("input[type=checkbox]") ?? page.Find($"input#{label.GetAttribute("for")}")).Change(true);

        page.WaitForAssertion(() => Assert.Contains("%22compacted%22%3Atrue", LastAddress(addressBar), StringComparison.Ordinal));
        Assert.Contains("compacted topics", page.Find("[data-testid=serverless]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_the_last_stream_unlocks_the_aggregates_and_keeps_their_sums()
    {
        var page = Render<PlannerPage>();
        page.Find("[data-testid=streams-toggle]").Click();
        page.Find("[data-testid=add-stream]").Click();
        page.WaitForElement("input[id='streams[0].messagesPerSecond']").Input("4096");
        page.Find("input[id='streams[0].messageBytes']").Input("1024");
        page.WaitForAssertion(() => Assert.Equal("4", page.Find("input#avgDataInMiBps").GetAttribute("value")));

        page.Find("[data-testid=remove-stream]").Click();

        page.WaitForAssertion(() => Assert.False(page.Find("input#avgDataInMiBps").HasAttribute("disabled")));
        Assert.Equal("4", page.Find("input#avgDataInMiBps").GetAttribute("value"));
        Assert.Empty(page.FindAll("fieldset.stream"));
    }

    [Fact]
    public void A_wrong_stream_field_shows_its_message_at_that_field()
    {
        var page = Render<PlannerPage>();
        page.Find("[data-testid=streams-toggle]").Click();
        page.Find("[data-testid=add-stream]").Click();
        page.WaitForElement("input[id='streams[0].messagesPerSecond']").Input("10");

        page.Find("input[id='streams[0].messageBytes']").Input("0");

        page.WaitForAssertion(() => Assert.Equal("Average message size must be at least 1 and at most 104,857,600 bytes.", page.Find("[id='streams[0].messageBytes-error']").TextContent));
    }

    [Fact]
    public void A_plan_opened_with_streams_shows_the_builder_open_with_each_stream_named()
    {
        Navigate("/?streams=" + Uri.EscapeDataString("""[{"name":"orders","messagesPerSecond":100,"messageBytes":500},{"name":"clicks","messagesPerSecond":50,"messageBytes":200}]"""));

        var page = Render<PlannerPage>();

        Assert.False(page.Find("#streams-fields").HasAttribute("hidden"));
        Assert.Equal(["Stream 1: orders", "Stream 2: clicks"], page.FindAll("fieldset.stream > legend").Select(l => l.TextContent));
        Assert.Equal("true", page.Find("[data-testid=streams-toggle]").GetAttribute("aria-expanded"));
    }
}
