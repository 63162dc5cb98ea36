using Bunit;

using MskPlanner.Sizing;
using MskPlanner.Web.Components.Capacity;

namespace MskPlanner.Web.Tests.Components;

public class CapacityPageTests : PlannerTestContext
{
    [Fact]
    public void The_page_opens_with_an_answer_for_six_m5_2xlarge_brokers()
    {
        var page = Render<CapacityPage>();

        var expected = CapacityEngine.Capacity(new CapacityRequest { InstanceType = "kafka.m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 2000 }.Resolve().GetValueOrThrow());
        Assert.Contains("6 × kafka.m5.2xlarge can take", page.Find("[data-testid=capacity]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"{Figures.Number(expected.MaxPeakDataInMiBps)} MiB/s", page.Find("[data-testid=max-in]").TextContent);
        Assert.Equal("12,000", page.Find("[data-testid=max-partitions]").TextContent);
    }

    [Fact]
    public void Brokers_that_do_not_fill_the_zones_alike_are_refused_at_the_field()
    {
        var page = Render<CapacityPage>();

        page.Find("input#brokers").Input("7");

        page.WaitForAssertion(() => Assert.Contains("use a multiple of 3", page.Find("#brokers-error").TextContent, StringComparison.Ordinal));
        Assert.Single(page.FindAll("[data-testid=no-capacity]"));
    }

    [Fact]
    public void Todays_data_in_shows_the_hours_the_volumes_hold_and_storage_binding_when_short()
    {
        var page = Render<CapacityPage>();

        page.Find("input#avgDataInMiBps").Input("40");

        // By hand: 6 x 2,000 GiB x 0.5 x 1,024 MiB / (40 MiB/s x 3,600 s x RF 3) = 14.22 hours, short of a week.
        page.WaitForAssertion(() => Assert.Equal("14.22 hours", page.Find("[data-testid=retention-at-ingress]").TextContent));
        Assert.Equal("Storage", page.Find("[data-testid=binding]").TextContent);
    }

    [Fact]
    public void Volumes_that_cannot_keep_the_retention_of_the_peak_the_brokers_carry_say_so()
    {
        var page = Render<CapacityPage>();

        // By hand: 6 x 2,000 GiB x 0.5 x 1,024 / (168 h x 3,600 x RF 3) = 3.39 MiB/s kept a week, against 115.38 MiB/s at peak.
        Assert.Equal("Storage", page.Find("[data-testid=binding]").TextContent);
        Assert.Contains("at most 3.39 MiB/s average data in", page.Find("[data-testid=storage-binds]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_draws_each_field_of_the_capacity_question_labelled_as_its_description_says()
    {
        var page = Render<CapacityPage>();

        var labels = page.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.All(CapacityInputs.All, input => Assert.Contains(input.Label, labels));
    }

    [Fact]
    public void An_express_type_asks_for_no_storage_per_broker()
    {
        var page = Render<CapacityPage>();
        var type = page.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.Label == CapacityInputs.InstanceType.Label);

        page.InvokeAsync(() => type.Instance.ValueChanged.InvokeAsync("express.m7g.large"));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("input#volumeGiBPerBroker")));
        Assert.Contains("Express storage is managed", page.Find("[data-testid=capacity]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broker_count_out_of_range_is_refused_in_the_words_of_its_label()
    {
        var page = Render<CapacityPage>();

        page.Find("input#brokers").Input("0");

        page.WaitForAssertion(() => Assert.Equal("Brokers must be at least 1 and at most 10,000 brokers.", page.Find("#brokers-error").TextContent));
    }
}
