using System.Net;

namespace Open311.Tests.GeoReport;

public sealed class ServicesApiTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string[] Codes(System.Text.Json.JsonElement list) =>
        list.EnumerateArray().Select(item => item.GetProperty("service_code").GetString()!).ToArray();

    [Fact]
    public async Task List_NoPoint_ListsActiveServices()
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/services.json?jurisdiction_id=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["GRAFFITI", "POTHOLE", "STREETLIGHT"], Codes(body));
    }

    [Fact]
    public async Task List_PointInArea_IncludesLimitedService()
    {
        var (_, body) = await _client.GetJsonAsync("/open311/v2/services.json?lat=37.76&long=-122.42");

        Assert.Equal(["GRAFFITI", "POTHOLE", "STREETLIGHT"], Codes(body));
    }

    [Fact]
    public async Task List_PointOutsideArea_OmitsLimitedService()
    {
        var (_, body) = await _client.GetJsonAsync("/open311/v2/services.json?lat=37.75&long=-122.49");

        Assert.Equal(["POTHOLE", "STREETLIGHT"], Codes(body));
    }

    [Fact]
    public async Task List_PointOutsideJurisdiction_ReturnsEmptyList()
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/services.json?lat=40.0&long=-75.1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body.GetArrayLength());
    }

    [Theory]
    [InlineData("lat=37.76", "Missing long")]
    [InlineData("long=-122.42", "Missing lat")]
    [InlineData("lat=37,76&long=-122.42", "Invalid lat '37,76'")]
    [InlineData("lat=-91&long=-122.42", "Invalid lat")]
    public async Task List_BadPoint_Returns400(string query, string expected)
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/services.json?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(expected, Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_OtherJurisdiction_ListsItsOwnServices()
    {
        var (_, body) = await _client.GetJsonAsync("/open311/v2/services.json?jurisdiction_id=other.example");

        Assert.Equal(["POTHOLE"], Codes(body));
        Assert.Equal("Pothole elsewhere", body[0].GetProperty("service_name").GetString());
    }

    [Theory]
    [InlineData("NOPE")]
    [InlineData("RETIRED")]
    public async Task Definition_UnknownOrInactive_Returns404(string code)
    {
        var (response, body) = await _client.GetJsonAsync($"/open311/v2/services/{code}.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"Unknown service_code '{code}'", Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Definition_NoMetadata_ReturnsEmptyAttributeArray()
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/services/STREETLIGHT.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("STREETLIGHT", body.GetProperty("service_code").GetString());
        Assert.Equal(0, body.GetProperty("attributes").GetArrayLength());
    }
}
