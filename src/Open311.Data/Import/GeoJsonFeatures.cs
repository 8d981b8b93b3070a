using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using Open311.Domain.Spatial;

namespace Open311.Data.Import;

/// <summary>Reads GeoJSON FeatureCollections of polygons in WGS84.</summary>
internal static class GeoJsonFeatures
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static async Task<FeatureCollection> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<FeatureCollection>(stream, Options, cancellationToken)
            ?? throw new InvalidDataException($"{path} is empty; expected a GeoJSON FeatureCollection.");
    }

    /// <summary>Returns the property as text, or null when it is missing or JSON null.</summary>
    public static string? Text(IFeature feature, string property)
    {
        var value = feature.Attributes?.GetOptionalValue(property);
        return value switch
        {
            null => null,
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            _ => value.ToString(),
        };
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(Geo.Factory));
        return options;
    }
}

/// <summary>Neighbourhood polygons read from a GeoJSON file, with rejects recorded in the report.</summary>
internal static class NeighborhoodFile
{
    public const string Kind = "neighbourhoods";

    /// <summary>Reads one neighbourhood per feature, named by <paramref name="nameProperty"/>.</summary>
    public static async Task<List<(string Name, NetTopologySuite.Geometries.Geometry Shape)>> ReadAsync(
        string path, string nameProperty, ImportReport report, CancellationToken cancellationToken)
    {
        var features = await GeoJsonFeatures.ReadAsync(path, cancellationToken);
        var neighborhoods = new List<(string, NetTopologySuite.Geometries.Geometry)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < features.Count; index++)
        {
            var feature = features[index];
            var row = $"feature {index + 1}";
            var name = GeoJsonFeatures.Text(feature, nameProperty)?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                report.Reject(Kind, row, $"missing property '{nameProperty}' (the neighbourhood name)");
            }
            else if (feature.Geometry is not (NetTopologySuite.Geometries.Polygon or NetTopologySuite.Geometries.MultiPolygon))
            {
                report.Reject(Kind, $"{row} ({name})", $"geometry is {feature.Geometry?.GeometryType ?? "missing"}; expected Polygon or MultiPolygon");
            }
            else if (!names.Add(name))
            {
                report.Reject(Kind, $"{row} ({name})", "the name appears twice in the file; the first feature was kept");
            }
            else
            {
                neighborhoods.Add((name, feature.Geometry));
            }
        }

        return neighborhoods;
    }
}
