using System.Net;

namespace Open311.Tests.GeoReport;

/// <summary>Whole XML and JSON bodies of each GET operation against the fixed dataset, compared with Golden/ files.</summary>
public sealed class GoldenBodyTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    private const string SummerWindow = "start_date=2014-06-01T00:00:00Z&end_date=2014-08-01T00:00:00Z";

    public static TheoryData<string, string> Operations => new()
    {
        { "/open311/v2/services.xml", "services.xml" },
        { "/open311/v2/services.json", "services.json" },
        { "/open311/v2/services/POTHOLE.xml", "service_definition.xml" },
        { "/open311/v2/services/POTHOLE.json", "service_definition.json" },
        { "/open311/v2/services/GRAFFITI.xml", "service_definition_empty.xml" },
        { "/open311/v2/services/GRAFFITI.json", "service_definition_empty.json" },
        { "/open311/v2/requests.xml?" + SummerWindow, "requests.xml" },
        { "/open311/v2/requests.json?" + SummerWindow, "requests.json" },
        { "/open311/v2/requests.xml?extensions=true&" + SummerWindow, "requests_extensions.xml" },
        { "/open311/v2/requests.json?extensions=true&" + SummerWindow, "requests_extensions.json" },
        { "/open311/v2/requests.geojson?" + SummerWindow, "requests.geojson" },
        { "/open311/v2/requests/1002.xml", "request_winter.xml" },
        { "/open311/v2/requests/1002.json", "request_winter.json" },
        { "/open311/v2/tokens/tok-1003.xml", "token.xml" },
        { "/open311/v2/tokens/tok-1003.json", "token.json" },
        { "/open311/v2/servicerequestupdates.xml?start_date=2014-01-01T00:00:00Z&end_date=2014-03-01T00:00:00Z", "updates_winter.xml" },
        { "/open311/v2/servicerequestupdates.xml?" + SummerWindow, "updates.xml" },
        { "/open311/v2/servicerequestupdates.json?" + SummerWindow, "updates.json" },
        { "/open311/discovery.xml", "discovery.xml" },
        { "/open311/discovery.json", "discovery.json" },
        { "/open311/v2/requests.xml?status=pending&page=0&bbox=1,2", "errors.xml" },
        { "/open311/v2/requests.json?status=pending&page=0&bbox=1,2", "errors.json" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Get_FixedDataset_MatchesGoldenBody(string path, string goldenFile)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        var expectedStatus = goldenFile.StartsWith("errors", StringComparison.Ordinal) ? HttpStatusCode.BadRequest : HttpStatusCode.OK;
        Assert.Equal(expectedStatus, response.StatusCode);
        Golden.AssertMatches(goldenFile, body);
    }
}
