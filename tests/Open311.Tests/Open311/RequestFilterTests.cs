using System.Net;

namespace Open311.Tests.GeoReport;

/// <summary>GET requests filters: date windows and zones, service codes, status, paging, radius, box and neighbourhood.</summary>
public sealed class RequestFilterTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("start_date=2014-04-30T14:45:01.017Z&end_date=2014-04-30T15:45:01.017Z")]
    [InlineData("start_date=2014-04-30T07:45:01.017-07:00&end_date=2014-04-30T08:45:01.017-07:00")]
    [InlineData("start_date=2014-04-30T07:45:01.017%2D07:00&end_date=2014-04-30T15:45:01Z")]
    [InlineData("start_date=2014-04-30T14:45:01Z&end_date=2014-04-30T15:45:01Z")]
    [InlineData("start_date=2014-04-30T21:45:01+07:00&end_date=2014-04-30T22:45:01%2B07:00")]
    public async Task Dates_FullInstants_CompareOnInstantNotDate(string query)
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/requests.json?" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["1006"], body.Ids());
    }

    [Fact]
    public async Task Dates_StartAfterEnd_Returns400NamingStartDate()
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/requests.json?start_date=2014-05-01T00:00:00Z&end_date=2014-04-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var description = Assert.Single(body.ErrorDescriptions());
        Assert.Contains("start_date", description, StringComparison.Ordinal);
        Assert.Contains("after end_date", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_SpanOver90Days_Returns400()
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/requests.json?start_date=2014-01-01T00:00:00Z&end_date=2014-07-20T00:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("maximum of 90 days", Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_None_Last90DaysNewestFirst()
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/requests.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["1004", "1003", "1001"], body.Ids());
    }

    [Fact]
    public async Task Dates_OnlyStart_Runs90DaysAfter()
    {
        var (_, body) = await _client.GetJsonAsync("/open311/v2/requests.json?start_date=2014-01-01T00:00:00Z");

        Assert.Equal(["1002"], body.Ids());
    }

    [Fact]
    public async Task Dates_OnlyEnd_Runs90DaysBefore()
    {
        var (_, body) = await _client.GetJsonAsync("/open311/v2/requests.json?end_date=2014-05-01T00:00:00Z");

        Assert.Equal(["1006", "1007"], body.Ids());
    }

    [Theory]
    [InlineData("start_date=2014-04-30T14:45:01", "start_date")]
    [InlineData("end_date=2014-04-30", "end_date")]
    [InlineData("updated_after=2014-04-30T14:45:01.5", "updated_after")]
    public async Task Dates_NoZone_Returns400SayingZoneRequired(string query, string parameter)
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/requests.json?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var description = Assert.Single(body.ErrorDescriptions());
        Assert.StartsWith($"Invalid {parameter}", description, StringComparison.Ordinal);
        Assert.Contains("a time zone is required", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_Output_CarryOffsetForSummerAndWinter()
    {
        var (_, summer) = await _client.GetJsonAsync("/open311/v2/requests/1001.json");
        var (_, winter) = await _client.GetJsonAsync("/open311/v2/requests/1002.json");

        Assert.Equal("2014-07-15T10:30:00-07:00", summer[0].GetProperty("requested_datetime").GetString());
        Assert.Equal("2014-01-15T09:00:00-08:00", winter[0].GetProperty("requested_datetime").GetString());
    }

    [Fact]
    public async Task ServiceCode_Unknown_ReturnsEmptyListNotAll()
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/requests.json?service_code=NOPE");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body.GetArrayLength());
    }

    [Fact]
    public async Task ServiceCode_CommaList_KeepsEachCode()
    {
        var (_, body) = await _client.GetJsonAsync("/open311/v2/requests.json?service_code=GRAFFITI,STREETLIGHT");

        Assert.Equal(["1004", "1003"], body.Ids());
    }

    [Theory]
    [InlineData("OPEN", new[] { "1003", "1001" })]
    [InlineData("closed", new[] { "1004" })]
    [InlineData("open,closed", new[] { "1004", "1003", "1001" })]
    [InlineData("Closed, OPEN", new[] { "1004", "1003", "1001" })]
    public async Task Status_CaseInsensitive_FiltersOnWireStatus(string status, string[] expected)
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/requests.json?status=" + status);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, body.Ids());
        Assert.All(body.EnumerateArray(), item => Assert.Contains(item.GetProperty("status").GetString(), new[] { "open", "closed" }));
    }

    [Fact]
    public async Task Status_Unknown_Returns400()
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/requests.json?status=pending");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Invalid status 'pending'", Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceRequestId_List_OverridesOtherFilters()
    {
        var (_, body) = await _client.GetJsonAsync("/open311/v2/requests.json?service_request_id=1002,1006,9001&status=open&service_code=GRAFFITI");

        Assert.Equal(["1006", "1002"], body.Ids());
    }

    [Fact]
    public async Task Paging_SecondPage_ContinuesWithoutOverlap()
    {
        var (_, first) = await _client.GetJsonAsync("/open311/v2/requests.json?page_size=2");
        var (_, second) = await _client.GetJsonAsync("/open311/v2/requests.json?page_size=2&page=2");
        var (_, past) = await _client.GetJsonAsync("/open311/v2/requests.json?page_size=2&page=3");

        Assert.Equal(["1004", "1003"], first.Ids());
        Assert.Equal(["1001"], second.Ids());
        Assert.Equal(0, past.GetArrayLength());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page_size=1001", "page_size")]
    [InlineData("page_size=-1", "page_size")]
    [InlineData("extensions=yes", "extensions")]
    public async Task Paging_BadValue_Returns400NamingParameter(string query, string parameter)
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/requests.json?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith($"Invalid {parameter} ", Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatedAfter_WithoutDates_FindsOldChanges()
    {
        var (_, body) = await _client.GetJsonAsync("/open311/v2/requests.json?updated_after=2014-01-19T00:00:00Z&updated_before=2014-07-01T00:00:00Z");

        Assert.Equal(["1006", "1007", "1002"], body.Ids());
    }

    [Fact]
    public async Task Radius_AroundPoint_KeepsRequestsWithinMetres()
    {
        // 1001 is at (37.76, -122.42); 0.01 degrees of latitude is about 1,112 m.
        var (_, near) = await _client.GetJsonAsync("/open311/v2/requests.json?lat=37.77&long=-122.42&radius=1200");
        var (_, tooShort) = await _client.GetJsonAsync("/open311/v2/requests.json?lat=37.77&long=-122.42&radius=1000");

        Assert.Equal(["1001"], near.Ids());
        Assert.Equal(0, tooShort.GetArrayLength());
    }

    [Theory]
    [InlineData("lat=37.77&long=-122.42", "send lat, long and radius")]
    [InlineData("lat=37.77&long=-122.42&radius=5001", "Invalid radius")]
    [InlineData("lat=37,77&long=-122.42&radius=100", "Invalid lat")]
    [InlineData("lat=91&long=-122.42&radius=100", "Invalid lat")]
    [InlineData("lat=37.77&long=181&radius=100", "Invalid long")]
    public async Task Radius_BadArguments_Returns400(string query, string expected)
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/requests.json?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bbox_WestSouthEastNorth_KeepsRequestsInside()
    {
        var (_, body) = await _client.GetJsonAsync("/open311/v2/requests.json?bbox=-122.43,37.75,-122.40,37.81");

        Assert.Equal(["1004", "1001"], body.Ids());
    }

    [Fact]
    public async Task Bbox_LatitudeFirst_Returns400()
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/requests.json?bbox=37.75,-122.43,37.81,-122.40");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("latitudes between -90 and 90, in the order min_long,min_lat,max_long,max_lat", Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mission", new[] { "1001" })]
    [InlineData("OUTER SUNSET", new string[0])]
    [InlineData("Atlantis", new string[0])]
    public async Task Neighborhood_NameIgnoringCase_FiltersRequests(string name, string[] expected)
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/requests.json?neighborhood=" + Uri.EscapeDataString(name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, body.Ids());
    }

    [Fact]
    public async Task Neighborhood_WinterRequest_FoundInItsWindow()
    {
        var (_, body) = await _client.GetJsonAsync("/open311/v2/requests.json?neighborhood=outer%20sunset&start_date=2014-01-01T00:00:00Z");

        Assert.Equal(["1002"], body.Ids());
    }

    [Fact]
    public async Task Jurisdiction_Other_ListsOnlyItsRequests()
    {
        var (_, body) = await _client.GetJsonAsync("/open311/v2/requests.json?jurisdiction_id=other.example");

        Assert.Equal(["9001"], body.Ids());
    }

    [Fact]
    public async Task Jurisdiction_Unknown_Returns404()
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/requests.json?jurisdiction_id=nowhere.example");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("nowhere.example", Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeoJson_RequestWithoutPoint_LeftOut()
    {
        var (response, body) = await _client.GetJsonAsync("/open311/v2/requests.geojson?service_code=GRAFFITI,POTHOLE");

        Assert.Equal("application/geo+json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var ids = body.GetProperty("features").EnumerateArray().Select(feature => feature.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(["1001"], ids);
    }
}
