using System.Text.Json.Nodes;
using Open311.Domain.Spatial;

namespace Open311.Data.Import;

/// <summary>
/// Imports the Philadelphia pack (<c>phila.gov</c>): 158 neighbourhoods named by their <c>listname</c>, the city
/// limit as the boundary, and the 52 service names of 2016 as services.
/// </summary>
internal sealed class PhiladelphiaImporter : IDataPackImporter
{
    public const string Id = "phila.gov";

    public string JurisdictionId => Id;

    public async Task ImportAsync(CatalogWriter writer, string dataDirectory, ImportReport report, CancellationToken cancellationToken)
    {
        await writer.EnsureJurisdictionAsync(Id, "City of Philadelphia", "America/New_York", isDefault: false, cancellationToken);

        var boundaryPath = Path.Combine(dataDirectory, "boundaries", "philadelphia_city_limits.geojson");
        var limits = await GeoJsonFeatures.ReadAsync(boundaryPath, cancellationToken);
        if (limits.Count == 0 || limits[0].Geometry is not (NetTopologySuite.Geometries.Polygon or NetTopologySuite.Geometries.MultiPolygon))
        {
            throw new InvalidDataException($"{boundaryPath} must hold the city limit as a Polygon or MultiPolygon in its first feature.");
        }

        await writer.SetBoundaryAsync(Id, Geo.ToMultiPolygon(limits[0].Geometry), cancellationToken);

        var neighborhoods = await NeighborhoodFile.ReadAsync(
            Path.Combine(dataDirectory, "boundaries", "philadelphia_neighborhoods.geojson"), "listname", report, cancellationToken);
        var newNeighborhoods = await writer.UpsertNeighborhoodsAsync(Id, neighborhoods, cancellationToken);
        report.Count(NeighborhoodFile.Kind, neighborhoods.Count, neighborhoods.Count, newNeighborhoods);

        var services = ReadServices(Path.Combine(dataDirectory, "services", "philadelphia_service_names_2016.json"), report);
        var newServices = await writer.UpsertServicesAsync(Id, services, cancellationToken);
        report.Count("services", services.Count, services.Count, newServices);
    }

    /// <summary>
    /// Makes one service per name. The file gives a code only for some names (<c>known_service_codes</c>, which
    /// maps "Graffiti Removal" to <c>SR-CL01</c>); the others get the slug of their name, and a name whose slug
    /// an earlier name in the file already took gets <c>-2</c> ("No Heat Residential" after "No Heat (Residential)").
    /// </summary>
    private static List<ServiceRow> ReadServices(string path, ImportReport report)
    {
        var document = JsonNode.Parse(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} is empty; expected an object with service_names.");
        var names = document["service_names"]?.AsArray()
            ?? throw new InvalidDataException($"{path} lacks the service_names array.");
        var knownCodes = document["known_service_codes"]?.AsObject()
            .ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>(), StringComparer.Ordinal) ?? [];

        var taken = new HashSet<string>(knownCodes.Values, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<ServiceRow>();
        for (var index = 0; index < names.Count; index++)
        {
            var name = names[index]?.GetValue<string>().Trim();
            if (string.IsNullOrEmpty(name))
            {
                report.Reject("services", $"service name {index + 1}", "the name is empty");
                continue;
            }

            if (!seen.Add(name))
            {
                report.Reject("services", $"service name {index + 1} ({name})", "the name appears twice in the file; the first was kept");
                continue;
            }

            var code = knownCodes.TryGetValue(name, out var known) ? known : ServiceCodes.UniqueSlug(name, taken);
            rows.Add(new ServiceRow(code, name, Description: null, Group: null, Keywords: null, "realtime", Active: true));
        }

        return rows;
    }
}
