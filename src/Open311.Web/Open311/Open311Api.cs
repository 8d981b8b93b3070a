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
        builder.Services.Configure<Open311DiscoveryOptions>(builder.Configuration.GetSection(Open311DiscoveryOptions.Section));
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddOpen311Swagger();
        return builder;
    }

    public static WebApplication MapOpen311Api(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/open311", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseMiddleware<Open311ErrorMiddleware>());

        var v2 = app.MapGroup(BasePath).WithGroupName(DocumentName);
        v2.MapServicesApi().WithTags("Services");
        v2.MapRequestsApi().WithTags("Requests");
        v2.MapPostRequestsApi().WithTags("Requests");
        v2.MapTokensApi().WithTags("Tokens");
        v2.MapRequestUpdatesApi().WithTags("Updates");
        app.MapDiscoveryApi();

        app.UseOpen311Swagger();
        return app;
    }
}
