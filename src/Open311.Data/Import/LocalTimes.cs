namespace Open311.Data.Import;

/// <summary>Turns wall-clock times of a jurisdiction's time zone into instants.</summary>
public static class LocalTimes
{
    /// <summary>
    /// Converts <paramref name="local"/> (a time without offset, as read on the clock in <paramref name="zone"/>)
    /// to an instant. In the autumn hour that happens twice, the first occurrence (the daylight-saving
    /// offset, which gives the earlier instant) is chosen. A time in the skipped spring hour does not exist on
    /// the clock; it is read with the standard offset, which lands one hour later in daylight time.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

        TimeSpan offset;
        if (zone.IsAmbiguousTime(unspecified))
        {
            offset = zone.GetAmbiguousTimeOffsets(unspecified).Max();
        }
        else if (zone.IsInvalidTime(unspecified))
        {
            offset = zone.BaseUtcOffset;
        }
        else
        {
            offset = zone.GetUtcOffset(unspecified);
        }

        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }
}
