namespace MskPlanner.Sizing.Tests;

public class ServerlessTests
{
    private static ServerlessOption Serverless(SizingRequest request, PriceSheet? prices = null) => Inputs.Size(request, prices).Serverless!;

    [Fact]
    public void A_workload_within_every_quota_is_priced_by_cluster_hours_partition_hours_storage_and_data_in_and_out()
    {
        // By hand, at 0.75/h, 0.0015 per partition-hour, 0.10/GiB-month, 0.10/GiB in, 0.05/GiB out, 730 hours:
        // cluster 0.75 x 730 = 547.50; 300 replicas at RF 3 = 100 leaders x 0.0015 x 730 = 109.50;
        // storage 10 MiB/s x 48 h x 3,600 s / 1,024 = 1,687.5 GiB (one copy) x 0.10 = 168.75;
        // data in 10 x 3,600 x 730 / 1,024 = 25,664.0625 GiB x 0.10 = 2,566.41; data out 20 MiB/s = 51,328.125 GiB x 0.05 = 2,566.41.
        var serverless = Serverless(new() { AvgDataInMiBps = 10, PeakDataInMiBps = 20, AvgDataOutMiBps = 20, PeakDataOutMiBps = 40, RetentionHours = 48, Partitions = 300 });

        Assert.True(serverless.IsAvailable);
        Assert.Null(serverless.RuledOutBy);
        Assert.Equal(100, serverless.LeaderPartitions);
        Assert.Equal(1687.5, serverless.StorageGiB, 9);
        Assert.Equal(new ServerlessCost(547.50m, 109.50m, 168.75m, 2566.41m, 2566.41m), serverless.MonthlyCost);
        Assert.Equal(5958.57m, serverless.MonthlyCost!.Total);
        Assert.All(serverless.Checks, c => Assert.True(c.Fits));
        Assert.Equal(0.2, serverless.Checks.Single(c => c.Limit == ServerlessLimits.PartitionIngress).Demand, 9);
    }

    [Theory]
    [InlineData(250, 250, 900, null, "ingress")] // 250 MiB/s in over the 200 per cluster
    [InlineData(100, 500, 900, null, "egress")] // 500 MiB/s out over the 400 per cluster
    [InlineData(10, 10, 9000, null, "partitions")] // 9,000 replicas at RF 3 are 3,000 leaders, over 2,400
    [InlineData(60, 60, 30, null, "partitionIngress")] // 60 MiB/s over 10 leaders is 6 per partition, over 5
    [InlineData(10, 120, 30, null, "partitionEgress")] // 120 MiB/s out over 10 leaders is 12 per partition, over 10
    [InlineData(10, 10, 900, 5000, "clientConnections")] // 5,000 connections over 3,000
    public void The_first_quota_a_workload_is_over_rules_Serverless_out_and_names_the_need(double peakIn, double peakOut, int partitions, int? connections, string limit)
    {
        var serverless = Serverless(new()
        {
            AvgDataInMiBps = peakIn,
            AvgDataOutMiBps = peakOut,
            Partitions = partitions,
            ClientConnections = connections,
        });

        Assert.False(serverless.IsAvailable);
        Assert.Null(serverless.MonthlyCost);
        Assert.Equal(limit, serverless.RuledOutBy!.Limit.Key);
        Assert.StartsWith($"Over MSK Serverless's {serverless.RuledOutBy.Limit.Phrase}", serverless.UnavailableReason);
        Assert.Single(serverless.Checks, c => !c.Fits);
    }

    [Fact]
    public void A_plan_that_authenticates_clients_other_than_by_IAM_cannot_run_on_Serverless()
    {
        var serverless = Serverless(new() { AvgDataInMiBps = 10, Partitions = 300, ClientAuthentication = "scram" });

        Assert.False(serverless.IsAvailable);
        Assert.Equal("MSK Serverless takes IAM authentication only; this plan uses SASL/SCRAM.", serverless.UnavailableReason);
    }

    [Fact]
    public void Without_Serverless_rates_for_the_region_it_is_checked_but_not_priced()
    {
        var serverless = Serverless(new() { AvgDataInMiBps = 10, Partitions = 300 }, ReferencePrices.UsEast1 with { Serverless = null });

        Assert.Null(serverless.MonthlyCost);
        Assert.Equal("No MSK Serverless rates for us-east-1.", serverless.UnavailableReason);
        Assert.All(serverless.Checks, c => Assert.True(c.Fits));
    }

    [Fact]
    public void Client_connections_are_checked_only_when_the_plan_gives_them()
    {
        Assert.DoesNotContain(Serverless(new() { AvgDataInMiBps = 10, Partitions = 300 }).Checks, c => c.Limit == ServerlessLimits.ClientConnections);
        Assert.Contains(Serverless(new() { AvgDataInMiBps = 10, Partitions = 300, ClientConnections = 3000 }).Checks,
            c => c.Limit == ServerlessLimits.ClientConnections && c.Fits);
    }
}
