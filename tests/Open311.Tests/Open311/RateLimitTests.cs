using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;

namespace Open311.Tests.GeoReport;

/// <summary>The host with budgets small enough to exhaust in a test: three reads and two writes a minute.</summary>
public sealed class RateLimitedAppFactory : ApiAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Open311:RateLimit:ReadsPerMinute", "3");
        builder.UseSetting("Open311:RateLimit:WritesPerMinute", "2");
    }
}

public sealed class RateLimitTests(RateLimitedAppFactory factory) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task Reads_OverBudget_Return429WithRetryAfter()
    {
        using var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/open311/v2/services.json");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var rejected = await client.GetAsync("/open311/v2/services.json");
        var body = await rejected.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal("application/json; charset=utf-8", rejected.Content.Headers.ContentType?.ToString());
        var retryAfter = Assert.Single(rejected.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        using var errors = System.Text.Json.JsonDocument.Parse(body);
        var error = Assert.Single(errors.RootElement.EnumerateArray());
        Assert.Equal("429", error.GetProperty("code").ToString());
        Assert.Contains("Retry-After", error.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_OverBudget_StoreNothing()
    {
        using var client = factory.CreateClient();
        var before = await factory.WithDbAsync(db => Task.FromResult(db.ServiceRequests.Count()));
        for (var i = 0; i < 2; i++)
        {
            using var spent = await client.PostAsync("/open311/v2/requests.xml", new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.Forbidden, spent.StatusCode);
        }

        using var rejected = await client.PostAsync(
            "/open311/v2/requests.xml",
            new FormUrlEncodedContent([new("api_key", Open311.Tests.Infrastructure.Open311AppFactory.ApiKey), new("service_code", "POTHOLE"), new("address_string", "1 Main St")]));
        var body = XDocument.Parse(await rejected.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal("429", body.Root?.Element("error")?.Element("code")?.Value);
        Assert.Equal(before, await factory.WithDbAsync(db => Task.FromResult(db.ServiceRequests.Count())));
    }
}
