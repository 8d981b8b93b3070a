using NetTopologySuite.Geometries;

namespace Open311.Domain.Services;

/// <summary>A kind of request a jurisdiction accepts, such as "Pothole", with its optional questions.</summary>
public sealed class Service
{
    private readonly List<ServiceAttribute> _attributes = [];

    private Service()
    {
        JurisdictionId = string.Empty;
        Code = string.Empty;
        Name = string.Empty;
    }

    public Service(string jurisdictionId, string code, string name, ServiceType type)
    {
        JurisdictionId = jurisdictionId;
        Code = code;
        Name = name;
        Type = type;
        Active = true;
    }

    public int Id { get; private set; }

    public string JurisdictionId { get; private set; }

    /// <summary>The wire <c>service_code</c>, unique within the jurisdiction.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    public string? Group { get; private set; }

    /// <summary>Comma-separated keywords, as the spec prints them.</summary>
    public string? Keywords { get; private set; }

    public ServiceType Type { get; private set; }

    /// <summary>The wire <c>metadata</c> flag: true when the service has a definition with attributes.</summary>
    public bool Metadata { get; private set; }

    /// <summary>Inactive services are hidden from the catalogue and reject new requests; old requests keep them.</summary>
    public bool Active { get; private set; }

    /// <summary>Where the service is offered; null means everywhere in the jurisdiction.</summary>
    public MultiPolygon? Area { get; private set; }

    public IReadOnlyList<ServiceAttribute> Attributes => _attributes;

    public void Describe(string name, string? description, string? group, string? keywords, ServiceType type)
    {
        Name = name;
        Description = description;
        Group = group;
        Keywords = keywords;
        Type = type;
    }

    public void SetMetadata(bool metadata) => Metadata = metadata;

    public void SetActive(bool active) => Active = active;

    public void LimitTo(MultiPolygon? area) => Area = area;

    /// <summary>Replaces the attribute list and sets <see cref="Metadata"/> to match it.</summary>
    public void ReplaceAttributes(IEnumerable<ServiceAttribute> attributes)
    {
        _attributes.Clear();
        _attributes.AddRange(attributes);
        Metadata = _attributes.Count > 0;
    }
}
