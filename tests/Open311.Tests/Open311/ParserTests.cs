using Open311.Web.GeoReport.Queries;

namespace Open311.Tests.GeoReport;

public sealed class InstantParserTests
{
    [Theory]
    [InlineData("2014-04-30T14:51:52Z", "2014-04-30T14:51:52.0000000+00:00")]
    [InlineData("2014-04-30T14:51:52-07:00", "2014-04-30T21:51:52.0000000+00:00")]
    [InlineData("2014-04-30T14:51:52+0200", "2014-04-30T12:51:52.0000000+00:00")]
    [InlineData("2014-04-30T14:51:52 07:00", "2014-04-30T07:51:52.0000000+00:00")]
    [InlineData("2014-04-30T14:45:01.017Z", "2014-04-30T14:45:01.0170000+00:00")]
    [InlineData("2014-04-30t14:45z", "2014-04-30T14:45:00.0000000+00:00")]
    public void TryParse_ZonedInstant_ReturnsUtc(string value, string expected)
    {
        var ok = InstantParser.TryParse("start_date", value, out var instant, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, instant.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Theory]
    [InlineData("2014-04-30T14:51:52")]
    [InlineData("2014-04-30T14:51:52.123")]
    [InlineData("2014-04-30")]
    public void TryParse_NoZone_SaysZoneRequired(string value)
    {
        var ok = InstantParser.TryParse("end_date", value, out _, out var error);

        Assert.False(ok);
        Assert.StartsWith($"Invalid end_date '{value}': a time zone is required", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday", "expected an ISO 8601 date-time")]
    [InlineData("2014-02-30T10:00:00Z", "does not exist")]
    [InlineData("2014-04-30T25:00:00Z", "does not exist")]
    [InlineData("1398869512", "expected an ISO 8601 date-time")]
    public void TryParse_Malformed_NamesParameterAndProblem(string value, string expected)
    {
        var ok = InstantParser.TryParse("start_date", value, out _, out var error);

        Assert.False(ok);
        Assert.StartsWith("Invalid start_date", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}

public sealed class DateWindowTests
{
    private static readonly DateTimeOffset Now = new(2014, 8, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryResolve_NoDates_Last90Days()
    {
        Assert.True(DateWindow.TryResolve(null, null, Now, out var from, out var to, out _));

        Assert.Equal(Now.AddDays(-90), from);
        Assert.Equal(Now, to);
    }

    [Fact]
    public void TryResolve_OnlyStart_90DaysAfter()
    {
        var start = new DateTimeOffset(2014, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.True(DateWindow.TryResolve(start, null, Now, out var from, out var to, out _));

        Assert.Equal(start, from);
        Assert.Equal(start.AddDays(90), to);
    }

    [Fact]
    public void TryResolve_OnlyEnd_90DaysBefore()
    {
        var end = new DateTimeOffset(2014, 5, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.True(DateWindow.TryResolve(null, end, Now, out var from, out var to, out _));

        Assert.Equal(end.AddDays(-90), from);
        Assert.Equal(end, to);
    }

    [Fact]
    public void TryResolve_Exactly90Days_Accepted()
    {
        var start = new DateTimeOffset(2014, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.True(DateWindow.TryResolve(start, start.AddDays(90), Now, out _, out _, out var error), error);
    }

    [Fact]
    public void TryResolve_OneSecondOver90Days_Rejected()
    {
        var start = new DateTimeOffset(2014, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.False(DateWindow.TryResolve(start, start.AddDays(90).AddSeconds(1), Now, out _, out _, out var error));
        Assert.Contains("maximum of 90 days", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolve_StartAfterEnd_NamesStartDate()
    {
        var start = new DateTimeOffset(2014, 2, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.False(DateWindow.TryResolve(start, start.AddTicks(-1), Now, out _, out _, out var error));
        Assert.StartsWith("Invalid start_date", error, StringComparison.Ordinal);
    }
}

public sealed class GeoArgumentsTests
{
    [Fact]
    public void TryParseBox_WestSouthEastNorth_LongitudeIsX()
    {
        Assert.True(GeoArguments.TryParseBox("-122.45,37.75,-122.40,37.80", out var box, out var error), error);

        var envelope = box!.EnvelopeInternal;
        Assert.Equal(-122.45, envelope.MinX);
        Assert.Equal(37.75, envelope.MinY);
        Assert.Equal(-122.40, envelope.MaxX);
        Assert.Equal(37.80, envelope.MaxY);
        Assert.Equal(4326, box.SRID);
    }

    [Theory]
    [InlineData("-122.45,37.75,-122.40", "expected four numbers")]
    [InlineData("-122.45,37.75,-122.40,37.80,1", "expected four numbers")]
    [InlineData("-122.4,37.7,-122.4,37.8", "min_long must be less than max_long")]
    [InlineData("a,b,c,d", "expected four numbers")]
    [InlineData("-122.40,37.75,-122.45,37.80", "min_long must be less than max_long")]
    [InlineData("-122.45,37.80,-122.40,37.75", "min_lat less than max_lat")]
    [InlineData("37.75,-122.45,37.80,-122.40", "latitudes between -90 and 90")]
    [InlineData("-190,0,10,10", "longitudes must be between -180 and 180")]
    [InlineData("NaN,0,10,10", "expected four numbers")]
    public void TryParseBox_Bad_NamesTheAxisOrder(string value, string expected)
    {
        Assert.False(GeoArguments.TryParseBox(value, out var box, out var error));

        Assert.Null(box);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("min_long,min_lat,max_long,max_lat", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("250.5", 250.5)]
    [InlineData("5000", 5000)]
    public void TryParseRadius_InRange_ReturnsMetres(string value, double expected)
    {
        Assert.True(GeoArguments.TryParseRadius(value, out var metres, out var error), error);

        Assert.Equal(expected, metres);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("5000.1")]
    [InlineData("1,5")]
    [InlineData("Infinity")]
    [InlineData("ten")]
    public void TryParseRadius_OutOfRangeOrMalformed_Rejected(string value)
    {
        Assert.False(GeoArguments.TryParseRadius(value, out _, out var error));

        Assert.StartsWith($"Invalid radius '{value}'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("39,96")]
    [InlineData("90.0001")]
    [InlineData("")]
    public void TryParseLatitude_CommaOrOutOfRange_Rejected(string value)
    {
        Assert.False(GeoArguments.TryParseLatitude("lat", value, out _, out var error));

        Assert.StartsWith($"Invalid lat '{value}'", error, StringComparison.Ordinal);
    }
}
