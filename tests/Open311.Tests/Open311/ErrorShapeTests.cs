using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Open311.Tests.GeoReport;

/// <summary>Every failure under /open311 keeps the Open311 error shape in the suffix's format, and GETs allow any origin.</summary>
public sealed class ErrorShapeTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/open311/v2/services.html", "Unknown format 'html'")]
    [InlineData("/open311/v2/nothing.xml", "No Open311 resource at '/open311/v2/nothing.xml'")]
    [InlineData("/open311/v2/requests/424242.xml", "Unknown service_request_id '424242'")]
    [InlineData("/open311/v2/tokens/nope.xml", "Unknown token 'nope'")]
    [InlineData("/open311/v2/services", "No Open311 resource")]
    [InlineData("/open311/discovery.yaml", "Unknown format 'yaml'")]
    public async Task NotFound_XmlOrUnknownSuffix_ReturnsXmlErrorList(string path, string expected)
    {
        using var response = await _client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        var error = Assert.Single(XDocument.Parse(text).Root!.Elements("error"));
        Assert.Equal("404", error.Element("code")!.Value);
        Assert.Contains(expected, error.Element("description")!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/open311/v2/nothing.json")]
    [InlineData("/open311/v2/requests/424242.json")]
    [InlineData("/open311/v2/services/NOPE.json")]
    [InlineData("/open311/v2/tokens/nope.json")]
    [InlineData("/open311/v2/services.json?jurisdiction_id=nowhere.example")]
    public async Task NotFound_JsonSuffix_ReturnsJsonErrorArray(string path)
    {
        using var response = await _client.GetAsync(path);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var error = Assert.Single(body.EnumerateArray());
        Assert.Equal(404, error.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task MethodNotAllowed_Delete_Returns405ErrorList()
    {
        using var response = await _client.DeleteAsync("/open311/v2/services.json");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var error = Assert.Single(body.EnumerateArray());
        Assert.Equal(405, error.GetProperty("code").GetInt32());
        Assert.Contains("Method DELETE is not allowed", error.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "/open311/v2/requests.json", "GET, HEAD, POST")]
    [InlineData("DELETE", "/open311/v2/services.json", "GET, HEAD")]
    [InlineData("POST", "/open311/v2/services.json", "GET, HEAD")]
    [InlineData("POST", "/open311/v2/tokens/abc.json", "GET, HEAD")]
    [InlineData("POST", "/open311/discovery.json", "GET, HEAD")]
    [InlineData("POST", "/open311/v2/requests/nearby.json", "GET, HEAD")]
    public async Task MethodNotAllowed_AnyRoute_ListsOnlyItsMethods(string method, string path, string allowed)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await _client.SendAsync(request);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
        Assert.EndsWith($"Allowed: {allowed}.", Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotFound_PostToUnknownResource_Returns404()
    {
        using var response = await _client.PostAsync("/open311/v2/nothing.json", content: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.ReadJsonAsync())[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task BadRequest_SeveralArguments_ListsEach()
    {
        var (response, body) = await _client.GetXmlAsync("/open311/v2/requests.xml?status=pending&start_date=yesterday&page_size=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var descriptions = body.Elements("error").Select(error => error.Element("description")!.Value).ToArray();
        Assert.Equal(3, descriptions.Length);
        Assert.Contains(descriptions, description => description.StartsWith("Invalid page_size", StringComparison.Ordinal));
        Assert.Contains(descriptions, description => description.StartsWith("Invalid status", StringComparison.Ordinal));
        Assert.Contains(descriptions, description => description.StartsWith("Invalid start_date", StringComparison.Ordinal));
        Assert.All(body.Elements("error"), error => Assert.Equal("400", error.Element("code")!.Value));
    }

    [Fact]
    public async Task Cors_Get_AllowsAnyOriginEvenOnErrors()
    {
        using var ok = await _client.GetAsync("/open311/v2/services.json");
        using var notFound = await _client.GetAsync("/open311/v2/nothing.json");

        Assert.Equal("*", Assert.Single(ok.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("*", Assert.Single(notFound.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Cors_Post_SendsNoAllowOrigin()
    {
        using var content = new FormUrlEncodedContent([new("service_code", "POTHOLE")]);

        using var response = await _client.PostAsync("/open311/v2/requests.json", content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task UnreadableBody_JsonPosted_Returns415ErrorList()
    {
        using var content = new StringContent("{\"service_code\":\"POTHOLE\"}", Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync("/open311/v2/requests.json", content);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/x-www-form-urlencoded", Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
    }
}
