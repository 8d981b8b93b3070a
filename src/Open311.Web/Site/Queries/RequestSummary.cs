using Open311.Domain.Requests;

namespace Open311.Web.Site.Queries;

/// <summary>One request as lists and maps of the public site show it; it carries no contact detail.</summary>
public sealed record RequestSummary(
    string PublicId,
    string JurisdictionId,
    string ServiceName,
    RequestStatus Status,
    DateTimeOffset RequestedAt,
    string? Address,
    double? Latitude,
    double? Longitude,
    string? NeighborhoodName,
    string? Description)
{
    public string Summary => Description is { Length: > 140 } text ? text[..140] + "…" : Description ?? string.Empty;
}

/// <summary>Browse filters, bound from the query string so that a filtered list has a shareable URL.</summary>
public sealed record BrowseFilter
{
    public const int PageSize = 25;

    public string? Service { get; init; }

    /// <summary><c>open</c>, <c>closed</c>, an internal status name such as <c>in_progress</c>, or empty for all.</summary>
    public string? Status { get; init; }

    public int? Neighborhood { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public int Page { get; init; } = 1;
}

/// <summary>One page of a list, with whether another page follows.</summary>
public sealed record RequestPage(IReadOnlyList<RequestSummary> Items, int Page, bool HasNext);

/// <summary>Status words shown to residents for each internal status.</summary>
public static class StatusWords
{
    public static string Describe(RequestStatus status) => status switch
    {
        RequestStatus.Open => "Received",
        RequestStatus.InProgress => "In progress",
        RequestStatus.ActionScheduled => "Work scheduled",
        RequestStatus.Investigating => "Being investigated",
        RequestStatus.InternalReferral => "Passed to another team",
        RequestStatus.Reopen => "Reopened",
        RequestStatus.Closed => "Closed",
        RequestStatus.Fixed => "Fixed",
        RequestStatus.Duplicate => "Closed as a duplicate",
        RequestStatus.NotCouncilsResponsibility => "Not the city's responsibility",
        RequestStatus.NoFurtherAction => "No further action",
        _ => status.ToWire(),
    };
}
