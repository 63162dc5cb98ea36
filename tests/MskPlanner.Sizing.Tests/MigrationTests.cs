using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MskPlanner.Sizing.Tests;

/// <summary>
/// The move's cost and sizing, worked by hand. Every expected figure is the sum written out here from the rates of
/// the price sheet the test runs with (<see cref="Sheet"/>), never a figure read off the code or a snapshot.
/// </summary>
public class MigrationTests
{
    /// <summary>The reference prices, with the EC2 sizes and the move's rates these cases need: this test's own data.</summary>
    internal static readonly PriceSheet Sheet = ReferencePrices.UsEast1 with
    {
        Ec2Hourly = new Dictionary<string, double>(ReferencePrices.UsEast1.Ec2Hourly) { ["m5.2xlarge"] = 0.384, ["m5.4xlarge"] = 0.768 },
        Migration = new MigrationRates(McuHour: 0.11, ReplicatorHour: 0.30, ReplicatorPerGiB: 0.08, InterRegionPerGiB: 0.02, "test rates"),
    };

    private const double Hours14Days = 14 * 24;
    private const double Months14Days = Hours14Days / 730;

    /// <summary>50 MiB/s in, 100 at peak, a week kept: 29,531.25 GiB retained, 59,062.5 GiB more over 14 days.</summary>
    private static SizingRequest Workload(MigrationRequest? migration) => new()
    {
        AvgDataInMiBps = 50,
        PeakDataInMiBps = 100,
        AvgDataOutMiBps = 100,
        RetentionHours = 168,
        LeaderPartitions = 1200,
        Region = "us-east-1",
        Migration = migration,
    };

    private const double Retained = 50.0 * 168 * 3600 / 1024;
    private const double Live = 50.0 * Hours14Days * 3600 / 1024;

    private static SizingResult Size(SizingRequest request) => SizingEngine.Size(request.Resolve().GetValueOrThrow(), Sheet);

    private static decimal Cents(double usd) => Math.Round((decimal)usd, 2);

