namespace Open311.Web.GeoReport;

/// <summary>Settings printed in the discovery document, under <c>Open311:Discovery</c>.</summary>
public sealed class Open311DiscoveryOptions
{
    public const string Section = "Open311:Discovery";

    /// <summary>Who to contact about the API, such as an email address or a web page.</summary>
    public string? Contact { get; set; }

    /// <summary>Where clients ask for an API key, such as a web page.</summary>
    public string? KeyService { get; set; }

    /// <summary>The endpoint type: <c>production</c> (default) or <c>test</c>.</summary>
    public string EndpointType { get; set; } = "production";

    /// <summary>When the API last changed; clients re-read the discovery document after this changes.</summary>
    public DateTimeOffset Changeset { get; set; } = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
}
