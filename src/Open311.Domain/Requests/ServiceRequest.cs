using NetTopologySuite.Geometries;

namespace Open311.Domain.Requests;

/// <summary>
/// A report of a problem. Public fields mirror GeoReport v2; the contact fields (email, names, phone,
/// device and account ids) are private and never appear in public output.
/// </summary>
public sealed class ServiceRequest
{
    private readonly List<RequestEvent> _events = [];

    private ServiceRequest()
    {
        PublicId = string.Empty;
        JurisdictionId = string.Empty;
        Channel = RequestChannels.Api;
        Attributes = [];
    }

    public ServiceRequest(string jurisdictionId, int serviceId, DateTimeOffset requestedAt, string channel)
    {
        PublicId = string.Empty;
        JurisdictionId = jurisdictionId;
        ServiceId = serviceId;
        RequestedAt = requestedAt;
        UpdatedAt = requestedAt;
        Status = RequestStatus.Open;
        Channel = channel;
        Attributes = [];
    }

    public long Id { get; private set; }

    /// <summary>The wire <c>service_request_id</c>; assigned by the database on insert unless imported.</summary>
    public string PublicId { get; set; }

    public string JurisdictionId { get; private set; }

    public int ServiceId { get; private set; }

    public Services.Service? Service { get; private set; }

    /// <summary>The wire <c>token</c>, set for requests to batch services.</summary>
    public string? Token { get; set; }

    public RequestStatus Status { get; private set; }

    public string? StatusNotes { get; private set; }

    public string? Description { get; set; }

    public string? AgencyResponsible { get; set; }

    public string? ServiceNotice { get; set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ExpectedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The wire <c>address</c> on output and <c>address_string</c> on POST.</summary>
    public string? Address { get; set; }

    public string? AddressId { get; set; }

    public string? Zipcode { get; set; }

    /// <summary>WGS84 point (X = longitude, Y = latitude), stored as <c>geography(Point, 4326)</c>.</summary>
    public Point? Location { get; set; }

    public string? MediaUrl { get; set; }

    public string? Email { get; set; }

    public string? DeviceId { get; set; }

    public string? AccountId { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Phone { get; set; }

    /// <summary>How the request arrived: <see cref="RequestChannels"/> values or an imported source name.</summary>
    public string Channel { get; private set; }

    /// <summary>Set by the database from the location (point in polygon, then nearest within a tolerance).</summary>
    public int? NeighborhoodId { get; private set; }

    /// <summary>The account that entered the request (a liaison or staff member), when signed in.</summary>
    public string? UserId { get; set; }

    /// <summary>The liaison batch the request came from.</summary>
    public long? BatchId { get; set; }

    /// <summary>The API key that created the request through the GeoReport API.</summary>
    public long? ApiKeyId { get; set; }

    public long? DuplicateOfId { get; private set; }

    /// <summary>
    /// Answers to the service's questions, by attribute code. Each answer is a list so that multi-value
    /// lists keep their order; single values are one-element lists.
    /// </summary>
    public Dictionary<string, List<string>> Attributes { get; private set; }

    public IReadOnlyList<RequestEvent> Events => _events;

    /// <summary>Records the arrival of the request as the first event of its history.</summary>
    public void RecordOpened(string actor, string? notes = null)
    {
        _events.Add(new RequestEvent(RequestStatus.Open, notes, RequestedAt, actor));
    }

    /// <summary>Moves the request to <paramref name="status"/> and adds the change, with its notes, to the history.</summary>
    public void ChangeStatus(RequestStatus status, string? notes, DateTimeOffset at, string actor)
    {
        Status = status;
        if (notes is not null)
        {
            StatusNotes = notes;
        }

        UpdatedAt = at;
        ClosedAt = status.IsClosed() ? at : null;
        _events.Add(new RequestEvent(status, notes, at, actor));
    }

    public void MarkDuplicateOf(ServiceRequest original, string? notes, DateTimeOffset at, string actor)
    {
        DuplicateOfId = original.Id;
        ChangeStatus(RequestStatus.Duplicate, notes, at, actor);
    }
}

/// <summary>Channel names stored on requests.</summary>
public static class RequestChannels
{
    public const string Api = "api";
    public const string Web = "web";
    public const string Liaison = "liaison";
    public const string Staff = "staff";
}
