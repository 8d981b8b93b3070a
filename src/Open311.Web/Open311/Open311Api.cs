using Open311.Web.GeoReport.Apis;

namespace Open311.Web.GeoReport;

/// <summary>Registers the GeoReport v2 API: its endpoints, its error handling, CORS and the API description.</summary>
public static class Open311Api
{
    /// <summary>The base path of every GeoReport v2 method.</summary>
    public const string BasePath = "/open311/v2";

    /// <summary>The Swagger document name; the description is served at <c>/swagger/open311/swagger.json</c>.</summary>
    public const string DocumentName = "open311";

    public static WebApplicationBuilder AddOpen311Api(this WebApplicationBuilder builder)
    {
        // The hosting diagnostics log each request line with its query string. Old clients POST with api_key
        // in the query string, so that category logs at Warning to keep keys out of the log.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Services.Configure<Open311DiscoveryOptions>(builder.Configuration.GetSection(Open311DiscoveryOptions.Section));
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddOpen311Swagger();
        builder.Services.AddOpen311RateLimiting(builder.Configuration);
        return builder;
    }

    public static WebApplication MapOpen311Api(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/open311", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseMiddleware<Open311ErrorMiddleware>().UseRateLimiter());

        var v2 = app.MapGroup(BasePath).WithGroupName(DocumentName).AnswerHead();
        v2.MapServicesApi();
        v2.MapRequestsApi();
        v2.MapPostRequestsApi();
        v2.MapTokensApi();
        v2.MapRequestUpdatesApi();
        app.MapDiscoveryApi();

        // Any other path under /open311 ends here, even when another feature maps a site-wide fallback page.
        // The error middleware then writes a 404, or a 405 when the path exists for other methods.
        app.MapFallback("/open311/{**path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).ExcludeFromDescription();

        app.UseOpen311Swagger();
        return app;
    }

    /// <summary>
    /// Lets every GET endpoint of <paramref name="builder"/> answer HEAD as well; the error middleware drops the
    /// body. The API description leaves HEAD out, since it mirrors GET.
    /// </summary>
    internal static TBuilder AnswerHead<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods;
            if (methods is not null && methods.Contains(HttpMethods.Get) && !methods.Contains(HttpMethods.Head))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods, HttpMethods.Head]));
            }
        });
        return builder;
    }

    /// <summary>Documents the Open311 responses of an endpoint: a body in XML or JSON, and the error statuses it can return.</summary>
    internal static RouteHandlerBuilder WithOpen311Responses(this RouteHandlerBuilder builder, string tag, params int[] errorStatuses)
    {
        builder.WithTags(tag).Produces(StatusCodes.Status200OK, contentType: Formatting.WireFormats.XmlContentType, additionalContentTypes: Formatting.WireFormats.JsonContentType);
        foreach (var status in errorStatuses)
        {
            builder.Produces(status, contentType: Formatting.WireFormats.XmlContentType, additionalContentTypes: Formatting.WireFormats.JsonContentType);
        }

        return builder;
    }
}
