using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Domain.Requests;
using Open311.Domain.Spatial;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Submission;

/// <summary>GET requests/nearby through the real host, with requests placed due north of an origin.</summary>
public sealed class NearbyRequestsApiTests(Open311AppFactory factory) : IClassFixture<Open311AppFactory>, IAsyncLifetime
{
    private const double MetresPerDegreeOfLatitude = 6371008.7714 * Math.PI / 180;
    private const string Origin = "lat=40.05&long=-75.05";

    public async Task InitializeAsync()
    {
        await SubmissionSeed.EnsureAsync(factory);
        await factory.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM service_requests");
            var street = await db.Services.SingleAsync(service => service.Code == SubmissionSeed.Street);
            Add(db, street.Id, "far", 40);
            Add(db, street.Id, "near", 12);
            Add(db, street.Id, "outside the radius", 70);
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static void Add(Open311DbContext db, int serviceId, string description, double metresNorth)
    {
        var request = new ServiceRequest(SubmissionSeed.JurisdictionId, serviceId, DateTimeOffset.UtcNow.AddHours(-1), RequestChannels.Api)
        {
            Description = description,
            Address = "Near the corner",
            Location = Geo.Point(40.05 + (metresNorth / MetresPerDegreeOfLatitude), -75.05),
        };
        request.RecordOpened("test");
        db.ServiceRequests.Add(request);
    }

    [Fact]
    public async Task GetJson_ReturnsNearestFirstWithDistance()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/open311/v2/requests/nearby.json?service_code=STREET&{Origin}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = body.RootElement.EnumerateArray().ToList();
        Assert.Equal(["near", "far"], items.Select(item => item.GetProperty("description").GetString()));
        Assert.Equal([12.0, 40.0], items.Select(item => item.GetProperty("distance_metres").GetDouble()));
        Assert.Equal(JsonValueKind.String, items[0].GetProperty("service_request_id").ValueKind);
        Assert.Equal("open", items[0].GetProperty("status").GetString());
        Assert.Equal("STREET", items[0].GetProperty("service_code").GetString());
        Assert.Equal("Near the corner", items[0].GetProperty("address").GetString());
        Assert.Equal(-75.05, items[0].GetProperty("long").GetDouble());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("media_url").ValueKind);
        Assert.EndsWith(":00", items[0].GetProperty("requested_datetime").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetXml_ReturnsRequestElements()
    {
        using var client = factory.CreateClient();

        var xml = XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/nearby.xml?service_code=STREET&{Origin}"));

        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var requests = xml.Root.Elements("request").ToList();
        Assert.Equal(["near", "far"], requests.Select(request => request.Element("description")!.Value));
        Assert.Equal(["12", "40"], requests.Select(request => request.Element("distance_metres")!.Value));
    }

    [Fact]
    public async Task Get_UnknownService_ReturnsEmptyList()
    {
        using var client = factory.CreateClient();

        var body = await client.GetStringAsync($"/open311/v2/requests/nearby.json?service_code=NOPE&{Origin}");

        Assert.Empty(JsonDocument.Parse(body).RootElement.EnumerateArray());
    }

    [Theory]
    [InlineData("service_code=STREET&lat=40.05", "Missing long")]
    [InlineData("service_code=STREET&lat=40,05&long=-75.05", "Invalid lat '40,05'")]
    [InlineData("service_code=STREET&lat=40.05&long=-190", "Invalid long '-190'")]
    [InlineData("lat=40.05&long=-75.05", "service_code")]
    public async Task Get_BadArguments_Returns400ErrorList(string query, string expected)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/open311/v2/requests/nearby.json?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Contains(errors, error => error.GetProperty("code").GetInt32() == 400
            && error.GetProperty("description").GetString()!.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetById_StillReachesRequestsRoute()
    {
        var publicId = await factory.WithDbAsync(db => db.ServiceRequests.Where(request => request.Description == "near").Select(request => request.PublicId).SingleAsync());
        using var client = factory.CreateClient();

        var body = await client.GetStringAsync($"/open311/v2/requests/{publicId}.json");

        var item = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray());
        Assert.Equal(publicId, item.GetProperty("service_request_id").GetString());
        Assert.False(item.TryGetProperty("distance_metres", out _));
    }
}
