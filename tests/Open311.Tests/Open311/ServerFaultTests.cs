using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Open311.Tests.GeoReport;

/// <summary>A real server fault (a table gone from the database) still gets a reply in the Open311 error shape, without internal detail.</summary>
public sealed class ServerFaultTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    [Fact]
    public async Task Fault_DatabaseError_Returns500ErrorListWithoutDetail()
    {
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE services RENAME TO services_moved"));
        using var client = factory.CreateClient();

        using var json = await client.GetAsync("/open311/v2/services.json");
        using var xml = await client.GetAsync("/open311/v2/services.xml");
        var jsonText = await json.Content.ReadAsStringAsync();
        var xmlText = await xml.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, json.StatusCode);
        Assert.Equal("application/json; charset=utf-8", json.Content.Headers.ContentType!.ToString());
        var error = Assert.Single((await json.ReadJsonAsync()).EnumerateArray());
        Assert.Equal(500, error.GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.InternalServerError, xml.StatusCode);
        Assert.Contains("<code>500</code>", xmlText, StringComparison.Ordinal);
        foreach (var text in new[] { jsonText, xmlText })
        {
            Assert.DoesNotContain("services", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Npgsql", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        }
    }
}
