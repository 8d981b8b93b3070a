namespace Open311.Web.GeoReport.Formatting;

// Wire records mirror the GeoReport v2 field names one to one: the writer prints each property under the
// snake_case of its name, in declaration order, so the order here is the order on the wire.

/// <summary>An item of GET services.</summary>
public sealed record ServiceWire(
    string ServiceCode,
    string ServiceName,
    string? Description,
    bool Metadata,
    string Type,
    string? Keywords,
    string? Group);

/// <summary>GET services/{service_code}: the service's questions.</summary>
public sealed record ServiceDefinitionWire(
    string ServiceCode,
    [property: WireItem("attribute")] IReadOnlyList<AttributeWire> Attributes);

/// <summary>One question of a service definition; <see cref="Values"/> is empty unless the datatype is a list.</summary>
public sealed record AttributeWire(
    bool Variable,
    string Code,
    string Datatype,
    bool Required,
    string? DatatypeDescription,
    int Order,
    string? Description,
    [property: WireItem("value")] IReadOnlyList<AttributeValueWire> Values);

public sealed record AttributeValueWire(string Key, string Name);

/// <summary>An item of GET requests and GET requests/{id}.</summary>
public sealed record ServiceRequestWire(
    string ServiceRequestId,
    string Status,
    string? StatusNotes,
    string ServiceName,
    string ServiceCode,
    string? Description,
    string? AgencyResponsible,
    string? ServiceNotice,
    DateTimeOffset RequestedDatetime,
    DateTimeOffset UpdatedDatetime,
    DateTimeOffset? ExpectedDatetime,
    string? Address,
    string? AddressId,
    string? Zipcode,
    double? Lat,
    double? Long,
    string? MediaUrl)
{
    /// <summary>Set only when the client asks for <c>extensions=true</c>.</summary>
    [WireOptional]
    public ExtendedAttributesWire? ExtendedAttributes { get; init; }

    /// <summary>The request's history, oldest first; set only with <c>extensions=true</c>.</summary>
    [WireOptional]
    [WireItem("note")]
    public IReadOnlyList<NoteWire>? Notes { get; init; }
}

/// <summary>Fields beyond the spec that <c>extensions=true</c> adds to a request.</summary>
public sealed record ExtendedAttributesWire(
    string? Neighborhood,
    string Channel,
    string? DuplicateOf,
    string InternalStatus,
    [property: WireItem("attribute")] IReadOnlyList<AttributeAnswerWire> Attributes);

/// <summary>The answer to one question; a multi-value answer lists its values in the order sent.</summary>
public sealed record AttributeAnswerWire(
    string Code,
    [property: WireItem("value")] IReadOnlyList<string> Values);

/// <summary>One entry of a request's history: the internal status name after it, its notes and when it happened.</summary>
public sealed record NoteWire(string Status, string? Notes, DateTimeOffset Date);

/// <summary>POST requests to a realtime service.</summary>
public sealed record CreatedRequestWire(string ServiceRequestId, string? ServiceNotice, string? AccountId);

/// <summary>POST requests to a batch service: a token to look the request up with later.</summary>
public sealed record CreatedTokenWire(string Token, string? ServiceNotice, string? AccountId);

/// <summary>POST requests to a blackbox service: neither an id nor a token.</summary>
public sealed record CreatedBlackboxWire(string? ServiceNotice, string? AccountId);

/// <summary>GET tokens/{token}.</summary>
public sealed record TokenWire(string? ServiceRequestId, string Token);

/// <summary>An item of the servicerequestupdates feed.</summary>
public sealed record ServiceRequestUpdateWire(
    string UpdateId,
    string ServiceRequestId,
    string Status,
    DateTimeOffset UpdatedDatetime,
    string? Description,
    string? MediaUrl);

/// <summary>The discovery document.</summary>
public sealed record DiscoveryWire(
    DateTimeOffset Changeset,
    string? Contact,
    string? KeyService,
    [property: WireItem("endpoint")] IReadOnlyList<EndpointWire> Endpoints);

public sealed record EndpointWire(
    string Specification,
    string Url,
    DateTimeOffset Changeset,
    string Type,
    [property: WireItem("format")] IReadOnlyList<string> Formats);
