namespace MskPlanner.Sizing.Tests;

public class ValidationTests
{
    private static readonly SizingRequest Minimal = new() { AvgDataInMiBps = 10, Partitions = 100 };

    public static TheoryData<SizingRequest, string> BadInputs() => new()
    {
        { Minimal with { AvgDataInMiBps = null }, "avgDataInMiBps" },
        { Minimal with { AvgDataInMiBps = 0 }, "avgDataInMiBps" },
        { Minimal with { AvgDataInMiBps = -5 }, "avgDataInMiBps" },
        { Minimal with { AvgDataInMiBps = double.NaN }, "avgDataInMiBps" },
        { Minimal with { AvgDataInMiBps = double.PositiveInfinity }, "avgDataInMiBps" },
        { Minimal with { AvgDataInMiBps = 100_001 }, "avgDataInMiBps" },
        // Rates so small that out / in overflows: the probe's bodies that once answered 500.
        { new SizingRequest { AvgDataInMiBps = 1e-305, AvgDataOutMiBps = 100_000, Partitions = 1 }, "avgDataInMiBps" },
        { new SizingRequest { AvgDataInMiBps = 100, AvgDataOutMiBps = 5e-324, Partitions = 3000 }, "avgDataOutMiBps" },
        { Minimal with { AvgDataInMiBps = 0.000_9 }, "avgDataInMiBps" },
        { Minimal with { PeakDataInMiBps = 9 }, "peakDataInMiBps" },
        { Minimal with { AvgDataOutMiBps = 0 }, "avgDataOutMiBps" },
        { Minimal with { AvgDataOutMiBps = 20, PeakDataOutMiBps = 19 }, "peakDataOutMiBps" },
        { Minimal with { PeakDataOutMiBps = 9.99 }, "peakDataOutMiBps" },
        { Minimal with { RetentionHours = 0 }, "retentionHours" },
        { Minimal with { RetentionHours = 87_601 }, "retentionHours" },
        { Minimal with { PrimaryRetentionHours = 0 }, "primaryRetentionHours" },
        { Minimal with { RetentionHours = 24, PrimaryRetentionHours = 48 }, "primaryRetentionHours" },
        { Minimal with { PrimaryRetentionHours = 200 }, "primaryRetentionHours" },
        { Minimal with { Partitions = null }, "leaderPartitions" },
        { Minimal with { Partitions = null, LeaderPartitions = 0 }, "leaderPartitions" },
        { Minimal with { LeaderPartitions = 100 }, "leaderPartitions" },
        { Minimal with { Partitions = null, LeaderPartitions = 5_000_000 }, "leaderPartitions" },
        { Minimal with { Partitions = 0 }, "partitions" },
        { Minimal with { Partitions = 10_000_001 }, "partitions" },
        { Minimal with { ReplicationFactor = 1 }, "replicationFactor" },
        { Minimal with { ReplicationFactor = 4 }, "replicationFactor" },
        { Minimal with { AvailabilityZones = 1 }, "availabilityZones" },
        { Minimal with { AvailabilityZones = 4 }, "availabilityZones" },
        { Minimal with { DiskUtilizationTarget = 0 }, "diskUtilizationTarget" },
        { Minimal with { DiskUtilizationTarget = 0.9 }, "diskUtilizationTarget" },
        { Minimal with { PeakUtilization = 0 }, "peakUtilization" },
        { Minimal with { PeakUtilization = 1.01 }, "peakUtilization" },
        { Minimal with { LaggingConsumerFactor = -0.1 }, "laggingConsumerFactor" },
        { Minimal with { LaggingConsumerFactor = 11 }, "laggingConsumerFactor" },
        { Minimal with { ProvisionedThroughputMiBps = 249 }, "provisionedThroughputMiBps" },
        { Minimal with { ProvisionedThroughputMiBps = 1001 }, "provisionedThroughputMiBps" },
        { Minimal with { TlsDeratePercent = -1 }, "tlsDeratePercent" },
        { Minimal with { TlsDeratePercent = 91 }, "tlsDeratePercent" },
        { Minimal with { PageCacheSeconds = -1 }, "pageCacheSeconds" },
        { Minimal with { PageCacheSeconds = 86_401 }, "pageCacheSeconds" },
        { Minimal with { BrokerQuota = 0 }, "brokerQuota" },
        { Minimal with { BrokerQuota = 10_001 }, "brokerQuota" },
        { Minimal with { Region = "Frankfurt" }, "region" },
        { Minimal with { Region = "eu-west" }, "region" },
        { Minimal with { Region = "eu-west-1; drop table" }, "region" },
        { Minimal with { ClusterName = "-starts-with-a-hyphen" }, "clusterName" },
        { Minimal with { ClusterName = "has spaces" }, "clusterName" },
        { Minimal with { ClusterName = new string('a', 65) }, "clusterName" },
        { Minimal with { ClusterName = "x\"; rm -rf /" }, "clusterName" },
        { Minimal with { BrokerType = "kafka.m9.huge" }, "brokerType" },
        { Minimal with { KafkaVersion = "2.8.1" }, "kafkaVersion" },
        { Minimal with { ClientAuthentication = "kerberos" }, "clientAuthentication" },
        { Minimal with { ClientAuthentication = "iam", TlsInTransit = false }, "clientAuthentication" },
        { Minimal with { ClientAuthentication = "scram", ClientBrokerEncryption = "plaintext" }, "clientAuthentication" },
        { Minimal with { ClientBrokerEncryption = "ssl" }, "clientBrokerEncryption" },
        { Minimal with { BrokerLogs = "syslog" }, "brokerLogs" },
        { Minimal with { EnhancedMonitoring = "everything" }, "enhancedMonitoring" },
        { Minimal with { Tags = "team" }, "tags" },
        { Minimal with { Tags = "=data" }, "tags" },
        { Minimal with { Tags = "team=data, team=ops" }, "tags" },
        { Minimal with { Tags = "aws:owner=me" }, "tags" },
        { Minimal with { Tags = "team=${var.secret}" }, "tags" },
        { Minimal with { Tags = "note=\"quoted\"" }, "tags" },
        { Minimal with { Tags = new string('k', 129) + "=v" }, "tags" },
        { Minimal with { Tags = string.Join(",", Enumerable.Range(1, 51).Select(i => $"k{i}=v")) }, "tags" },
        { Minimal with { Tags = new string('a', 4_001) }, "tags" },
    };

