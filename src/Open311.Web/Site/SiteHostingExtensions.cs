using Open311.Web.Site.Queries;
using Open311.Web.Site.Reporting;

namespace Open311.Web.Site;

public static class SiteHostingExtensions
{
    /// <summary>Registers the public site's options, queries and report drafts.</summary>
    public static WebApplicationBuilder AddOpen311Site(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MapOptions>(builder.Configuration.GetSection(MapOptions.Section));
        // Razor then writes letters of every script as they are, not as numeric entities; markup characters stay encoded.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddScoped<SiteJurisdictions>();
        builder.Services.AddScoped<SiteRequestQueries>();
        builder.Services.AddScoped<ReportCardQueries>();
        builder.Services.AddScoped<ReportDraftStore>();
        builder.Services.AddScoped<ReportMeToo>();
        return builder;
    }

    /// <summary>Adds the Content-Security-Policy of the site's pages; put it before the endpoints run.</summary>
    public static WebApplication UseOpen311SiteHeaders(this WebApplication app)
    {
        app.UseMiddleware<ContentSecurityPolicy>();
        return app;
    }
}
