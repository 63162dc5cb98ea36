using MskPlanner.Sizing;

namespace MskPlanner.Persistence.Tests;

internal static class Drafts
{
    public static RevisionDraft For(double avgIn, string? comment = null, decimal? cost = 1000m, int partitions = 300) => new(
        new SizingRequest { AvgDataInMiBps = avgIn, Partitions = partitions },
        "us-east-1",
        null,
        comment,
        new PriceStamp("bundled snapshot", "us-east-1", new DateOnly(2026, 11, 25), cost));
}
