using System.Globalization;

namespace Open311.Web.GeoReport.Formatting;

/// <summary>Prints instants as the spec's date-times: local to the jurisdiction, whole seconds, with the offset.</summary>
public static class WireTime
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:sszzz";

    /// <summary>
    /// Converts <paramref name="instant"/> to the wall-clock time of <paramref name="zone"/>, so the offset
    /// follows daylight saving time (<c>-07:00</c> in summer, <c>-08:00</c> in winter for Los Angeles).
    /// </summary>
    public static DateTimeOffset ToZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    public static DateTimeOffset? ToZone(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } value ? ToZone(value, zone) : null;

    /// <summary>Formats as <c>2014-04-30T14:51:52-07:00</c>; fractions of a second are dropped.</summary>
    public static string Format(DateTimeOffset value) => value.ToString(Pattern, CultureInfo.InvariantCulture);
}
