using Microsoft.Extensions.Options;
using Open311.Web.Hosting;
using Open311.Web.GeoReport.Formatting;

namespace Open311.Web.GeoReport.Apis;

/// <summary>GET discovery: where the GeoReport v2 endpoint is and which formats it speaks.</summary>
public static class DiscoveryApi
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/open311/discovery.{format}", GetDiscovery)
            .WithName(nameof(GetDiscovery))
            .WithGroupName(Open311Api.DocumentName)
            .WithSummary("Describe this server's GeoReport v2 endpoint")
            .WithOpen311Responses("Discovery", 404)
            .AnswerHead();
        return app;
    }

    public static Open311Result GetDiscovery(
        string format,
        HttpRequest request,
        IOptions<Open311Options> hostOptions,
        IOptions<Open311DiscoveryOptions> discoveryOptions)
    {
        if (!Open311Responses.TryFormat(format, out var wireFormat, out var notFound))
        {
            return notFound!;
        }

        var options = discoveryOptions.Value;
        var url = string.IsNullOrWhiteSpace(hostOptions.Value.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}{Open311Api.BasePath}"
            : hostOptions.Value.PublicBaseUrl.TrimEnd('/');
        var endpoint = new EndpointWire(Specification, url, options.Changeset, options.EndpointType, ["text/xml", "application/json"]);
        var discovery = new DiscoveryWire(options.Changeset, options.Contact, options.KeyService, [endpoint]);
        return Open311Result.Ok(wireFormat, WireDocument.Object("discovery", discovery));
    }
}
