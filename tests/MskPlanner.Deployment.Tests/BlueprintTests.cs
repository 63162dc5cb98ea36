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

public class ClusterSettingTests
{
    public static TheoryData<ExportKind> Kinds => [.. Enum.GetValues<ExportKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_setting_the_exports_do_not_know_stops_the_export_rather_than_writing_a_default(ExportKind kind)
    {
        // The move's files sign in to the new cluster as the plan's clients do, so they too need a known setting.
        var sizing = Plans.Size(Plans.Base with
        {
            Migration = new MigrationRequest { Source = new() { Kind = "onPremises", MonthlyCost = 1000, KafkaVersion = "3.6.0" }, TransferUsdPerGb = 0.02 },
        });
        var unknown = sizing with
        {
            Input = sizing.Input with
            {
                ClientAuthentication = (Authentication)99,
                ClientBrokerEncryption = (ClientTraffic)99,
                BrokerLogs = (LogDestination)99,
                EnhancedMonitoring = (MonitoringLevel)99,
            },
        };
        var blueprint = ClusterBlueprint.From(unknown, BrokerFamily.M5, "Orders").GetValueOrThrow();

        if (kind is ExportKind.Terraform or ExportKind.CloudFormation or ExportKind.Cli or ExportKind.LoadTest or ExportKind.Migration)
        {
            Assert.Throws<System.Runtime.CompilerServices.SwitchExpressionException>(() => DeployFiles.For(blueprint, kind));
        }
        else
        {
            // The alarms read only whether the level is Default and the authentication IAM: nothing to fall back on.
            Assert.NotEmpty(DeployFiles.For(blueprint, kind));
        }
    }

    [Fact]
    public void Each_setting_the_form_offers_names_one_member_and_each_member_is_offered()
    {
        AssertOffered<Authentication>(InputCatalog.ClientAuthentication);
        AssertOffered<ClientTraffic>(InputCatalog.ClientBrokerEncryption);
        AssertOffered<LogDestination>(InputCatalog.BrokerLogs);
        AssertOffered<MonitoringLevel>(InputCatalog.EnhancedMonitoring);
    }

    [Theory]
    [InlineData("mutualTls", "scram", "firehose", "perTopicPerPartition")]
    [InlineData("unauthenticated", "tlsPlaintext", "none", "default")]
    public void The_apis_names_for_the_settings_are_read_as_the_members_they_name(string authentication, string traffic, string logs, string monitoring)
    {
        var tls = authentication == "unauthenticated" ? traffic : "tls";
        var input = (Plans.Base with { ClientAuthentication = authentication, ClientBrokerEncryption = tls, BrokerLogs = logs, EnhancedMonitoring = monitoring })
            .Resolve().GetValueOrThrow();

        Assert.Equal(authentication, InputCatalog.ClientAuthentication.Used(input));
        Assert.Equal(tls, InputCatalog.ClientBrokerEncryption.Used(input));
        Assert.Equal(logs, InputCatalog.BrokerLogs.Used(input));
        Assert.Equal(monitoring, InputCatalog.EnhancedMonitoring.Used(input));
    }

    private static void AssertOffered<T>(OptionInput input)
        where T : struct, Enum =>
        Assert.Equal(Enum.GetValues<T>().Select(ClusterChoices.NameOf).Order(), input.Options.Select(o => ClusterChoices.NameOf(ClusterChoices.Parse<T>(o.Value))).Order());
}
