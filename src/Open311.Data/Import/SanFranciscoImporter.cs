namespace Open311.Data.Import;

/// <summary>
/// Imports the San Francisco pack (<c>sfgov.org</c>, the default jurisdiction): the 2012 service catalogue,
/// the 41 analysis neighbourhoods, the boundary as their union, and the SF311 case sample with its history.
/// </summary>
internal sealed class SanFranciscoImporter : IDataPackImporter
{
    public const string Id = "sfgov.org";

    private const string TimeZoneId = "America/Los_Angeles";

    public string JurisdictionId => Id;

    public async Task ImportAsync(CatalogWriter writer, string dataDirectory, ImportReport report, CancellationToken cancellationToken)
    {
        await writer.EnsureJurisdictionAsync(Id, "City and County of San Francisco", TimeZoneId, isDefault: true, cancellationToken);

        var services = ServicesXml.Read(Path.Combine(dataDirectory, "services", "sf_services_2012-05-23.xml"), "services", report);
        var newServices = await writer.UpsertServicesAsync(Id, services, cancellationToken);
        report.Count("services", services.Count, services.Count, newServices);

        var neighborhoods = await NeighborhoodFile.ReadAsync(
            Path.Combine(dataDirectory, "boundaries", "sf_analysis_neighborhoods.geojson"), "nhood", report, cancellationToken);
        var newNeighborhoods = await writer.UpsertNeighborhoodsAsync(Id, neighborhoods, cancellationToken);
        report.Count(NeighborhoodFile.Kind, neighborhoods.Count, neighborhoods.Count, newNeighborhoods);
        await writer.SetBoundaryToNeighborhoodUnionAsync(Id, cancellationToken);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var cases = SanFranciscoCases.Read(Path.Combine(dataDirectory, "requests", "sf311_cases_sample_10000.csv"), zone, report);
        var serviceIds = await EnsureCaseServicesAsync(writer, cases, report, cancellationToken);
        var (stored, inserted, events) = await SanFranciscoRequestWriter.WriteAsync(writer, Id, cases, serviceIds, cancellationToken);
        report.Count(SanFranciscoCases.Kind, cases.Count, stored, inserted);
        report.Count("request events", events, events, events);
    }

    /// <summary>
    /// Returns service name → id for every case, first adding each name that the catalogue lacks as an inactive
    /// service in its case category. The code of an added service is the slug of its name, made unique.
    /// </summary>
    private static async Task<Dictionary<string, int>> EnsureCaseServicesAsync(
        CatalogWriter writer, List<SanFranciscoCase> cases, ImportReport report, CancellationToken cancellationToken)
    {
        var (byCode, byName) = await writer.LoadServicesAsync(Id, cancellationToken);
        var takenCodes = new HashSet<string>(byCode.Keys, StringComparer.Ordinal);
        var missing = cases
            .Where(item => !byName.ContainsKey(item.ServiceName))
            .GroupBy(item => item.ServiceName, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new ServiceRow(
                ServiceCodes.UniqueSlug(group.Key, takenCodes),
                group.Key,
                Description: null,
                Group: group.Key == SanFranciscoCases.UnspecifiedServiceName ? null : MostCommonCategory(group),
                Keywords: null,
                Type: "realtime",
                Active: false))
            .ToList();

        var created = 0;
        if (missing.Count > 0)
        {
            created = await writer.UpsertServicesAsync(Id, missing, cancellationToken);
            (_, byName) = await writer.LoadServicesAsync(Id, cancellationToken);
        }

        report.Count("services added for case names", missing.Count, missing.Count, created);
        return byName;
    }

    private static string? MostCommonCategory(IEnumerable<SanFranciscoCase> cases) => cases
        .Where(item => item.Category is not null)
        .GroupBy(item => item.Category!, StringComparer.Ordinal)
        .OrderByDescending(group => group.Count())
        .ThenBy(group => group.Key, StringComparer.Ordinal)
        .Select(group => group.Key)
        .FirstOrDefault();
}
