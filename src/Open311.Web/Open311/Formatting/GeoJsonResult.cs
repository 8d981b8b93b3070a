using System.Text.Json;

namespace Open311.Web.GeoReport.Formatting;

/// <summary>
/// Requests as a GeoJSON FeatureCollection (RFC 7946): one Point feature per request with a location, its
/// public fields as properties. Requests without a point cannot be features and are left out.
/// </summary>
public sealed class GeoJsonResult(IReadOnlyList<ServiceRequestWire> requests) : IResult, IStatusCodeHttpResult
{
    public const string ContentType = "application/geo+json; charset=utf-8";

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = Write(requests);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.ContentLength = body.Length;
        httpContext.Items[Open311Result.BodyWrittenKey] = true;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    public static byte[] Write(IEnumerable<ServiceRequestWire> requests)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WireWriter.JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "FeatureCollection");
            writer.WriteStartArray("features");
            foreach (var request in requests.Where(request => request.Lat is not null && request.Long is not null))
            {
                writer.WriteStartObject();
                writer.WriteString("type", "Feature");
                writer.WriteString("id", request.ServiceRequestId);
                writer.WriteStartObject("geometry");
                writer.WriteString("type", "Point");
                writer.WriteStartArray("coordinates");
                WireWriter.WriteJsonValue(writer, request.Long);
                WireWriter.WriteJsonValue(writer, request.Lat);
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WritePropertyName("properties");
                WireWriter.WriteJsonObject(writer, request);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
