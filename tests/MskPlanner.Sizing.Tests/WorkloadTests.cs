using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MskPlanner.Sizing.Tests;

public class WorkloadTests
{
    private const double MiB = 1024 * 1024;

    private static readonly StreamRequest Orders = new()
    {
        Name = "orders",
        MessagesPerSecond = 1000,
        PeakMessagesPerSecond = 3000,
        MessageBytes = 1024,
        ConsumerGroups = 2,
        RetentionHours = 168,
    };

    private static readonly StreamRequest Clicks = new()
    {
        Name = "clicks",
        MessagesPerSecond = 20_000,
        PeakMessagesPerSecond = 40_000,
        MessageBytes = 512,
        Compression = "zstd",
        ConsumerGroups = 3,
        LaggingGroups = 1,
        ConsumersPerGroup = 12,
        RetentionHours = 24,
    };

    [Fact]
    public void Two_streams_add_up_to_the_aggregates_with_storage_sized_per_stream()
    {
        // By hand. orders: 1,000 x 1,024 B = 0.9765625 MiB/s in (peak 2.9296875), 2 groups out 1.953125 (peak 5.859375).
        // clicks: 20,000 x 512 B / 3.2 (zstd's typical) = 3.0517578125 MiB/s (peak 6.103515625), 3 groups out 9.1552734375 (peak 18.310546875).
        // Retained MiB/s-hours: 0.9765625 x 168 + 3.0517578125 x 24 = 164.0625 + 73.2421875 = 237.3046875, so the
        // byte-weighted retention is 237.3046875 / 4.0283203125 = 58.909 h, and EBS data at RF 3 is 237.3046875 x 3,600 x 3 / 1,024 GiB.
        var input = Inputs.Valid(new SizingRequest { Streams = [Orders, Clicks] });
        var result = SizingEngine.Size(input, ReferencePrices.UsEast1);

        Assert.Equal(4.0283203125, input.AvgDataInMiBps, 9);
        Assert.Equal(9.033203125, input.PeakDataInMiBps, 9);
        Assert.Equal(11.1083984375, input.AvgDataOutMiBps, 9);
        Assert.Equal(24.169921875, input.PeakDataOutMiBps, 9);
        Assert.Equal(237.3046875 / 4.0283203125, input.RetentionHours, 9);
        Assert.Equal(237.3046875 * 3600 * 3 / 1024, result.Storage.DataGiB, 6);
        // Lagging: clicks' one lagging group reads its 3.05 MiB/s from disk; over all data in that is 0.7576 x data in.
        Assert.Equal(3.0517578125 / 4.0283203125, input.LaggingConsumerFactor, 9);
        // Suggested leaders: orders 1 (peak 2.93 MiB/s needs one 5 MiB/s partition); clicks 12 (its largest group runs 12 consumers).
        Assert.Equal([1, 12], input.Workload!.Streams.Select(s => s.LeaderPartitions));
        Assert.All(input.Workload.Streams, s => Assert.True(s.PartitionsSuggested));
        Assert.Equal(13 * 3, input.Partitions);
    }

    [Fact]
    public void A_cap_on_broker_disks_tiers_only_what_each_stream_keeps_beyond_it()
    {
        // clicks keeps 24 h, all on disk; orders keeps 168 h, 144 of them tiered: 0.9765625 x 144 x 3,600 / 1,024 GiB.
        var result = Inputs.Size(new SizingRequest { Streams = [Orders, Clicks], PrimaryRetentionHours = 24 });

        Assert.Equal(24, result.Input.PrimaryRetentionHours, 9);
        Assert.Equal(0.9765625 * 144 * 3600 / 1024, result.Storage.TieredGiB, 6);
    }

    [Fact]
    public void Given_partitions_and_ratios_are_taken_as_written()
    {
        var input = Inputs.Valid(new SizingRequest { Streams = [Clicks with { Partitions = 48, CompressionRatio = 4 }], ReplicationFactor = 2 });

        Assert.Equal(96, input.Partitions);
        Assert.False(input.Workload!.Streams[0].PartitionsSuggested);
        Assert.Equal(20_000 * 512 / 4 / MiB, input.AvgDataInMiBps, 9);
    }

    [Fact]
    public void Without_a_lagging_group_marked_the_plans_own_lagging_factor_stands()
    {
        Assert.Equal(0.5, Inputs.Valid(new SizingRequest { Streams = [Orders] }).LaggingConsumerFactor);
        Assert.Equal(2, Inputs.Valid(new SizingRequest { Streams = [Orders], LaggingConsumerFactor = 2 }).LaggingConsumerFactor);
    }

