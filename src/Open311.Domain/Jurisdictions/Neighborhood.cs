using NetTopologySuite.Geometries;

namespace Open311.Domain.Jurisdictions;

/// <summary>A named area of a jurisdiction, used to file requests by place and to filter and report on them.</summary>
public sealed class Neighborhood
{
    private Neighborhood()
    {
        JurisdictionId = string.Empty;
        Name = string.Empty;
        Geometry = MultiPolygon.Empty;
    }

    public Neighborhood(string jurisdictionId, string name, MultiPolygon geometry)
    {
        JurisdictionId = jurisdictionId;
        Name = name;
        Geometry = geometry;
    }

    public int Id { get; private set; }

    public string JurisdictionId { get; private set; }

    public string Name { get; private set; }

    public MultiPolygon Geometry { get; private set; }

    public void Reshape(MultiPolygon geometry) => Geometry = geometry;
}
