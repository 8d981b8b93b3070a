using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace Open311.Tests.GeoReport;

/// <summary>
/// Input a careless or hostile client can send to every GeoReport resource: unstorable characters, extreme dates,
/// broken bodies, huge page numbers, hollow filter values and HEAD. Each gets an Open311 answer, never a 500.
/// </summary>
public sealed class HostileInputTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    private const string Base = "/open311/v2";

    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/requests.json?neighborhood=%00", "neighborhood")]
    [InlineData("/requests.json?service_code=%00", "service_code")]
    [InlineData("/requests.json?service_request_id=1%002", "service_request_id")]
    [InlineData("/requests.json?jurisdiction_id=%00", "jurisdiction_id")]
    [InlineData("/requests.json?status=open%01", "status")]
    [InlineData("/services.json?jurisdiction_id=a%00", "jurisdiction_id")]
    [InlineData("/services/POTHOLE.json?jurisdiction_id=%00", "jurisdiction_id")]
    [InlineData("/servicerequestupdates.json?jurisdiction_id=%00", "jurisdiction_id")]
    [InlineData("/requests/nearby.json?service_code=POTHOLE&lat=37.76&long=-122.42&jurisdiction_id=%00", "jurisdiction_id")]
    [InlineData("/tokens/tok-1003.json?jurisdiction_id=%EF%BF%BF", "jurisdiction_id")]
    [InlineData("/services/%01.json", "service_code")]
    [InlineData("/tokens/a%1F.json", "token")]
    [InlineData("/requests/1%01.json", "service_request_id")]
    [InlineData("/requests/1%0B.json?extensions=true", "service_request_id")]
    public async Task UnstorableCharacter_AnyArgument_Returns400NamingIt(string path, string parameter)
    {
        var (response, body) = await _client.GetJsonAsync(Base + path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(body.EnumerateArray());
        Assert.Equal(400, error.GetProperty("code").GetInt32());
        var description = error.GetProperty("description").GetString()!;
        Assert.Contains(parameter, description, StringComparison.Ordinal);
        Assert.Contains("control character", description, StringComparison.Ordinal);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task UnstorableCharacter_XmlPath_AnswersInXml()
    {
        var (response, body) = await _client.GetXmlAsync(Base + "/requests.xml?service_code=%00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("errors", body.Name.LocalName);
        Assert.Contains("service_code", body.Element("error")!.Element("description")!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("requests.json")]
    [InlineData("requests.xml")]
    [InlineData("requests.geojson")]
    [InlineData("servicerequestupdates.json")]
    public async Task ExtremeDates_NoOverflow_AnswerEmpty(string resource)
    {
        foreach (var query in new[] { "start_date=9999-12-31T23:59:59Z", "end_date=0001-01-01T00:00:00Z" })
        {
            using var response = await _client.GetAsync($"{Base}/{resource}?{query}");
            var text = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (resource.EndsWith(".xml", StringComparison.Ordinal))
            {
                Assert.Empty(XDocument.Parse(text).Root!.Elements());
            }
            else if (resource.EndsWith(".geojson", StringComparison.Ordinal))
            {
                Assert.Contains("\"features\":[]", text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal("[]", text.Trim());
            }
        }
    }

    [Fact]
    public async Task ExtremeDates_BothEdges_Returns400()
    {
        var (response, body) = await _client.GetJsonAsync($"{Base}/requests.json?start_date=0001-01-01T00:00:00Z&end_date=9999-12-31T23:59:59Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("maximum of 90 days", Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not multipart at all")]
    [InlineData("--x\r\nContent-Disposition: form-data; name=\"service_code\"\r\n\r\nPOTH")]
    [InlineData("--x\r\nContent-Disposition: form-data; name=\"service_code\"\r\n")]
    [InlineData("--x\r\n")]
    public async Task Multipart_MalformedOrCutShort_Returns400(string body)
    {
        var before = await CountRequestsAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");

        using var response = await _client.PostAsync($"{Base}/requests.json?api_key={Infrastructure.Open311AppFactory.ApiKey}", content);
        var errors = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("could not be read as multipart/form-data", Assert.Single(errors.ErrorDescriptions()), StringComparison.Ordinal);
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task Form_TooManyFields_Returns400()
    {
        var fields = Enumerable.Range(0, 1025).Select(index => new KeyValuePair<string, string>($"f{index}", "x"));
        using var content = new FormUrlEncodedContent(fields);

        using var response = await _client.PostAsync($"{Base}/requests.xml", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("more than 1024 fields", XDocument.Parse(text).Root!.Element("error")!.Element("description")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_LongFieldName_Returns400()
    {
        using var content = new FormUrlEncodedContent([new(new string('a', 2049), "x"), new("service_code", "POTHOLE")]);

        using var response = await _client.PostAsync($"{Base}/requests.json", content);
        var errors = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("field name is longer than 2048 characters", Assert.Single(errors.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multipart_TooManyFields_Returns400()
    {
        using var content = new MultipartFormDataContent("x");
        for (var index = 0; index < 1025; index++)
        {
            content.Add(new StringContent("x"), $"f{index}");
        }

        using var response = await _client.PostAsync($"{Base}/requests.json", content);
        var errors = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("more than 1024 fields", Assert.Single(errors.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_OverTheSizeLimit_Still413()
    {
        using var content = new FormUrlEncodedContent([new("description", new string('a', 1024 * 1024 + 10))]);

        using var response = await _client.PostAsync($"{Base}/requests.json", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", Assert.Single((await response.ReadJsonAsync()).ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("requests.json?page_size=1000&page=")]
    [InlineData("servicerequestupdates.json?page_size=1000&page=")]
    public async Task Paging_PageFarPastTheEnd_IsEmptyNotPageOne(string query)
    {
        var (firstResponse, first) = await _client.GetJsonAsync($"{Base}/{query}1");
        foreach (var page in new[] { "2147485", "2147483647" })
        {
            var (response, far) = await _client.GetJsonAsync($"{Base}/{query}{page}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, far.GetArrayLength());
        }

        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.True(first.GetArrayLength() > 0);
    }

    [Fact]
    public async Task Paging_DefaultSizeOverflow_IsEmpty()
    {
        var (response, body) = await _client.GetJsonAsync($"{Base}/requests.json?page=2147485");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body.GetArrayLength());
    }

    [Theory]
    [InlineData("service_code=,", "service_code")]
    [InlineData("service_code=%20", "service_code")]
    [InlineData("service_code=%20,%20,", "service_code")]
    [InlineData("status=,", "status")]
    [InlineData("neighborhood=%20", "neighborhood")]
    [InlineData("neighborhood=%0B", "neighborhood")]
    [InlineData("service_request_id=,", "service_request_id")]
    [InlineData("start_date=%20", "start_date")]
    [InlineData("bbox=%20", "bbox")]
    public async Task HollowFilter_Returns400InsteadOfEveryRequest(string query, string parameter)
    {
        var (response, body) = await _client.GetJsonAsync($"{Base}/requests.json?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HollowFilter_EmptyValueCountsAsAbsent()
    {
        var (all, everything) = await _client.GetJsonAsync($"{Base}/requests.json");
        var (empty, withEmpty) = await _client.GetJsonAsync($"{Base}/requests.json?service_code=&status=&neighborhood=");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(everything.Ids(), withEmpty.Ids());
    }

    [Theory]
    [InlineData("/open311/v2/services.json")]
    [InlineData("/open311/v2/services.xml")]
    [InlineData("/open311/v2/services/POTHOLE.json")]
    [InlineData("/open311/v2/requests.json")]
    [InlineData("/open311/v2/requests.geojson")]
    [InlineData("/open311/v2/requests/1001.xml")]
    [InlineData("/open311/v2/requests/nearby.json?service_code=POTHOLE&lat=37.76&long=-122.42")]
    [InlineData("/open311/v2/tokens/tok-1003.json")]
    [InlineData("/open311/v2/servicerequestupdates.json")]
    [InlineData("/open311/discovery.json")]
    [InlineData("/open311/v2/requests/99999.json")]
    [InlineData("/open311/v2/requests.json?page=0")]
    public async Task Head_AnyGetResource_SameStatusAndHeadersNoBody(string path)
    {
        using var get = await _client.GetAsync(path);
        var getBody = await get.Content.ReadAsByteArrayAsync();
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        var headBody = await head.Content.ReadAsByteArrayAsync();

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(getBody.Length, head.Content.Headers.ContentLength);
        Assert.Equal("*", Assert.Single(head.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.NotEmpty(getBody);
        Assert.Empty(headBody);
    }

    [Fact]
    public async Task MethodNotAllowed_GetOnlyPath_ListsHead()
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/open311/v2/services/POTHOLE.json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD", string.Join(", ", response.Content.Headers.Allow));
    }

    private Task<int> CountRequestsAsync() => factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ServiceRequests));
}
