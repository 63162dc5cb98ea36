using MskPlanner.Import;
using MskPlanner.Sizing;

namespace MskPlanner.Web.Tests.Import;

/// <summary>How measured topics become streams, whatever measured them: grouped by prefix, and held to the builder's limit.</summary>
public sealed class TopicStreamsTests
{
    private static readonly TrafficSources Sources = new("window", "mean", "p99", "messages", "peak", "bytes in", "bytes out", "partitions", "retention");

    [Fact]
    public void Topics_sharing_a_prefix_become_one_stream_with_their_traffic_added()
    {
        var figures = new List<ImportedFigure>();
        var streams = TopicStreams.From(
            [Topic("orders.eu", messages: 100, bytes: 100_000, peak: 150, partitions: 6), Topic("orders.us", messages: 300, bytes: 100_000, peak: 400, partitions: 12), Topic("clicks", 10, 1_000, 10, 1)],
            ".", Sources, figures, []);

        var orders = Assert.Single(streams, s => s.Name == "orders");
        Assert.Equal(400, orders.MessagesPerSecond);
        // A sum of the peaks: at least the pair's own peak, whenever each peaked.
        Assert.Equal(550, orders.PeakMessagesPerSecond);
        Assert.Equal(200_000 / 400.0, orders.MessageBytes);
        Assert.Equal(18, orders.Partitions);
        Assert.Contains(figures, f => f.Path == StreamInputs.KeyAt(streams.IndexOf(orders), "peakMessagesPerSecond") && f.Statistic.StartsWith("sum over 2 topics of p99", StringComparison.Ordinal));
    }

    [Fact]
    public void Past_the_builders_limit_the_busiest_keep_their_own_stream_and_the_rest_share_one()
    {
        var warnings = new List<string>();
        var topics = Enumerable.Range(1, Workload.MaxStreams + 5).Select(i => Topic($"t{i:D2}", messages: i, bytes: i * 1000.0, peak: i, partitions: 1));

        var streams = TopicStreams.From(topics, null, Sources, [], warnings);

        Assert.Equal(Workload.MaxStreams, streams.Count);
        Assert.Equal("t25", streams[0].Name);
        Assert.Equal("6 other topics", streams[^1].Name);
        Assert.Equal(1 + 2 + 3 + 4 + 5 + 6, streams[^1].MessagesPerSecond);
        Assert.Contains(warnings, w => w.Contains("the 19 busiest keep their own", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_a_hostile_source_sends_is_cut_to_the_streams_limit_without_control_characters()
    {
        var streams = TopicStreams.From([Topic("\u0001" + new string('x', 500), 1, 100, 1, 1)], null, Sources, [], []);

        var name = Assert.Single(streams).Name!;
        Assert.Equal(Workload.NameMaxLength, name.Length);
        Assert.DoesNotContain(name, char.IsControl);
    }

    private static TopicTraffic Topic(string name, double messages, double bytes, double peak, int partitions) =>
        new(name) { MessagesMean = messages, MessagesPeak = peak, BytesInMean = bytes, BytesOutMean = bytes, Partitions = partitions };
}
