using Open311.Data.Import;

namespace Open311.Tests.Import;

public sealed class LocalTimesTests
{
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Theory]
    [InlineData("2014-04-30T14:51:52", "2014-04-30T21:51:52Z")]
    [InlineData("2015-01-14T14:57:00", "2015-01-14T22:57:00Z")]
    [InlineData("2015-11-01T01:30:00", "2015-11-01T08:30:00Z")]
    [InlineData("2015-11-01T02:00:00", "2015-11-01T10:00:00Z")]
    [InlineData("2015-03-08T02:30:00", "2015-03-08T10:30:00Z")]
    public void ToInstant_PacificWallClock_GivesUtc(string local, string expected)
    {
        var instant = LocalTimes.ToInstant(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), Pacific);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }
}
