using MskPlanner.Sizing;

namespace MskPlanner.Deployment.Tests;

public class BlueprintTests
{
    [Fact]
    public void Without_a_chosen_type_the_plans_pick_is_deployed()
    {
        var sizing = Plans.Size(Plans.Base);

        var blueprint = ClusterBlueprint.From(sizing, BrokerFamily.M7g, "Orders").GetValueOrThrow();

        Assert.Equal(PlanHeadline.Pick(sizing, BrokerFamily.M7g)!.Option!.Type, blueprint.Type);
        Assert.Equal("3.9.x.kraft", blueprint.KafkaVersion);
    }

    [Fact]
    public void Express_on_a_kraft_version_is_refused_at_the_version_field()
    {
        var outcome = ClusterBlueprint.From(Plans.Size(Plans.Base with { KafkaVersion = "4.1.x.kraft" }), BrokerFamily.Express, "Orders");

        Assert.Equal("kafkaVersion", Assert.Single(outcome.Errors).Field);
    }

    [Fact]
    public void T3_on_kraft_four_is_refused_with_the_versions_that_work()
    {
        var outcome = (Plans.Base with { AvgDataInMiBps = 1, Partitions = 100, BrokerType = "kafka.t3.small", KafkaVersion = "4.0.x.kraft" }).Resolve();

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("kafkaVersion", error.Field);
        Assert.Contains("3.8.x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_too_small_for_the_quota_is_refused_at_the_broker_type_field()
    {
        var outcome = ClusterBlueprint.From(Plans.Size(Plans.Base with { AvgDataInMiBps = 2000, Partitions = 30000, BrokerType = "kafka.m5.xlarge" }), null, "Big");

        Assert.Equal("brokerType", Assert.Single(outcome.Errors).Field);
        Assert.Contains("over the quota", outcome.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tiered_storage_on_T3_is_refused_at_the_broker_type_field_with_AWSs_reason()
    {
        var outcome = ClusterBlueprint.From(Plans.Size(Plans.Base with { AvgDataInMiBps = 1, Partitions = 100, BrokerType = "kafka.t3.small", PrimaryRetentionHours = 24 }), null, "Dev");

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("brokerType", error.Field);
        Assert.Contains("tiered storage on M5 and M7g brokers, not on kafka.t3.small", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Orders (prod) / EU", "orders-prod-eu")]
    [InlineData("   ", "msk-cluster")]
    [InlineData("Ωμέγα", "msk-cluster")]
    public void The_cluster_name_comes_from_the_plans_name_in_MSKs_alphabet(string plan, string expected)
    {
        Assert.Equal(expected, ClusterBlueprint.NameFrom(plan));
    }
}
