using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Open311.Web.Site;

/// <summary>
/// Adds a Content-Security-Policy and related headers to responses of every Razor Page: the public site and the
/// portal's areas alike, while the GeoReport API keeps its own headers. The pages carry no inline script or style
/// (JSON data blocks are not run), and map tiles are the only images allowed from another origin.
/// </summary>
public sealed class ContentSecurityPolicy(RequestDelegate next, IOptions<MapOptions> mapOptions)
{
    private readonly string _policy = BuildPolicy(mapOptions.Value);

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var endpoint = context.GetEndpoint();
            if (endpoint?.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = _policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
            }

            return Task.CompletedTask;
        });

        return next(context);
    }

    internal static string BuildPolicy(MapOptions map)
    {
        var tileOrigin = map.TileOrigin();
        var images = tileOrigin is null ? "'self' data:" : $"'self' data: {tileOrigin}";
        return "default-src 'self'; script-src 'self'; style-src 'self'; " +
               $"img-src {images}; connect-src 'self'; font-src 'self'; object-src 'none'; " +
               "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
