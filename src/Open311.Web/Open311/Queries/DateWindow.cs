namespace Open311.Web.GeoReport.Queries;

/// <summary>
/// The requested-date window of a list: at most <see cref="MaxSpan"/> long. With no dates it is the
/// <see cref="MaxSpan"/> before now; with only a start it runs that long after the start; with only an end it
/// runs that long before the end. A window that would run past the first or last instant .NET can hold
/// stops there instead, so <c>start_date=9999-12-31T23:59:59Z</c> is an empty window rather than an overflow.
/// </summary>
public static class DateWindow
{
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    /// <summary>Resolves the window, or returns false with one message per problem.</summary>
    public static bool TryResolve(
        DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset now,
        out DateTimeOffset from, out DateTimeOffset to, out string? error)
    {
        (from, to) = (start, end) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, Later(s)),
            (null, { } e) => (Earlier(e), e),
            _ => (Earlier(now), now),
        };

        if (from > to)
        {
            error = "Invalid start_date: it is after end_date. Send a start_date before the end_date.";
            return false;
        }

        if (to - from > MaxSpan)
        {
            error = $"Invalid date range: start_date to end_date spans {(to - from).TotalDays:0.#} days, more than the maximum of {MaxSpan.TotalDays:0} days. Ask for a shorter range and page through the rest.";
            return false;
        }

        error = null;
        return true;
    }

    private static DateTimeOffset Later(DateTimeOffset instant) =>
        instant > DateTimeOffset.MaxValue - MaxSpan ? DateTimeOffset.MaxValue : instant + MaxSpan;

    private static DateTimeOffset Earlier(DateTimeOffset instant) =>
        instant < DateTimeOffset.MinValue + MaxSpan ? DateTimeOffset.MinValue : instant - MaxSpan;
}
