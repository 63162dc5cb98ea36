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
}
