using System.Globalization;
using NetTopologySuite.Geometries;
using Open311.Domain.Spatial;

namespace Open311.Web.GeoReport.Queries;

/// <summary>
/// Parses coordinates, radii and boxes from query strings with the invariant culture, so <c>39,96</c>
/// is an error rather than 3996.
/// </summary>
public static class GeoArguments
{
    /// <summary>The largest radius accepted by the radius search, in metres.</summary>
    public const double MaxRadiusMetres = 5000;

    private const NumberStyles Decimal = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    public static bool TryParseLatitude(string parameter, string value, out double latitude, out string? error) =>
        TryParseInRange(parameter, value, 90, "decimal degrees between -90 and 90", out latitude, out error);

    public static bool TryParseLongitude(string parameter, string value, out double longitude, out string? error) =>
        TryParseInRange(parameter, value, 180, "decimal degrees between -180 and 180", out longitude, out error);

    /// <summary>Parses a radius in metres: greater than 0 and at most <see cref="MaxRadiusMetres"/>.</summary>
    public static bool TryParseRadius(string value, out double metres, out string? error)
    {
        if (!TryParseNumber(value, out metres) || metres <= 0 || metres > MaxRadiusMetres)
        {
            error = $"Invalid radius '{value}': expected metres greater than 0 and at most {MaxRadiusMetres:0}, written with a dot for decimals.";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>
    /// Parses <c>bbox=min_long,min_lat,max_long,max_lat</c> (west, south, east, north) into a WGS84 polygon.
    /// Minimums must be below maximums, so a box cannot cross the 180th meridian.
    /// </summary>
    public static bool TryParseBox(string value, out Polygon? box, out string? error)
    {
        box = null;
        var parts = value.Split(',');
        var numbers = new double[4];
        if (parts.Length != 4 || !parts.Select((part, index) => TryParseNumber(part, out numbers[index])).All(ok => ok))
        {
            error = $"Invalid bbox '{value}': expected four numbers min_long,min_lat,max_long,max_lat (west,south,east,north) with dots for decimals, for example -122.45,37.75,-122.40,37.80.";
            return false;
        }

        var (minLong, minLat, maxLong, maxLat) = (numbers[0], numbers[1], numbers[2], numbers[3]);
        if (Math.Abs(minLong) > 180 || Math.Abs(maxLong) > 180 || Math.Abs(minLat) > 90 || Math.Abs(maxLat) > 90)
        {
            error = $"Invalid bbox '{value}': longitudes must be between -180 and 180 and latitudes between -90 and 90, in the order min_long,min_lat,max_long,max_lat.";
            return false;
        }

        if (minLong >= maxLong || minLat >= maxLat)
        {
            error = $"Invalid bbox '{value}': min_long must be less than max_long and min_lat less than max_lat (order min_long,min_lat,max_long,max_lat).";
            return false;
        }

        box = Geo.Factory.CreatePolygon(
        [
            new Coordinate(minLong, minLat),
            new Coordinate(maxLong, minLat),
            new Coordinate(maxLong, maxLat),
            new Coordinate(minLong, maxLat),
            new Coordinate(minLong, minLat),
        ]);
        error = null;
        return true;
    }

    private static bool TryParseInRange(string parameter, string value, double limit, string expected, out double number, out string? error)
    {
        if (!TryParseNumber(value, out number) || Math.Abs(number) > limit)
        {
            error = $"Invalid {parameter} '{value}': expected {expected}, written with a dot for decimals.";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryParseNumber(string value, out double number) =>
        double.TryParse(value, Decimal, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
