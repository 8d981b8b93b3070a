namespace Open311.Web.Site;

/// <summary>Map settings of the public site, under <c>Open311:Map</c> (environment: <c>Open311__Map__TileUrl</c>).</summary>
public sealed class MapOptions
{
    public const string Section = "Open311:Map";

    public const string OpenStreetMapTileUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public const string OpenStreetMapAttribution = "Map tiles © OpenStreetMap contributors (ODbL)";

    /// <summary>
    /// Leaflet tile URL template. Tiles load in the visitor's browser; an empty value shows maps without a
    /// tile layer, which tests use so that no request leaves the machine.
    /// </summary>
    public string TileUrl { get; set; } = OpenStreetMapTileUrl;

    /// <summary>Attribution text printed under every map and in the footer when tiles are shown.</summary>
    public string TileAttribution { get; set; } = OpenStreetMapAttribution;

    public bool HasTiles => !string.IsNullOrWhiteSpace(TileUrl);

    /// <summary>
    /// Returns the origin of the tile URL for the Content-Security-Policy <c>img-src</c> list, with a
    /// wildcard for a <c>{s}</c> subdomain placeholder; null when there are no tiles or the URL is relative.
    /// </summary>
    public string? TileOrigin()
    {
        if (!HasTiles)
        {
            return null;
        }

        var template = TileUrl.Trim();
        var probe = template.Replace("{s}", "a", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var host = template.Contains("{s}.", StringComparison.Ordinal) ? "*." + uri.Host[2..] : uri.Host;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