    [Fact]
    public void A_plan_with_tls_off_and_no_authentication_chosen_deploys_unauthenticated_plaintext()
    {
        var input = (Minimal with { TlsInTransit = false }).Resolve().GetValueOrThrow();

        Assert.Equal(ClientTraffic.Plaintext, input.ClientBrokerEncryption);
        Assert.Equal(Authentication.Unauthenticated, input.ClientAuthentication);
    }

    [Fact]
    public void The_cluster_settings_default_to_iam_over_tls_with_logs_and_per_broker_monitoring()
    {
        var input = Minimal.Resolve().GetValueOrThrow();

        Assert.Equal((Authentication.Iam, ClientTraffic.Tls, true, LogDestination.CloudWatchLogs, MonitoringLevel.PerBroker),
            (input.ClientAuthentication, input.ClientBrokerEncryption, input.InClusterEncryption, input.BrokerLogs, input.EnhancedMonitoring));
        Assert.Null(input.BrokerType);
        Assert.Null(input.KafkaVersion);
    }

    [Fact]
    public void Tags_are_kept_in_one_form_whatever_the_separators()
    {
        var input = (Minimal with { Tags = " team = data \n cost-centre=1234,, env=prod " }).Resolve().GetValueOrThrow();

        Assert.Equal("team=data, cost-centre=1234, env=prod", input.Tags);
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Each_bad_input_is_refused_with_a_message_naming_its_field(SizingRequest request, string field)
    {
        var resolution = request.Resolve();

        Assert.False(resolution.Succeeded);
        var error = Assert.Single(resolution.Errors);
        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var resolution = new SizingRequest { ReplicationFactor = 5, AvailabilityZones = 7 }.Resolve();

        Assert.Equal(["avgDataInMiBps", "replicationFactor", "leaderPartitions", "availabilityZones"], resolution.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Leader_partitions_make_replicas_at_the_plans_replication_factor_as_the_method_counts_them()
    {
        var rf3 = Inputs.Valid(new SizingRequest { AvgDataInMiBps = 10, LeaderPartitions = 1000 });
        var rf2 = Inputs.Valid(new SizingRequest { AvgDataInMiBps = 10, LeaderPartitions = 1000, ReplicationFactor = 2 });

        Assert.Equal((1000, 3000), (rf3.LeaderPartitions, rf3.Partitions));
        Assert.Equal((1000, 2000), (rf2.LeaderPartitions, rf2.Partitions));
    }

    [Fact]
    public void Replicas_from_an_older_caller_keep_their_meaning_and_read_as_whole_leader_partitions()
    {
        // 3,000 replicas at RF 3 are 1,000 leaders; 1,000 at RF 3 are 333.3, which Kafka cannot have: 334 (1,002 replicas).
        Assert.Equal(1000, new SizingRequest { Partitions = 3000 }.InLeaderPartitions().LeaderPartitions);
        var odd = new SizingRequest { Partitions = 1000 }.InLeaderPartitions();
        Assert.Equal((334, (int?)null), (odd.LeaderPartitions!.Value, odd.Partitions));
        Assert.Equal(150, new SizingRequest { Partitions = 300, ReplicationFactor = 2 }.InLeaderPartitions().LeaderPartitions);
        Assert.Equal(3000, Inputs.Valid(new SizingRequest { AvgDataInMiBps = 10, Partitions = 3000 }).Partitions);
    }

    [Fact]
    public void A_comparison_shows_leader_partitions_and_the_replicas_they_make_at_each_plans_rf()
    {
        var rf3 = Inputs.Size(new SizingRequest { AvgDataInMiBps = 10, LeaderPartitions = 1000 });
        var rf2 = Inputs.Size(new SizingRequest { AvgDataInMiBps = 10, LeaderPartitions = 1000, ReplicationFactor = 2 });

        var comparison = Comparison.Of([new("RF 3", null, rf3, null, null), new("RF 2", null, rf2, null, null)]);

        Assert.Equal(["1,000", "1,000"], comparison.Inputs.Single(r => r.Field == "leaderPartitions").Values);
        Assert.Equal(["3,000", "2,000"], comparison.Inputs.Single(r => r.Field == "partitions").Values);
        Assert.Equal("Partition replicas (replicas)", comparison.Inputs.Single(r => r.Field == "partitions").Label);
    }

    [Fact]
    public void Messages_say_what_range_is_allowed()
    {
        var error = Assert.Single((Minimal with { DiskUtilizationTarget = 0.95 }).Resolve().Errors);

        Assert.Contains("0.01", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.85", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Omitted_fields_take_the_models_defaults()
    {
        var input = Inputs.Valid(Minimal);

        Assert.Equal(10, input.PeakDataInMiBps);
        Assert.Equal(10, input.AvgDataOutMiBps);
        Assert.Equal(10, input.PeakDataOutMiBps);
        Assert.Equal(168, input.RetentionHours);
        Assert.Equal(168, input.PrimaryRetentionHours);
        Assert.Equal(3, input.ReplicationFactor);
        Assert.Equal(3, input.AvailabilityZones);
        Assert.True(input.NearestReplicaFetching);
        Assert.Equal(0.5, input.DiskUtilizationTarget);
        Assert.Equal(0.5, input.PeakUtilization);
        Assert.Equal(0.75, input.ExpressPeakUtilization);
        Assert.Equal(0.5, input.LaggingConsumerFactor);
        Assert.Null(input.ProvisionedThroughputMiBps);
        Assert.False(input.UseMaxPartitions);
        Assert.True(input.TlsInTransit);
        Assert.Equal(0, input.PageCacheSeconds);
        Assert.Equal(60, input.BrokerQuota);
        Assert.Equal("us-east-1", input.Region);
    }

    [Fact]
    public void Peak_data_out_defaults_to_average_data_out_not_to_data_in()
    {
        var input = Inputs.Valid(Minimal with { AvgDataOutMiBps = 30 });

        Assert.Equal(30, input.PeakDataOutMiBps);
    }

    [Fact]
    public void Region_codes_are_lower_cased_and_a_shorter_primary_retention_means_tiered_storage()
    {
        var input = Inputs.Valid(Minimal with { RetentionHours = 720, PrimaryRetentionHours = 24, ProvisionedThroughputMiBps = 500, Region = "EU-West-1" });

        Assert.Equal("eu-west-1", input.Region);
        Assert.True(input.UsesTieredStorage);
        Assert.Equal(500, input.ProvisionedThroughputMiBps);
    }

    public static TheoryData<string> InputsThatDecideAlone => [.. InputCatalog.All.Where(i => i.ChecksItself).Select(i => i.Key)];

    /// <summary>A value other than the default, valid on its own, and the text the sizing's input shows for it.</summary>
    private static (SizingRequest Request, string Shown) NonDefault(InputDefinition input) => input switch
    {
        NumberInput n => (n.With(Minimal, n.Max), Shown(n.Max)),
        WholeNumberInput w => (w.With(Minimal, w.Max), Shown(w.Max)),
        ChoiceInput c => (c.With(Minimal, c.Options[^1].Value), Shown(c.Options[^1].Value)),
        SwitchInput s => (s.With(Minimal, !s.Default), s.Default ? "off" : "on"),
        RegionInput r => (r.With(Minimal, "eu-west-1"), "eu-west-1"),
        OptionInput o => (o.With(Minimal, o.Options[^1].Value), o.Options[^1].Text),
        TextInput t => (t.With(Minimal, t.Example), t.Example),
        _ => throw new InvalidOperationException(input.Key),
    };

    private static string Shown(double value) => value.ToString("#,0.###", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(InputsThatDecideAlone))]
    public void An_input_that_decides_alone_reaches_the_sizing_as_given_from_its_description(string key)
    {
        var input = InputCatalog.Find(key)!;
        var (request, shown) = NonDefault(input);

        Assert.Equal(shown, input.Shown(request.Resolve().GetValueOrThrow()));
    }

    [Theory]
    [MemberData(nameof(InputsThatDecideAlone))]
    public void An_input_that_decides_alone_left_empty_takes_the_same_default_as_a_workload_built_in_code(string key)
    {
        var input = InputCatalog.Find(key)!;
        var built = new SizingInput
        {
            AvgDataInMiBps = 10,
            PeakDataInMiBps = 10,
            AvgDataOutMiBps = 10,
            PeakDataOutMiBps = 10,
            RetentionHours = 168,
            PrimaryRetentionHours = 168,
            Partitions = 300,
            ReplicationFactor = 3,
        };

        Assert.Equal(input.Shown(built), input.Shown(Minimal.Resolve().GetValueOrThrow()));
    }

    [Fact]
    public void A_version_the_broker_type_cannot_run_is_named_beside_the_other_fields_wrong()
    {
        var outcome = (Minimal with { AvgDataInMiBps = null, BrokerType = "express.m7g.large", KafkaVersion = "4.0.x.kraft" }).Resolve();

        Assert.Equal(["avgDataInMiBps", "kafkaVersion"], outcome.Errors.Select(e => e.Field).Order());
    }
}