    [Fact]
    public void Each_wrong_stream_field_is_named_by_its_stream_and_field()
    {
        var outcome = new SizingRequest
        {
            Streams = [Orders, Clicks with { MessageBytes = 0, Compression = "brotli", LaggingGroups = 4, Name = new string('x', 61) }],
        }.Resolve();

        Assert.False(outcome.Succeeded);
        Assert.Equal(["streams[1].compression", "streams[1].laggingGroups", "streams[1].messageBytes", "streams[1].name"], outcome.Errors.Select(e => e.Field).Order());
        Assert.Contains("none, gzip, snappy, lz4, zstd", outcome.Errors.Single(e => e.Field == "streams[1].compression").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_streams_than_a_plan_may_hold_are_refused_without_reading_them()
    {
        var outcome = new SizingRequest { Streams = [.. Enumerable.Repeat(Orders, Workload.MaxStreams + 1)] }.Resolve();

        Assert.Equal("streams", Assert.Single(outcome.Errors).Field);
    }

    [Fact]
    public void Streams_that_add_up_past_what_a_plan_can_size_are_named_at_the_aggregate()
    {
        var outcome = new SizingRequest { Streams = [Orders with { MessagesPerSecond = 100_000_000, PeakMessagesPerSecond = null, MessageBytes = 100 * MiB }] }.Resolve();

        Assert.Contains(outcome.Errors, e => e.Field == "avgDataInMiBps");
        Assert.Contains(outcome.Errors, e => e.Field == "streams");
    }

    [Theory]
    [InlineData(9 * 1024 * 1024, 1, "messageSize")]
    [InlineData(1024, 600, "consumerGroups")]
    public void Streams_add_Serverless_message_size_and_consumer_group_checks(double messageBytes, int groups, string limit)
    {
        var serverless = Inputs.Size(new SizingRequest { Streams = [new StreamRequest { MessagesPerSecond = 10, MessageBytes = messageBytes, ConsumerGroups = groups, Partitions = 100 }] }).Serverless!;

        Assert.Equal(limit, serverless.RuledOutBy!.Limit.Key);
    }

    [Fact]
    public void Serverless_holds_compacted_streams_to_120_leader_partitions_apart_from_the_2400_of_the_others()
    {
        // MSK Serverless quota: 2,400 leader partitions of non-compacted topics and 120 of compacted ones, per cluster.
        static StreamRequest Stream(int partitions, bool compacted) => new() { MessagesPerSecond = 10, MessageBytes = 100, Partitions = partitions, Compacted = compacted ? true : null };

        var fits = Inputs.Size(new SizingRequest { Streams = [Stream(2_300, false), Stream(120, true)] }).Serverless!;
        var overCompacted = Inputs.Size(new SizingRequest { Streams = [Stream(100, false), Stream(121, true)] }).Serverless!;

        Assert.Null(fits.RuledOutBy);
        Assert.Equal(2_300, fits.Checks.Single(c => c.Limit.Key == "partitions").Demand);
        Assert.Equal(120, fits.Checks.Single(c => c.Limit.Key == "compactedPartitions").Demand);
        Assert.Equal("compactedPartitions", overCompacted.RuledOutBy!.Limit.Key);
    }

    [Property(Arbitrary = [typeof(StreamSets)], MaxTest = 200)]
    public bool The_aggregates_are_the_sums_of_the_streams(StreamRequest[] streams)
    {
        var input = Inputs.Valid(new SizingRequest { Streams = streams });
        static double In(StreamRequest s, double? rate) => rate!.Value * s.MessageBytes!.Value / (s.CompressionRatio ?? 1) / MiB;
        var retainedGiB = streams.Sum(s => In(s, s.MessagesPerSecond) * s.RetentionHours!.Value * 3600 / 1024);

        return Close(input.AvgDataInMiBps, streams.Sum(s => In(s, s.MessagesPerSecond)))
            && Close(input.PeakDataInMiBps, streams.Sum(s => In(s, s.PeakMessagesPerSecond)))
            && Close(input.AvgDataOutMiBps, streams.Sum(s => In(s, s.MessagesPerSecond) * s.ConsumerGroups!.Value))
            && input.Partitions == streams.Sum(s => s.Partitions!.Value) * 3
            && Close(SizingEngine.Size(input, ReferencePrices.UsEast1).Storage.DataGiB, retainedGiB * 3);
    }

    private static bool Close(double actual, double expected) => Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected));

    public static class StreamSets
    {
        public static Arbitrary<StreamRequest[]> Arbitrary() =>
            (from count in Gen.Choose(1, Workload.MaxStreams)
             from streams in Stream().ArrayOf(count)
             select streams).ToArbitrary();

        private static Gen<StreamRequest> Stream() =>
            from rate in Gen.Choose(1, 50_000)
            from peakFactor in Gen.Choose(10, 40)
            from bytes in Gen.Choose(10, 20_000)
            from ratio in Gen.Choose(10, 50)
            from groups in Gen.Choose(1, 8)
            from retention in Gen.Choose(1, 2_000)
            from partitions in Gen.Choose(1, 500)
            select new StreamRequest
            {
                MessagesPerSecond = rate,
                PeakMessagesPerSecond = rate * peakFactor / 10d,
                MessageBytes = bytes,
                Compression = "gzip",
                CompressionRatio = ratio / 10d,
                ConsumerGroups = groups,
                RetentionHours = retention,
                Partitions = partitions,
            };
    }

    public static TheoryData<string> StreamNumbers => [.. StreamInputs.All.OfType<NumberOf<StreamRequest>>().Select(i => i.Key)];

    [Theory]
    [MemberData(nameof(StreamNumbers))]
    public void A_stream_number_past_its_maximum_is_refused_at_its_field_in_the_words_of_its_label(string key)
    {
        var input = StreamInputs.All.OfType<NumberOf<StreamRequest>>().Single(i => i.Key == key);
        var errors = new List<FieldError>();

        Workload.Resolve([Orders, input.With(Orders, input.Max * 2)], 24, errors);

        var error = Assert.Single(errors);
        Assert.Equal($"streams[1].{key}", error.Field);
        Assert.StartsWith($"{input.Label} must be at least ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($" {input.Unit}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_field_of_a_stream_request_is_described_once_for_the_builder_and_the_checks()
    {
        var described = StreamInputs.All.Select(i => i.Key).Order();
        var properties = typeof(StreamRequest).GetProperties().Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).Order();

        Assert.Equal(properties, described);
    }
}
