namespace MskPlanner.Sizing.Tests;

public class ExplanationTests
{
    private static readonly SizingResult Result = Inputs.Size(new SizingRequest { AvgDataInMiBps = 50, Partitions = 3000 });

    [Fact]
    public void An_ingress_limit_shows_the_formula_with_the_plans_values_substituted()
    {
        // By hand: storage factor RF 3 + lagging 0.5 + rebalancing 3 = 6.5; network factor fan-out 1 x 1.5 + 1.1 x 2 + 0.5 + 3 = 7.2;
        // min(250 / 6.5, 320 / 7.2) x 1 x 0.5 = 19.231 MiB/s; 50 / 19.231 needs 3 brokers, already a multiple of 3 AZs.
        var option = Result.Option("kafka.m5.2xlarge");

        var explanation = Explain.Limit(Result, option, option.Limits.Single(l => l.Kind == LimitKind.Ingress));

        // Storage binds at 12 brokers (177,187.5 GiB over 16,384 per broker is 11, up to 12), where ingress runs at 50 / (19.231 x 12) = 22%.
        Assert.Equal("min(250 ÷ 6.5, 320 ÷ 7.2) × 1 × 0.5 = 19.231 MiB/s; brokers = ceil(50 ÷ 19.231) = 3, up to a multiple of 3 AZs = 3; " +
            "use at 12 brokers = 50 ÷ (19.231 × 12) = 22%", explanation.Working);
        Assert.Contains(explanation.Constants, c => c.Name == "storage factor" && c.Value == "RF 3 + lagging 0.5 + rebalancing 3 = 6.5");
        Assert.Contains(explanation.Constants, c => c.Name == "volume throughput" && c.Value == "250 MiB/s" && c.Source.Contains(Explain.BrokerTable, StringComparison.Ordinal));
    }

    [Fact]
    public void A_unit_price_shows_its_cents_and_every_further_digit_the_price_list_gives()
    {
        var storage = Explain.Costs(Result, Result.Option("kafka.m5.large")).Single(c => c.Key == "storage").Explanation;
        var crossAz = Explain.Costs(Result, Result.Option("kafka.m5.large")).Single(c => c.Key == "crossAz").Explanation;

        // The reference prices: storage $0.10 per GiB-month (was shown "$0.1"), cross-AZ $0.02 per GiB.
        Assert.Contains(storage.Constants, c => c.Value == "$0.10");
        Assert.Contains(crossAz.Constants, c => c.Value == "$0.02");
    }

    [Fact]
    public void A_count_that_relies_on_provisioned_throughput_says_so_beside_the_count_without_it()
    {
        // AwsRulesInSizingTests works this plan by hand: 3 x kafka.m5.8xlarge on 850 MiB/s volumes, 6 on MSK's 250.
        var result = Inputs.Size(new SizingRequest { AvgDataInMiBps = 80, AvgDataOutMiBps = 160, Partitions = 2000, RetentionHours = 720, PrimaryRetentionHours = 24 });
        var option = result.Option("kafka.m5.8xlarge");

        var brokers = Explain.Brokers(result, option);
        var cost = Explain.Costs(result, option).Single(c => c.Key == "provisionedThroughput").Explanation;

        var without = Assert.Single(brokers.Constants, c => c.Name == "without provisioned throughput");
        Assert.StartsWith("6 brokers", without.Value, StringComparison.Ordinal);
        Assert.Contains("relies on 850 MiB/s", without.Source, StringComparison.Ordinal);
        Assert.StartsWith("3 × 850 × ", cost.Working, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_figure_of_the_results_has_an_explanation()
    {
        var all = Explain.All(Result);

        foreach (var option in Result.Options)
        {
            Assert.Contains($"options.{option.Type.Name}.brokers", all.Keys);
            Assert.All(option.Limits, l => Assert.Contains($"options.{option.Type.Name}.limits.{Names.Of(l.Kind).Key}", all.Keys));
            var components = option.Type.Class == BrokerClass.Express ? new[] { "brokers", "storage", "dataIn", "crossAz" } : ["brokers", "storage", "tieredStorage", "provisionedThroughput", "crossAz"];
            Assert.All(components, c => Assert.Contains($"options.{option.Type.Name}.monthlyCost.{c}", all.Keys));
        }

        Assert.All(new[] { "dataGiB", "ebsGiB", "tieredGiB", "expressGiB" }, f => Assert.Contains($"storage.{f}", all.Keys));
        Assert.All(new[] { "fanOut", "replicationMiBps", "crossAzProducerMiBps", "crossAzConsumerMiBps", "crossAzGiBPerMonth" }, f => Assert.Contains($"network.{f}", all.Keys));
        Assert.All(new[] { "cluster", "partitions", "storage", "dataIn", "dataOut" }, c => Assert.Contains($"options.serverless.monthlyCost.{c}", all.Keys));
        Assert.All(Result.Serverless!.Checks, c => Assert.Contains($"options.serverless.limits.{c.Limit.Key}", all.Keys));
    }

    [Fact]
    public void Each_cost_and_storage_working_ends_in_the_figure_the_results_show()
    {
        var figures = Explain.All(Result).Where(e => e.Key.Contains(".monthlyCost.", StringComparison.Ordinal) || e.Key.StartsWith("storage.", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(figures);
        Assert.All(figures, e => Assert.EndsWith("= " + e.Value.Value, e.Value.Working, StringComparison.Ordinal));
    }

    [Fact]
    public void A_broker_price_names_the_price_list_its_date_and_usage_type_and_cross_AZ_is_marked_unverified()
    {
        var costs = Explain.Costs(Result, Result.Option("kafka.m5.large")).ToDictionary(c => c.Key, c => c.Explanation);

        // By hand: 12 brokers x $0.21 x 730 hours = $1,839.60.
        Assert.Equal("12 × $0.21 × 730 = $1,839.60", costs["brokers"].Working);
        var price = costs["brokers"].Constants.Single(c => c.Name == "kafka.m5.large per broker-hour");
        Assert.Equal("reference method, us-east-1, published 2026-08-01; usagetype <P>-Kafka.m5.large", price.Source);
        Assert.Contains("unverified", costs["crossAz"].Constants.Single().Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Express_limits_explain_their_own_capacity_rule()
    {
        var option = Result.Option("express.m7g.large");

        var egress = Explain.Limit(Result, option, option.Limits.Single(l => l.Kind == LimitKind.Egress));

        // By hand: 2 x 15.625 MiB/s x TLS share 1 = 31.25 MiB/s.
        Assert.StartsWith("2 × 15.625 × 1 = 31.25 MiB/s", egress.Working, StringComparison.Ordinal);
    }
}
