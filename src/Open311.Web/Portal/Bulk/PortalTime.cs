using System.Globalization;
using Open311.Domain.Jurisdictions;

namespace Open311.Web.Portal.Bulk;

/// <summary>
/// Formats portal times in the jurisdiction's wall-clock time with its zone, as the public request page does.
/// The CSV export writes them as the GeoReport API does: ISO 8601, whole seconds, with the offset.
/// </summary>
public static class PortalTime
{
    public static DateTimeOffset Local(DateTimeOffset instant, Jurisdiction? jurisdiction)
    {
        if (jurisdiction is null)
        {
            return instant.ToUniversalTime();
        }

        try
        {
            return TimeZoneInfo.ConvertTime(instant, jurisdiction.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            return instant.ToUniversalTime();
        }
    }

    /// <summary>The zone's name as the pages print it, such as <c>America/Los_Angeles</c>.</summary>
    public static string Zone(Jurisdiction? jurisdiction) => jurisdiction?.TimeZoneId ?? "UTC";

    /// <summary>Formats for a page, such as <c>2026-12-04 13:19 America/Los_Angeles</c>.</summary>
    public static string Text(DateTimeOffset instant, Jurisdiction? jurisdiction) =>
        $"{Local(instant, jurisdiction).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {Zone(jurisdiction)}";

    public static string Text(DateTimeOffset? instant, Jurisdiction? jurisdiction) =>
        instant is { } value ? Text(value, jurisdiction) : string.Empty;

    /// <summary>Formats for a file, such as <c>2026-12-04T13:19:56-08:00</c>.</summary>
    public static string Iso(DateTimeOffset instant, Jurisdiction? jurisdiction) =>
        Local(instant, jurisdiction).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
