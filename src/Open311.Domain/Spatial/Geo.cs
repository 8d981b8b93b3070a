using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Open311.Domain.Spatial;

/// <summary>
/// The one place that builds geometries. Every geometry is WGS84 (SRID 4326) with X = longitude and
/// Y = latitude, the axis order PostGIS and GeoJSON use; callers never build a <see cref="Point"/> by hand.
/// </summary>
public static class Geo
{
    public const int Srid = 4326;

    public static GeometryFactory Factory { get; } =
        NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(), Srid);

    public static Point Point(double latitude, double longitude) =>
        Factory.CreatePoint(new Coordinate(longitude, latitude));

    public static MultiPolygon ToMultiPolygon(Geometry geometry) => geometry switch
    {
        MultiPolygon multi => multi,
        Polygon polygon => Factory.CreateMultiPolygon([polygon]),
        _ => throw new ArgumentException($"Expected a Polygon or MultiPolygon, got {geometry.GeometryType}.", nameof(geometry)),
    };
}
