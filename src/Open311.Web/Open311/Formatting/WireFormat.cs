namespace Open311.Web.GeoReport.Formatting;

/// <summary>The response format chosen by a path's suffix (<c>services.xml</c>, <c>services.json</c>).</summary>
public enum WireFormat
{
    Xml,
    Json,
}

public static class WireFormats
{
    public const string XmlContentType = "text/xml; charset=utf-8";

    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Reads a suffix case-insensitively; only <c>xml</c> and <c>json</c> are formats.</summary>
    public static bool TryParse(string? suffix, out WireFormat format)
    {
        format = WireFormat.Xml;
        if (string.Equals(suffix, "xml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(suffix, "json", StringComparison.OrdinalIgnoreCase))
        {
            format = WireFormat.Json;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Picks the error format from a path: JSON when the last segment ends in <c>.json</c> (or <c>.geojson</c>),
    /// XML otherwise, because XML is the format the spec requires every server to offer.
    /// </summary>
    public static WireFormat FromPath(PathString path)
    {
        var value = path.Value ?? string.Empty;
        var lastSegment = value[(value.LastIndexOf('/') + 1)..];
        var dot = lastSegment.LastIndexOf('.');
        var suffix = dot < 0 ? string.Empty : lastSegment[(dot + 1)..];
        return suffix.Equals("json", StringComparison.OrdinalIgnoreCase) || suffix.Equals("geojson", StringComparison.OrdinalIgnoreCase)
            ? WireFormat.Json
            : WireFormat.Xml;
    }
}
