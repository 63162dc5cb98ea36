namespace MskPlanner.Pricing.Tests;

public class OfferFileReaderTests
{
    private static readonly string Msk = FakeAws.Fixture("AmazonMSK-ap-southeast-1.json");

    [Fact]
    public async Task A_file_read_in_tiny_chunks_gives_the_same_products_and_prices()
    {
        var whole = await OfferFileReader.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Msk)), LivePriceSheet.IsWantedMskProduct);
        var chunked = await OfferFileReader.ReadAsync(new TrickleStream(System.Text.Encoding.UTF8.GetBytes(Msk), 7), LivePriceSheet.IsWantedMskProduct);

        Assert.Equal("2026-08-12T10:22:31Z", whole.PublicationDate);
        Assert.Equal(whole.OnDemandUsd.OrderBy(p => p.Key), chunked.OnDemandUsd.OrderBy(p => p.Key));
        Assert.Equal(9, whole.Products.Count); // brokers, storage, tiered, Express storage and Serverless cluster-hours; not retrieval or private connectivity
        Assert.Contains(0.255m, whole.OnDemandUsd.Values);
        Assert.DoesNotContain(99m, whole.OnDemandUsd.Values);
    }

    [Fact]
    public async Task Ec2_products_are_filtered_to_linux_shared_instances_and_gp3()
    {
        var ec2 = await OfferFileReader.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(FakeAws.Fixture("AmazonEC2-ap-southeast-1.json"))), LivePriceSheet.IsWantedEc2Product);

        Assert.Equal(4, ec2.Products.Count);
        Assert.DoesNotContain(ec2.Products.Values, p => p.Attributes.GetValueOrDefault("operatingSystem") == "Windows");
    }

    [Theory]
    [InlineData("""{"formatVersion": "v1.0", "products": {"A": {"sku": "A", "attributes": {}}""", "truncated")]
    [InlineData("""not json at all""", "not valid JSON")]
    [InlineData("""[1, 2, 3]""", "not an AWS offer file")]
    [InlineData("""{"message": "Access Denied"}""", "not an AWS offer file")]
    public async Task Broken_files_are_refused_with_a_reason(string text, string reason)
    {
        var error = await Assert.ThrowsAsync<MalformedOfferException>(() =>
            OfferFileReader.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), _ => true));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("USE1-Kafka.m5.large", MskPriceKind.Broker, "kafka.m5.large")]
    [InlineData("EU-Kafka.kraft.t3.small", MskPriceKind.Broker, "kafka.t3.small")]
    [InlineData("Kafka.m7g.16xlarge", MskPriceKind.Broker, "kafka.m7g.16xlarge")]
    [InlineData("APS1-Express.m7g.large", MskPriceKind.Broker, "express.m7g.large")]
    [InlineData("APS1-Kafka.Storage.GP2", MskPriceKind.Storage, null)]
    [InlineData("APS1-Kafka.Storage.Tiered", MskPriceKind.TieredStorage, null)]
    [InlineData("APS1-Express.Storage", MskPriceKind.ExpressStorage, null)]
    [InlineData("EU-Kafka.Storage.Throughput", MskPriceKind.ProvisionedThroughput, null)]
    [InlineData("EU-Express.DataIn-Bytes", MskPriceKind.ExpressDataIn, null)]
    [InlineData("APS1-KafkaServerless-ClusterHours", MskPriceKind.ServerlessClusterHours, null)]
    [InlineData("EU-KafkaServerless-PartitionHours", MskPriceKind.ServerlessPartitionHours, null)]
    [InlineData("EU-KafkaServerless-Storage", MskPriceKind.ServerlessStorage, null)]
    [InlineData("EU-KafkaServerless-DataIn", MskPriceKind.ServerlessDataIn, null)]
    [InlineData("EU-KafkaServerless-DataOut", MskPriceKind.ServerlessDataOut, null)]
    [InlineData("EU-KafkaConnect-MCU-Hours", MskPriceKind.ConnectMcuHours, null)]
    [InlineData("EU-Replicator-Hours", MskPriceKind.ReplicatorHours, null)]
    [InlineData("EU-Replicator-DataProcessed-Bytes", MskPriceKind.ReplicatorData, null)]
    public void Usage_types_map_to_what_they_price(string usageType, MskPriceKind kind, string? instanceType)
    {
        Assert.Equal(new MskPriceItem(kind, instanceType), MskPriceMapping.Classify(usageType));
    }

    [Theory]
    [InlineData("APS1-Kafka.DataRetrieval.Tiered")]
    [InlineData("APS1-KafkaServerless-PrivateConnectivity")]
    [InlineData("APS1-Kafka.PrivateConnectivityHours")]
    [InlineData("USE1-Kafka.m9.large")]
    [InlineData("")]
    public void Products_the_planner_does_not_price_are_ignored(string usageType)
    {
        Assert.Null(MskPriceMapping.Classify(usageType));
    }

    /// <summary>Hands out a few bytes per read, as a slow network does.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
