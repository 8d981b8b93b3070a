using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Open311.Tests.GeoReport;

public sealed class DiscoveryTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    [Fact]
    public async Task Discovery_NoBaseUrl_BuildsUrlFromRequest()
    {
        using var client = factory.CreateClient();

        var (response, body) = await client.GetJsonAsync("/open311/discovery.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var endpoint = Assert.Single(body.GetProperty("endpoints").EnumerateArray());
        Assert.Equal("http://localhost/open311/v2", endpoint.GetProperty("url").GetString());
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(format => format.GetString()!).ToArray());
    }

    [Fact]
    public async Task Discovery_Configured_PrintsConfiguredValues()
    {
        using var configured = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Open311:PublicBaseUrl", "https://311.example.org/open311/v2/")
            .UseSetting("Open311:Discovery:Contact", "open311@example.org")
            .UseSetting("Open311:Discovery:KeyService", "https://311.example.org/keys")
            .UseSetting("Open311:Discovery:EndpointType", "test")
            .UseSetting("Open311:Discovery:Changeset", "2026-11-02T10:00:00Z"));
        using var client = configured.CreateClient();

        var (_, body) = await client.GetXmlAsync("/open311/discovery.xml");

        Assert.Equal("2026-11-02T10:00:00+00:00", body.Element("changeset")!.Value);
        Assert.Equal("open311@example.org", body.Element("contact")!.Value);
        Assert.Equal("https://311.example.org/keys", body.Element("key_service")!.Value);
        var endpoint = body.Element("endpoints")!.Element("endpoint")!;
        Assert.Equal("https://311.example.org/open311/v2", endpoint.Element("url")!.Value);
        Assert.Equal("test", endpoint.Element("type")!.Value);
    }
}
