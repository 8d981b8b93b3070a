namespace Open311.Web.Media;

/// <summary>Serves stored images at <c>/media/{name}</c>.</summary>
public static class MediaEndpoints
{
    public const string PathPrefix = "/media/";

    public static WebApplication MapMedia(this WebApplication app)
    {
        app.MapGet(PathPrefix + "{name}", GetMedia).ExcludeFromDescription();
        return app;
    }

    /// <summary>Builds the absolute URL of a stored image from <c>Open311:PublicBaseUrl</c>, or from the request when it is not set.</summary>
    public static string BuildUrl(StoredMedia media, HttpRequest request, string? publicBaseUrl)
    {
        var baseUrl = string.IsNullOrWhiteSpace(publicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : publicBaseUrl.TrimEnd('/');
        return baseUrl + media.Path;
    }

    private static IResult GetMedia(string name, MediaStore store, HttpContext context)
    {
        var path = store.FindFile(name);
        if (path is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.File(path, ImageSniffer.FromStoredName(name)!.Value.ContentType);
    }
}
