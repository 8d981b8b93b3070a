namespace Open311.Domain.Requests;

/// <summary>
/// Internal workflow states. On the GeoReport wire only <c>open</c> and <c>closed</c> exist; the richer state
/// shows through <c>status_notes</c>, the <c>extended_attributes</c> extension and the updates feed,
/// whose lower-case names (mySociety's set) are the <see cref="RequestStatuses.ToWire"/> spellings.
/// </summary>
public enum RequestStatus
{
    Open,
    InProgress,
    ActionScheduled,
    Investigating,
    InternalReferral,
    Reopen,
    Closed,
    Fixed,
    Duplicate,
    NotCouncilsResponsibility,
    NoFurtherAction,
}

/// <summary>The one table that maps internal states to the wire's open/closed and to their wire names.</summary>
public static class RequestStatuses
{
    private static readonly Dictionary<RequestStatus, (string Wire, bool IsClosed)> Table = new()
    {
        [RequestStatus.Open] = ("open", false),
        [RequestStatus.InProgress] = ("in_progress", false),
        [RequestStatus.ActionScheduled] = ("action_scheduled", false),
        [RequestStatus.Investigating] = ("investigating", false),
        [RequestStatus.InternalReferral] = ("internal_referral", false),
        [RequestStatus.Reopen] = ("reopen", false),
        [RequestStatus.Closed] = ("closed", true),
        [RequestStatus.Fixed] = ("fixed", true),
        [RequestStatus.Duplicate] = ("duplicate", true),
        [RequestStatus.NotCouncilsResponsibility] = ("not_councils_responsibility", true),
        [RequestStatus.NoFurtherAction] = ("no_further_action", true),
    };

    private static readonly Dictionary<string, RequestStatus> ByWire =
        Table.ToDictionary(pair => pair.Value.Wire, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<RequestStatus> All => Table.Keys;

    /// <summary>Returns the lower-case snake_case name, such as <c>in_progress</c>; it is also the stored value.</summary>
    public static string ToWire(this RequestStatus status) => Table[status].Wire;

    public static bool IsClosed(this RequestStatus status) => Table[status].IsClosed;

    /// <summary>Returns <c>open</c> or <c>closed</c>, the only values of the GeoReport <c>status</c> field.</summary>
    public static string ToGeoReportStatus(this RequestStatus status) => status.IsClosed() ? "closed" : "open";

    public static bool TryParse(string? value, out RequestStatus status) =>
        ByWire.TryGetValue(value?.Trim() ?? string.Empty, out status);

    public static RequestStatus Parse(string value) =>
        TryParse(value, out var status) ? status : throw new FormatException($"Unknown request status '{value}'.");
}
