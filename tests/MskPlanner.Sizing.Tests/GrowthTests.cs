using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MskPlanner.Sizing.Tests;

public class GrowthTests
{
    private static readonly PriceSheet Prices = ReferencePrices.UsEast1;

    private static readonly SizingRequest Workload = new() { AvgDataInMiBps = 50, AvgDataOutMiBps = 100, Partitions = 3000, RetentionHours = 24 };

    [Fact]
    public void Without_a_growth_rate_there_is_no_projection()
    {
        Assert.Null(Inputs.Size(Workload).Growth);
    }

    [Fact]
    public void Traffic_compounds_monthly_and_each_month_is_the_sizing_of_that_months_traffic()
    {
        var growth = Inputs.Size(Workload with { MonthlyGrowthPercent = 10, MonthlyGrowthPercentOut = 5, HorizonMonths = 12 }).Growth!;

        Assert.Equal(13, growth.Months.Count);
        // By hand: 50 x 1.1^12 = 156.92; 100 x 1.05^12 = 179.59.
        Assert.Equal(156.921, growth.Months[12].AvgDataInMiBps, 3);
        Assert.Equal(179.586, growth.Months[12].AvgDataOutMiBps, 3);
        var month7 = Inputs.Size(Workload with { AvgDataInMiBps = 50 * Math.Pow(1.1, 7), AvgDataOutMiBps = 100 * Math.Pow(1.05, 7) });
        Assert.All(month7.Recommended, r => Assert.Equal(r.Option?.MonthlyCost?.Total, growth.Months[7].Picks.Single(p => p.Family == r.Family).MonthlyTotal));
    }

    [Fact]
    public void A_projection_never_picks_a_type_the_region_does_not_offer_and_prices_each_month_as_the_plain_sizing_does()
    {
        var request = Workload with { MonthlyGrowthPercent = 10, HorizonMonths = 12 };
        var offered = Inputs.Size(request).Growth!.Months[0].Picks.Single(p => p.Family == BrokerFamily.M7g).InstanceType!;
        var prices = ReferencePrices.Without(offered);

        var growth = Inputs.Size(request, prices).Growth!;

        foreach (var month in growth.Months)
        {
            var pick = month.Picks.Single(p => p.Family == BrokerFamily.M7g);
            Assert.NotEqual(offered, pick.InstanceType);
            var plain = Inputs.Size(Workload with { AvgDataInMiBps = 50 * Math.Pow(1.1, month.Month), AvgDataOutMiBps = 100 * Math.Pow(1.1, month.Month) }, prices);
            var expected = plain.Recommended.Single(r => r.Family == BrokerFamily.M7g).Option!;
            Assert.Equal((expected.Type.Name, expected.MonthlyCost!.Total), (pick.InstanceType, pick.MonthlyTotal));
        }
    }

    [Fact]
    public void A_resize_is_reported_in_the_first_month_whose_traffic_needs_a_different_pick_and_the_total_bills_each_month_at_its_start()
    {
        var growth = Inputs.Size(Workload with { MonthlyGrowthPercent = 20, HorizonMonths = 12 }).Growth!;

        var resize = growth.Resizes.First(r => r.Family == BrokerFamily.M5);
        var before = Inputs.Size(Workload with { AvgDataInMiBps = 50 * Math.Pow(1.2, resize.Month - 1), AvgDataOutMiBps = 100 * Math.Pow(1.2, resize.Month - 1) });
        var after = Inputs.Size(Workload with { AvgDataInMiBps = 50 * Math.Pow(1.2, resize.Month), AvgDataOutMiBps = 100 * Math.Pow(1.2, resize.Month) });
        var pickBefore = before.Recommended.Single(r => r.Family == BrokerFamily.M5).Option!;
        var pickAfter = after.Recommended.Single(r => r.Family == BrokerFamily.M5).Option!;
        Assert.Equal((pickBefore.Type.Name, pickBefore.Brokers), (resize.FromInstanceType, resize.FromBrokers));
        Assert.Equal((pickAfter.Type.Name, pickAfter.Brokers), (resize.ToInstanceType, resize.ToBrokers));

        var expectedTotal = Enumerable.Range(0, 12).Sum(m => Inputs.Size(Workload with { AvgDataInMiBps = 50 * Math.Pow(1.2, m), AvgDataOutMiBps = 100 * Math.Pow(1.2, m) })
            .Recommended.Single(r => r.Family == BrokerFamily.M5).Option!.MonthlyCost!.Total);
        Assert.Equal(expectedTotal, growth.TotalCost[BrokerFamily.M5]);
    }

