namespace Open311.Domain.Submission;

/// <summary>
/// A service request as a client sends it, before validation: the one input shape shared by the GeoReport
/// POST, the public report form and each row of a liaison batch. Field names follow GeoReport v2.
/// </summary>
public sealed record NewServiceRequest
{
    public string? JurisdictionId { get; init; }

    public string? ServiceCode { get; init; }

    /// <summary>Latitude as sent; parsed with the invariant culture by the validator so that <c>39,96</c> is rejected.</summary>
    public string? Lat { get; init; }

    /// <summary>Longitude as sent, parsed like <see cref="Lat"/>.</summary>
    public string? Long { get; init; }

    public string? AddressString { get; init; }

    public string? AddressId { get; init; }

    public string? Zipcode { get; init; }

    public string? Email { get; init; }

    public string? DeviceId { get; init; }

    public string? AccountId { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Phone { get; init; }

    public string? Description { get; init; }

    public string? MediaUrl { get; init; }

    /// <summary>Answers by attribute code, in the order sent; a single-value answer is a one-element list.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();
}