    [Fact]
    public void A_self_managed_cluster_on_six_m5_2xlarge_moving_over_14_days_with_msk_connect_in_one_region_costs_each_line_by_hand()
    {
        var result = Size(Workload(new MigrationRequest
        {
            Source = new() { Kind = "ec2", InstanceType = "m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 1000, KafkaVersion = "3.6.0" },
            Replication = "mskConnect",
        }));
        var move = MigrationEngine.For(result, BrokerFamily.M7g)!;
        var target = move.Target.MonthlyCost!.Total;

        // MirrorMaker 2 sized for twice the 100 MiB/s peak: 200 MiB/s at 10 MiB/s an MCU is 20 MCUs, 10 workers of 2,
        // and one MCU each for the checkpoint and heartbeat connectors.
        Assert.Equal((2, 10, 22), (move.Replication!.McusPerWorker, move.Replication.Workers, move.Replication.Mcus));
        Assert.Equal(20, move.Replication.Tasks);
        Assert.Equal(Retained, move.BackfillGiB, 6);
        Assert.Equal(Live, move.LiveGiB, 6);

        var cost = move.Cost!;
        Assert.Equal(Cents(6 * ((0.384 * Hours14Days) + (1000 * 0.08 * Months14Days))), cost.Source);
        Assert.Equal(Cents((double)target * Months14Days), cost.Target);
        Assert.Equal(Cents(22 * 0.11 * Hours14Days), cost.Replication);
        Assert.Equal(Cents((Retained + Live) * 2.0 / 3 * 0.02), cost.Transfer);
        Assert.Equal(cost.Source + cost.Target + cost.Replication + cost.Transfer, cost.Total);
        Assert.Equal("22 MCUs at $0.11 an MCU-hour x 336 h", cost.How!.Replication);
        Assert.Equal("6 x m5.2xlarge at $0.384/h x 336 h + 6 x 1,000 GiB of gp3 at $0.08/GiB-month x 336/730 of a month", cost.How.Source);

        // The retained data copies with what live traffic leaves: 200 - 50 MiB/s.
        Assert.Equal(Retained * 1024 / 150 / 3600, move.Replication.BackfillHours, 6);
    }

    [Fact]
    public void An_on_premises_cluster_over_direct_connect_with_msk_replicator_costs_its_typed_month_and_rate_by_hand()
    {
        var request = Workload(new MigrationRequest
        {
            Source = new() { Kind = "onPremises", MonthlyCost = 20_000, KafkaVersion = "3.6.0", Authentication = "scram" },
            Replication = "replicator",
            TransferUsdPerGb = 0.02,
        });
        var move = MigrationEngine.For(Size(request), BrokerFamily.Express)!;
        Assert.Equal(BrokerClass.Express, move.Target.Type.Class);
        Assert.Null(move.ToolProblem);

        var cost = move.Cost!;
        var copied = Retained + Live;
        Assert.Equal(Cents(20_000 * Months14Days), cost.Source);
        // Express bills every GB written: the retained data copied in is written once more.
        Assert.Equal(Cents(((double)move.Target.MonthlyCost!.Total * Months14Days) + (Retained * 0.01)), cost.Target);
        Assert.Equal(Cents((0.30 * Hours14Days) + (copied * 0.08)), cost.Replication);
        Assert.Equal(Cents(copied * 0.02), cost.Transfer);
    }

    [Fact]
    public void A_cross_region_move_from_msk_onto_express_costs_the_source_brokers_and_volumes_and_the_inter_region_rate()
    {
        var request = Workload(new MigrationRequest
        {
            Source = new() { Kind = "msk", InstanceType = "kafka.m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 2000, KafkaVersion = "3.6.0" },
            Replication = "replicator",
            Location = "otherRegion",
        }) with
        { BrokerType = null };
        var move = MigrationEngine.For(Size(request), BrokerFamily.Express)!;

        var cost = move.Cost!;
        var copied = Retained + Live;
        Assert.Equal(Cents((6 * 0.84 * Hours14Days) + (6 * 2000 * 0.10 * Months14Days)), cost.Source);
        Assert.Equal(Cents((0.30 * Hours14Days) + (copied * 0.08)), cost.Replication);
        Assert.Equal(Cents(copied * 0.02), cost.Transfer);
        Assert.True(move.TargetMonthly > 0);
    }

    [Fact]
    public void Msk_replicator_from_self_managed_kafka_is_offered_only_onto_express_brokers_and_says_so()
    {
        var request = Workload(new MigrationRequest
        {
            Source = new() { Kind = "ec2", InstanceType = "m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 1000, KafkaVersion = "3.6.0", Authentication = "scram" },
            Replication = "replicator",
        });
        var onStandard = MigrationEngine.For(Size(request), BrokerFamily.M7g)!;
        Assert.Contains("Express", onStandard.ToolProblem, StringComparison.Ordinal);
        Assert.Null(onStandard.Replication);
        Assert.Null(onStandard.Cost);

        var onExpress = MigrationEngine.For(Size(request), BrokerFamily.Express)!;
        Assert.Null(onExpress.ToolProblem);
        Assert.NotNull(onExpress.Cost);
    }

    [Theory]
    [InlineData("2.8.0", "scram", "2.8.1")]
    [InlineData("3.6.0", null, "SASL/SCRAM or mTLS")]
    [InlineData("3.6.0", "other", "neither")]
    public void Msk_replicator_needs_kafka_2_8_1_and_scram_or_mtls_on_a_self_managed_source(string version, string? authentication, string reason)
    {
        var request = Workload(new MigrationRequest
        {
            Source = new() { Kind = "onPremises", MonthlyCost = 1000, KafkaVersion = version, Authentication = authentication },
            TransferUsdPerGb = 0.02,
        });
        var move = MigrationEngine.For(Size(request), BrokerFamily.Express)!;
        var replicator = Assert.Single(move.UnavailableTools);
        Assert.Equal(ReplicationTool.Replicator, replicator.Tool);
        Assert.Contains(reason, replicator.Reason, StringComparison.Ordinal);
        Assert.NotNull(move.Cost);
    }

    [Fact]
    public void Mirrormaker_2_is_not_offered_for_brokers_older_than_0_11_which_have_no_record_headers()
    {
        var request = Workload(new MigrationRequest { Source = new() { Kind = "onPremises", MonthlyCost = 1000, KafkaVersion = "0.10.2" }, TransferUsdPerGb = 0.01 });
        var move = Size(request).Migration!;
        Assert.Equal([ReplicationTool.MskConnect, ReplicationTool.Ec2, ReplicationTool.Replicator], move.UnavailableTools.Select(t => t.Tool));
        Assert.Contains("0.11.0", move.ToolProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void Msk_replicator_between_msk_clusters_refuses_t3_and_clusters_of_fewer_than_three_brokers()
    {
        static MigrationPlan MoveFrom(string type, int brokers) => MigrationEngine.For(Size(Workload(new MigrationRequest
        {
            Source = new() { Kind = "msk", InstanceType = type, Brokers = brokers, VolumeGiBPerBroker = 100, KafkaVersion = "3.6.0" },
            Replication = "replicator",
        })), BrokerFamily.M7g)!;

        Assert.Contains("t3.small", MoveFrom("kafka.t3.small", 3).ToolProblem, StringComparison.Ordinal);
        Assert.Contains("three brokers", MoveFrom("kafka.m5.large", 2).ToolProblem, StringComparison.Ordinal);
        Assert.Null(MoveFrom("kafka.m5.large", 3).ToolProblem);
    }

    [Fact]
    public void Msk_replicator_is_not_offered_with_fewer_partitions_than_awss_sizing_table_asks_for_the_peak()
    {
        // AWS's table: 3,333 partitions for 1,000 MB/s, about 0.286 MiB/s each; a 100 MiB/s peak needs 350.
        static MigrationPlan With(int partitions) => MigrationEngine.For(Size(Workload(new MigrationRequest
        {
            Source = new() { Kind = "msk", InstanceType = "kafka.m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 100, KafkaVersion = "3.6.0" },
            Replication = "replicator",
        }) with
        { LeaderPartitions = partitions }), BrokerFamily.M7g)!;

        Assert.Contains("350 partitions", With(349).ToolProblem, StringComparison.Ordinal);
        Assert.Null(With(350).ToolProblem);
        Assert.Contains("twice the peak", With(350).Replication!.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("twice the peak", With(700).Replication!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Mirrormaker_2_on_ec2_runs_at_least_two_workers_of_the_chosen_type_priced_at_its_hourly_rate()
    {
        var move = Size(Workload(new MigrationRequest
        {
            Source = new() { Kind = "ec2", InstanceType = "m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 1000, KafkaVersion = "3.6.0" },
            Replication = "ec2",
            WorkerInstanceType = "m5.4xlarge",
        })).Migration!;

        // 200 MiB/s at 16 vCPUs x 10 MiB/s a worker: 2 workers.
        Assert.Equal(2, move.Replication!.Workers);
        Assert.Equal(Cents(2 * 0.768 * Hours14Days), move.Cost!.Replication);
    }

    [Fact]
    public void The_runbook_creates_the_target_at_the_sources_version_when_msk_offers_it_and_says_what_it_does_instead()
    {
        var offered = MigrationEngine.For(Size(Workload(new MigrationRequest { Source = new() { Kind = "onPremises", MonthlyCost = 1, KafkaVersion = "3.7.x" }, TransferUsdPerGb = 0 })), BrokerFamily.M7g)!;
        Assert.Contains("Kafka 3.7.x", offered.Steps[0].Title, StringComparison.Ordinal);
        Assert.Contains("identical versions", offered.Steps[0].Checks, StringComparison.Ordinal);

        var older = MigrationEngine.For(Size(Workload(new MigrationRequest { Source = new() { Kind = "onPremises", MonthlyCost = 1, KafkaVersion = "2.8.1" }, TransferUsdPerGb = 0 })), BrokerFamily.M7g)!;
        Assert.Contains("on the source's 2.8.1: 3.7.x.kraft is the nearest", older.Steps[0].Checks, StringComparison.Ordinal);
        Assert.EndsWith("at Kafka 3.7.x.kraft", older.Steps[0].Title, StringComparison.Ordinal);

        var patched = MigrationEngine.For(Size(Workload(new MigrationRequest { Source = new() { Kind = "onPremises", MonthlyCost = 1, KafkaVersion = "3.7.2" }, TransferUsdPerGb = 0 })), BrokerFamily.M7g)!;
        Assert.EndsWith("at Kafka 3.7.x.kraft", patched.Steps[0].Title, StringComparison.Ordinal);
        Assert.Contains("Set the plan's Kafka version", patched.Steps[0].Checks, StringComparison.Ordinal);
        Assert.Equal(Enum.GetValues<MigrationStepKind>(), older.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void A_migration_without_a_source_is_refused_at_its_kind()
    {
        var errors = Workload(new MigrationRequest()).Resolve().Errors;
        Assert.Equal("migration.source.kind", Assert.Single(errors).Field);
    }

    [Fact]
    public void Each_bad_migration_field_gets_its_own_message_and_hostile_text_is_echoed_clipped()
    {
        var hostile = "<script>alert(1)</script>" + new string('x', 500);
        var errors = Workload(new MigrationRequest
        {
            Source = new() { Kind = "ec2", InstanceType = hostile, Brokers = 0, VolumeGiBPerBroker = double.NaN, KafkaVersion = hostile, MonthlyCost = 5 },
            ParallelRunDays = 0,
            Replication = "rsync",
            Location = "onPremises",
            TransferUsdPerGb = 2,
        }).Resolve().Errors.FirstByField();

        Assert.Equal(
            ["migration.location", "migration.parallelRunDays", "migration.replication", "migration.source.brokers", "migration.source.instanceType",
             "migration.source.kafkaVersion", "migration.source.monthlyCost", "migration.source.volumeGiBPerBroker", "migration.transferUsdPerGb"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, m => Assert.True(m.Length < 400, m));
    }

    [Fact]
    public void An_on_premises_source_needs_the_rate_of_its_link_and_a_source_in_aws_may_not_have_one()
    {
        var onPremises = Workload(new MigrationRequest { Source = new() { Kind = "onPremises", MonthlyCost = 1, KafkaVersion = "3.6.0" } }).Resolve().Errors;
        Assert.Contains(onPremises, e => e.Field == "migration.transferUsdPerGb" && e.Message.Contains("Direct Connect", StringComparison.Ordinal));

        var inAws = Workload(new MigrationRequest
        {
            Source = new() { Kind = "msk", InstanceType = "express.m7g.large", Brokers = 3, KafkaVersion = "3.8.x" },
            TransferUsdPerGb = 0.01,
        }).Resolve().Errors;
        Assert.Equal("migration.transferUsdPerGb", Assert.Single(inAws).Field);
    }

    [Fact]
    public void A_plan_without_a_migration_section_plans_no_move()
    {
        Assert.Null(Size(Workload(null)).Migration);
    }
}

/// <summary>Moves drawn over wide ranges of traffic, retention and windows.</summary>
public static class Moves
{
    public static Arbitrary<(SizingRequest Request, int ExtraDays, double MoreTraffic)> All() =>
        (from avgIn in Gen.Choose(1, 200_000).Select(i => i / 100d)
         from peakFactor in Gen.Choose(100, 400).Select(i => i / 100d)
         from retention in Gen.Choose(1, 2_000)
         from partitions in Gen.Choose(10, 20_000)
         from days in Gen.Choose(1, 300)
         from extra in Gen.Choose(1, 60)
         from more in Gen.Choose(101, 400).Select(i => i / 100d)
         from tool in Gen.Elements("mskConnect", "ec2", "replicator")
         from kind in Gen.Elements("ec2", "msk", "onPremises")
         select (new SizingRequest
         {
             AvgDataInMiBps = avgIn,
             PeakDataInMiBps = avgIn * peakFactor,
             RetentionHours = retention,
             LeaderPartitions = partitions,
             Region = "us-east-1",
             Migration = new MigrationRequest
             {
                 Source = kind switch
                 {
                     "ec2" => new() { Kind = kind, InstanceType = "m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 2000, KafkaVersion = "3.6.0", Authentication = "scram" },
                     "msk" => new() { Kind = kind, InstanceType = "kafka.m5.2xlarge", Brokers = 6, VolumeGiBPerBroker = 2000, KafkaVersion = "3.6.0" },
                     _ => new() { Kind = kind, MonthlyCost = 10_000, KafkaVersion = "3.6.0", Authentication = "scram" },
                 },
                 ParallelRunDays = days,
                 Replication = tool,
                 TransferUsdPerGb = kind == "onPremises" ? 0.02 : null,
                 WorkerInstanceType = tool == "ec2" ? "m5.xlarge" : null,
             },
         }, extra, more)).ToArbitrary();
}

[Properties(Arbitrary = [typeof(Moves)], MaxTest = 200)]
public class MigrationPropertyTests
{
    private static MigrationPlan? Move(SizingRequest request) =>
        MigrationEngine.For(SizingEngine.Size(request.Resolve().GetValueOrThrow(), MigrationTests.Sheet), BrokerFamily.Express);

    [Property]
    public bool A_longer_window_never_costs_less((SizingRequest Request, int ExtraDays, double MoreTraffic) move)
    {
        var longer = move.Request with { Migration = move.Request.Migration! with { ParallelRunDays = move.Request.Migration.ParallelRunDays + move.ExtraDays } };
        return Move(move.Request)?.Cost is not { } before || Move(longer)!.Cost!.Total >= before.Total;
    }

    [Property]
    public bool More_traffic_never_needs_fewer_mcus_nor_fewer_ec2_workers((SizingRequest Request, int ExtraDays, double MoreTraffic) move)
    {
        var busier = move.Request with { AvgDataInMiBps = move.Request.AvgDataInMiBps * move.MoreTraffic, PeakDataInMiBps = move.Request.PeakDataInMiBps * move.MoreTraffic };
        var before = Move(move.Request)!.Replication;
        var after = Move(busier)!.Replication;
        // MSK Connect may trade workers for larger ones, so its measure is the MCUs; EC2's is its workers of one type.
        return before is null || after is null || (before.Tool == ReplicationTool.Ec2 ? after.Workers >= before.Workers : (after.Mcus ?? 0) >= (before.Mcus ?? 0));
    }

    [Property]
    public bool The_copied_data_is_at_least_the_retained_data_plus_the_windows_live_traffic((SizingRequest Request, int ExtraDays, double MoreTraffic) move)
    {
        var request = move.Request;
        var retained = request.AvgDataInMiBps!.Value * request.RetentionHours!.Value * 3600 / 1024;
        var live = request.AvgDataInMiBps.Value * request.Migration!.ParallelRunDays!.Value * 24 * 3600 / 1024;
        return Move(request)!.CopiedGiB >= (retained + live) * (1 - 1e-12);
    }
}
