using NetTopologySuite.Geometries;

namespace Open311.Domain.Jurisdictions;

/// <summary>
/// A city or agency served by this server, addressed on the wire by <c>jurisdiction_id</c> (for example <c>sfgov.org</c>).
/// </summary>
public sealed class Jurisdiction
{
    private Jurisdiction()
    {
        Id = string.Empty;
        Name = string.Empty;
        TimeZoneId = "UTC";
    }

    public Jurisdiction(string id, string name, string timeZoneId, bool isDefault)
    {
        Id = id;
        Name = name;
        TimeZoneId = timeZoneId;
        IsDefault = isDefault;
    }

    public string Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>IANA time zone used to print local date-times, such as <c>America/Los_Angeles</c>.</summary>
    public string TimeZoneId { get; private set; }

    /// <summary>Service area; a POST whose point lies outside it is rejected. Null means no limit.</summary>
    public MultiPolygon? Boundary { get; private set; }

    /// <summary>The jurisdiction that answers when a client sends no <c>jurisdiction_id</c>.</summary>
    public bool IsDefault { get; private set; }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public void Rename(string name) => Name = name;

    public void SetBoundary(MultiPolygon? boundary) => Boundary = boundary;

    public void SetDefault(bool isDefault) => IsDefault = isDefault;
}
