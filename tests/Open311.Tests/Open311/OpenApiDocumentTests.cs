using System.Net;
using System.Text.Json;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

/// <summary>The committed <c>openapi/open311.json</c> must match the description the host serves.</summary>
public sealed class OpenApiDocumentTests(Open311AppFactory factory) : IClassFixture<Open311AppFactory>
{
    [Fact]
    public async Task Document_Live_MatchesCommittedFile()
    {
        using var client = factory.CreateClient();
        var path = Path.Combine(RepositoryRoot.Find(), "openapi", "open311.json");

        var live = Normalize(await client.GetStringAsync("/swagger/open311/swagger.json"));

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, live);
            return;
        }

        Assert.True(File.Exists(path), "openapi/open311.json is missing. Run this test with UPDATE_OPENAPI=1 to write it, then commit it.");
        var committed = await File.ReadAllTextAsync(path);
        Assert.True(committed == live,
            "The API description differs from openapi/open311.json. If the change is intended, rerun with UPDATE_OPENAPI=1 " +
            "(for example: UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests), review the diff and commit it.");
    }

    [Fact]
    public async Task SwaggerUi_Served()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_RequestsParameters_DescribeLimitsAndAxisOrder()
    {
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/open311/swagger.json"));

        var parameters = document.RootElement.GetProperty("paths").GetProperty("/open311/v2/requests.{format}")
            .GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(parameter => parameter.GetProperty("name").GetString()!, parameter => parameter.GetProperty("description").GetString()!);
        Assert.Contains("min_long,min_lat,max_long,max_lat", parameters["bbox"], StringComparison.Ordinal);
        Assert.Contains("at most 5000", parameters["radius"], StringComparison.Ordinal);
        Assert.Contains("1 to 1000", parameters["page_size"], StringComparison.Ordinal);
        Assert.All(parameters.Values, description => Assert.False(string.IsNullOrWhiteSpace(description)));
    }

    /// <summary>Re-indents the document so the committed file is stable and readable in diffs.</summary>
    private static string Normalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
