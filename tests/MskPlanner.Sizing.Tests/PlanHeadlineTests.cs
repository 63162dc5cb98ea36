namespace MskPlanner.Sizing.Tests;

public class PlanHeadlineTests
{
    private static readonly SizingRequest Workload = new() { AvgDataInMiBps = 50, AvgDataOutMiBps = 100, LeaderPartitions = 1000 };

    private static string Usd(decimal amount) => amount.ToString("$#,0.00", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_headline_is_the_cheapest_production_pick_and_says_by_how_much_it_beats_the_runner_up()
    {
        var result = Inputs.Size(Workload);

        var headline = PlanHeadline.Of(result, null);

        var production = result.Recommended.Where(r => r.Family != BrokerFamily.T3 && r.Option?.MonthlyCost is not null && r.Split is null)
            .OrderBy(r => r.Option!.MonthlyCost!.Total).ToList();
        Assert.Equal(production[0], headline.Pick);
        Assert.Equal(production[1], headline.RunnerUp);
        var saving = production[1].Option!.MonthlyCost!.Total - production[0].Option!.MonthlyCost!.Total;
        Assert.Equal($"{Usd(saving)} a month less than the runner-up, {production[1].Option!.Brokers} × {production[1].Option!.Type.Name}.", headline.Why);
    }

    [Fact]
    public void A_chosen_family_heads_the_plan_even_when_another_costs_less_and_the_line_says_so()
    {
        var result = Inputs.Size(Workload);
        var cheapest = PlanHeadline.Of(result, null).Pick!;
        var dearer = result.Recommended.Where(r => r.Family != BrokerFamily.T3 && r.Family != cheapest.Family && r.Option?.MonthlyCost is not null)
            .OrderByDescending(r => r.Option!.MonthlyCost!.Total).First();

        var headline = PlanHeadline.Of(result, dearer.Family);

        Assert.Equal(dearer, headline.Pick);
        Assert.Equal(cheapest, headline.RunnerUp);
        Assert.StartsWith("The plan's chosen family: ", headline.Why, StringComparison.Ordinal);
        Assert.Contains(" a month more than the cheapest other, ", headline.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Families_that_need_several_clusters_or_are_not_for_production_come_after_those_that_fit()
    {
        // At a quota of 6 brokers a cluster this workload splits on the smaller families' picks.
        var result = Inputs.Size(Workload with { AvgDataInMiBps = 400, AvgDataOutMiBps = 800, BrokerQuota = 6 });

        var suited = PlanHeadline.Suited(result);

        Assert.Equal(result.Recommended.Count, suited.Count);
        var firstSplit = suited.ToList().FindIndex(r => r.Split is not null || r.Family == BrokerFamily.T3 || r.Option is null);
        Assert.True(firstSplit > 0, "a production pick that fits one cluster comes first");
        Assert.All(suited.Skip(firstSplit), r => Assert.True(r.Split is not null || r.Family == BrokerFamily.T3 || r.Option?.MonthlyCost is null));
        Assert.Equal(PlanHeadline.Of(result, null).Pick, suited[0]);
    }
}
