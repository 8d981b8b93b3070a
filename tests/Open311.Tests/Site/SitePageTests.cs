using System.Net;

namespace Open311.Tests.Site;

public sealed class SitePageTests(SiteAppFactory factory) : IClassFixture<SiteAppFactory>
{
    public static TheoryData<string> Pages => new()
    {
        "/",
        "/report",
        "/report/details?service=" + SiteSeed.Pothole,
        "/browse",
        "/report-card",
        "/requests/" + SiteSeed.OpenPublicId,
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Get_HasContentSecurityPolicyWithoutInlineScript(string url)
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain(" style=\"", html);
        Assert.DoesNotContain("//unpkg", html);
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task NonPageResponse_Get_HasNoContentSecurityPolicy()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/media/0123456789abcdef0123456789abcdef.png");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task AreaPage_Get_HasSitePolicy()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/Account/SignIn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
    }

    [Fact]
    public async Task RequestPage_RequestWithContactDetails_ShowsNoneOfThem()
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync("/requests/" + SiteSeed.OpenPublicId);

        Assert.Contains("Deep hole by the bus stop", html);
        Assert.Contains("In the road", html);
        Assert.Contains("Received", html);
        Assert.DoesNotContain(SiteSeed.SecretEmail, html);
        Assert.DoesNotContain(SiteSeed.SecretFirstName, html);
        Assert.DoesNotContain(SiteSeed.SecretLastName, html);
        Assert.DoesNotContain(SiteSeed.SecretPhone, html);
        Assert.DoesNotContain(SiteSeed.SecretDeviceId, html);
        Assert.DoesNotContain("account-55", html);
    }

    [Fact]
    public async Task RequestPage_ClosedRequest_ShowsTimelineWithoutStaffNames()
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync("/requests/900003");

        Assert.Contains("Closed", html);
        Assert.Contains("Fixed", html);
        Assert.Contains("Painted over.", html);
        Assert.DoesNotContain("crew-member-name", html);
    }

    [Fact]
    public async Task RequestPage_UnknownNumber_Returns404WithSearchBox()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/requests/does-not-exist");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No request has the number “does-not-exist”", html);
    }

    [Fact]
    public async Task Browse_ClosedFilter_ListsOnlyClosedRequests()
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync("/browse?status=closed");

        Assert.Contains("#900002", html);
        Assert.Contains("#900005", html);
        Assert.DoesNotContain("#" + SiteSeed.OpenPublicId, html);
        Assert.Contains("<option value=\"closed\" selected=\"selected\">", html);
    }

    [Fact]
    public async Task Browse_ServiceFilter_ListsOnlyThatService()
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync("/browse?service=" + SiteSeed.Pothole);

        Assert.Contains("#" + SiteSeed.OpenPublicId, html);
        Assert.DoesNotContain("#900002", html);
    }

    [Fact]
    public async Task ReportCard_ClosedRequests_ShowsMedianAndLeavesOutNegativeDurations()
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync("/report-card");

        Assert.Contains("Left out of these times: 1 closed request whose closing time is earlier than the request time", html);
        Assert.Matches("<th scope=\"row\">Graffiti</th>\\s*<td class=\"number\">4</td>\\s*<td class=\"number\">3</td>\\s*<td class=\"number\">4.0</td>\\s*<td class=\"number\">5.6</td>", html);
        Assert.Contains("<path class=\"shade shade-4\"", html);
    }

    [Fact]
    public async Task ReportCard_NeighborhoodHandler_ReturnsGeoJson()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/report-card?handler=Neighborhoods");
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("FeatureCollection", json.GetProperty("type").GetString());
        var civic = json.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("name").GetString() == "Civic Center");
        Assert.Contains(civic.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
        Assert.True(civic.GetProperty("properties").GetProperty("requests").GetInt32() >= 5);
    }

    [Fact]
    public async Task Home_Get_ListsServiceGroupsAndLatestRequests()
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("<h3>Streets</h3>", html);
        Assert.Contains("<h3>Cleanliness</h3>", html);
        Assert.Contains("action=\"/requests/find\"", html);
        Assert.Contains("#" + SiteSeed.OpenPublicId, html);
        Assert.Contains("href=\"/report-card\"", html);
    }

    [Fact]
    public async Task Track_Number_RedirectsToRequestPage()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/requests/find?number=%23" + SiteSeed.OpenPublicId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/requests/" + SiteSeed.OpenPublicId, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Switcher_OtherJurisdiction_ShowsItAndKeepsItInLinks()
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync("/?jurisdiction=" + SiteSeed.OtherJurisdictionId);

        Assert.Contains("<h1>Report a problem in Otherville</h1>", html);
        Assert.Contains("<label for=\"jurisdiction-switch\">City</label>", html);
        Assert.Contains($"<option value=\"{SiteSeed.OtherJurisdictionId}\" selected=\"selected\">Otherville</option>", html);
        Assert.Contains($"href=\"/browse?jurisdiction={SiteSeed.OtherJurisdictionId}\"", html);
        Assert.DoesNotContain("#" + SiteSeed.OpenPublicId, html);
    }
}
