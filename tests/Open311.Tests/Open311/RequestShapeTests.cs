using System.Text.Json;

namespace Open311.Tests.GeoReport;

/// <summary>The request list against the schema clients validate with: every key present, ids as strings, coordinates as numbers.</summary>
public sealed class RequestShapeTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    private static readonly string[] Fields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description",
        "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
        "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Json_Request_HasEveryKeyTyped()
    {
        var (_, body) = await _client.GetJsonAsync("/open311/v2/requests.json?service_request_id=1001,1002,1003,1004");

        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        Assert.Equal(4, body.GetArrayLength());
        foreach (var item in body.EnumerateArray())
        {
            Assert.Equal(Fields, item.EnumerateObject().Select(property => property.Name).ToArray());
            Assert.Equal(JsonValueKind.String, item.GetProperty("service_request_id").ValueKind);
            Assert.Equal(JsonValueKind.String, item.GetProperty("service_code").ValueKind);
            Assert.Contains(item.GetProperty("lat").ValueKind, new[] { JsonValueKind.Number, JsonValueKind.Null });
            Assert.Contains(item.GetProperty("long").ValueKind, new[] { JsonValueKind.Number, JsonValueKind.Null });
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", item.GetProperty("requested_datetime").GetString());
        }
    }

    [Fact]
    public async Task Json_SingleRequest_IsArrayOfOne()
    {
        var (_, body) = await _client.GetJsonAsync("/open311/v2/requests/1003.json");

        var item = Assert.Single(body.EnumerateArray());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("lat").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("media_url").ValueKind);
    }

    [Fact]
    public async Task Xml_Request_HasEveryElement()
    {
        var (_, body) = await _client.GetXmlAsync("/open311/v2/requests.xml?service_request_id=1003");

        Assert.Equal("service_requests", body.Name.LocalName);
        var request = Assert.Single(body.Elements("request"));
        Assert.Equal(Fields, request.Elements().Select(element => element.Name.LocalName).ToArray());
        Assert.True(request.Element("lat")!.IsEmpty);
        Assert.Equal("1003", request.Element("service_request_id")!.Value);
    }

    [Fact]
    public async Task Json_ScriptDescription_ReturnedLiterally()
    {
        var (_, body) = await _client.GetJsonAsync("/open311/v2/requests/1004.json");
        var (_, xml) = await _client.GetXmlAsync("/open311/v2/requests/1004.xml");

        Assert.Equal("<script>alert(1)</script> & \"quotes\"", body[0].GetProperty("description").GetString());
        Assert.Equal("<script>alert(1)</script> & \"quotes\"", xml.Element("request")!.Element("description")!.Value);
    }
}
