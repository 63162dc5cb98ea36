namespace MskPlanner.Persistence.Tests;

public sealed class MeasurementTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_typed_address_longer_than_a_revision_keeps_is_cut_so_the_save_still_succeeds()
    {
        var measured = Measurement.Of("http://prometheus.example.com/" + new string('p', 1900), From, From.AddDays(7));

        Assert.Equal(Measurement.SourceMaxLength, measured.Source.Length);
        Assert.EndsWith("…", measured.Source, StringComparison.Ordinal);
        Assert.Null(Measurement.Check("measuredFrom", measured));
    }

    [Fact]
    public void A_window_that_ends_before_it_starts_is_refused_and_one_of_a_single_moment_is_kept()
    {
        Assert.Equal("measuredFrom.to", Measurement.Check("measuredFrom", new Measurement("files", From, From.AddMinutes(-1)))?.Field);
        Assert.Null(Measurement.Check("measuredFrom", new Measurement("files", From, From)));
    }
}