    [Fact]
    public void A_resize_that_adds_brokers_offers_the_next_size_up_and_one_that_changes_size_offers_more_of_the_old_size()
    {
        var growth = Inputs.Size(Workload with { MonthlyGrowthPercent = 20, HorizonMonths = 24 }).Growth!;

        static SizingResult Month(int month) => Inputs.Size(Workload with { AvgDataInMiBps = 50 * Math.Pow(1.2, month), AvgDataOutMiBps = 100 * Math.Pow(1.2, month) });
        var adding = growth.Resizes.First(r => r.ToInstanceType == r.FromInstanceType && r.Instead is not null);
        var changing = growth.Resizes.First(r => r.ToInstanceType != r.FromInstanceType && r.Instead is not null);

        var sizes = BrokerCatalog.All.Where(t => t.Family == adding.Family).Select(t => t.Name).ToList();
        var up = Month(adding.Month).Option(sizes[sizes.IndexOf(adding.ToInstanceType!) + 1]);
        Assert.Equal(new ResizeChoice(up.Type.Name, up.Brokers, up.MonthlyCost!.Total), adding.Instead);
        var old = Month(changing.Month).Option(changing.FromInstanceType!);
        Assert.Equal(new ResizeChoice(old.Type.Name, old.Brokers, old.MonthlyCost!.Total), changing.Instead);
        Assert.Contains("can be increased, never decreased", GrowthEngine.VolumesOnlyGrow, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cheapest_family_over_the_horizon_is_the_lowest_production_total()
    {
        var growth = Inputs.Size(Workload with { MonthlyGrowthPercent = 15, HorizonMonths = 36 }).Growth!;

        var lowest = PlanHeadline.Production.Where(f => growth.TotalCost[f] is not null).MinBy(f => growth.TotalCost[f]);
        Assert.Equal(lowest, growth.CheapestOverHorizon);
    }

    [Fact]
    public void Growth_past_what_a_sizing_can_take_ends_the_projection_early_and_says_when()
    {
        var growth = Inputs.Size(new SizingRequest { AvgDataInMiBps = 20_000, Partitions = 3000, MonthlyGrowthPercent = 100, HorizonMonths = 36 }).Growth!;

        // By hand: 20,000 x 2^3 = 160,000 MiB/s passes 100,000 in month 3.
        Assert.Equal(3, growth.EndsEarlyAt);
        Assert.Equal(3, growth.Months.Count);
    }

    [Theory]
    [InlineData(101.0, null, null, "monthlyGrowthPercent")]
    [InlineData(-51.0, null, null, "monthlyGrowthPercent")]
    [InlineData(5.0, null, 5, "horizonMonths")]
    [InlineData(5.0, null, 37, "horizonMonths")]
    [InlineData(null, 5.0, null, "monthlyGrowthPercentOut")]
    public void Rates_and_horizons_out_of_range_are_refused_at_their_field(double? growthIn, double? growthOut, int? horizon, string field)
    {
        var outcome = (Workload with { MonthlyGrowthPercent = growthIn, MonthlyGrowthPercentOut = growthOut, HorizonMonths = horizon }).Resolve();

        Assert.Equal(field, Assert.Single(outcome.Errors).Field);
    }

    [Property(Arbitrary = [typeof(Workloads), typeof(Rates)], MaxTest = 100)]
    public bool Growing_traffic_never_makes_a_familys_month_cheaper_than_the_month_before(SizingInput input, GrowthRate rate)
    {
        var growth = GrowthEngine.Project(input with { MonthlyGrowthPercent = rate.Percent, HorizonMonths = 12 }, Prices)!;

        // A pick split over clusters is the type with the fewest brokers, not the cheapest, so only picks within the quota compare.
        return Enum.GetValues<BrokerFamily>().All(family => growth.Months.Zip(growth.Months.Skip(1)).All(pair =>
            WithinQuota(pair.First, family) is not { } before || WithinQuota(pair.Second, family) is not { } after || after >= before));
    }

    [Property(Arbitrary = [typeof(Workloads), typeof(Rates)], MaxTest = 100)]
    public bool More_growth_never_means_fewer_brokers_later(SizingInput input, GrowthRate rate)
    {
        var slow = GrowthEngine.Project(input with { MonthlyGrowthPercent = rate.Percent, HorizonMonths = 12 }, Prices)!;
        var fast = GrowthEngine.Project(input with { MonthlyGrowthPercent = rate.Percent + 10, HorizonMonths = 12 }, Prices)!;

        // Per family, the cheapest pick may change type; its cost, which grows with every broker it adds, never falls.
        return Enum.GetValues<BrokerFamily>().All(family => fast.Months.Zip(slow.Months).All(pair =>
            WithinQuota(pair.Second, family) is not { } slower || WithinQuota(pair.First, family) is not { } faster || faster >= slower));
    }

    [Property(Arbitrary = [typeof(Workloads), typeof(SignedRates)], MaxTest = 200)]
    public bool Every_month_of_a_projection_is_the_plain_sizing_of_that_months_traffic(SizingInput input, GrowthRate rateIn, GrowthRate rateOut)
    {
        var growing = input with { MonthlyGrowthPercent = rateIn.Percent, MonthlyGrowthPercentOut = rateOut.Percent, HorizonMonths = 12 };
        var growth = GrowthEngine.Project(growing, Prices)!;

        return growth.Months.All(month =>
        {
            var plain = SizingEngine.Size(input with
            {
                AvgDataInMiBps = month.AvgDataInMiBps,
                PeakDataInMiBps = month.PeakDataInMiBps,
                AvgDataOutMiBps = month.AvgDataOutMiBps,
                PeakDataOutMiBps = month.PeakDataOutMiBps,
            }, Prices);
            return plain.Recommended.Select(r => new MonthPick(r.Family, r.Option?.Type.Name, r.Option?.Brokers, r.Option?.BindingLimit, r.Option?.MonthlyCost?.Total, r.Split))
                .SequenceEqual(month.Picks);
        });
    }

    private static decimal? WithinQuota(GrowthMonth month, BrokerFamily family) =>
        month.Picks.Single(p => p.Family == family) is { Split: null, MonthlyTotal: { } total } ? total : null;

    public sealed record GrowthRate(double Percent);

    /// <summary>Shrinking traffic too, and data out growing at its own rate.</summary>
    public static class SignedRates
    {
        public static Arbitrary<GrowthRate> Arbitrary() => Gen.Choose(-200, 300).Select(i => new GrowthRate(i / 10d)).ToArbitrary();
    }

    public static class Rates
    {
        public static Arbitrary<GrowthRate> Arbitrary() => Gen.Choose(0, 300).Select(i => new GrowthRate(i / 10d)).ToArbitrary();
    }
}
