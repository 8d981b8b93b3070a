using System.Text.Json;
using System.Xml.Linq;

namespace Open311.Tests.GeoReport;

/// <summary>Reads Open311 responses in tests: JSON as a document, XML as an element tree.</summary>
public static class ResponseReading
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return (response, document.RootElement.Clone());
    }

    public static async Task<(HttpResponseMessage Response, XElement Body)> GetXmlAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response, XDocument.Parse(text).Root!);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The <c>service_request_id</c> of each item of a JSON request list, in order.</summary>
    public static string[] Ids(this JsonElement list) =>
        list.EnumerateArray().Select(item => item.GetProperty("service_request_id").GetString()!).ToArray();

    /// <summary>The descriptions of a JSON error list.</summary>
    public static string[] ErrorDescriptions(this JsonElement errors) =>
        errors.EnumerateArray().Select(error => error.GetProperty("description").GetString()!).ToArray();
}
