using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MskPlanner.Persistence.Tests;

public class StoreFaultsTests
{
    [Theory]
    [InlineData(8)] // read-only
    [InlineData(10)] // I/O error
    [InlineData(11)] // corrupt
    [InlineData(13)] // disk full
    [InlineData(14)] // cannot open
    [InlineData(26)] // not a database
    public void Storage_faults_count_as_the_store_being_unavailable_even_wrapped_by_ef(int code)
    {
        var fault = new SqliteException("storage fault", code);

        Assert.True(StoreFaults.IsUnavailable(fault));
        Assert.True(StoreFaults.IsUnavailable(new DbUpdateException("save failed", fault)));
    }

    [Theory]
    [InlineData(19)] // constraint: a bug or a conflict, not the disk
    [InlineData(1)] // SQL error
    public void Faults_of_our_own_making_do_not(int code) =>
        Assert.False(StoreFaults.IsUnavailable(new DbUpdateException("save failed", new SqliteException("not storage", code))));

    [Fact]
    public void Other_exceptions_do_not() =>
        Assert.False(StoreFaults.IsUnavailable(new InvalidOperationException("a bug")));
}
