using Open311.Data;
using Open311.Data.Import;
using Open311.Web.GeoReport;
using Open311.Web.Portal;
using Open311.Web.Requests;
using Open311.Web.Site;

namespace Open311.Web.Hosting;

/// <summary>The host's composition root: each feature adds its services and endpoints through one call here.</summary>
public static partial class HostingExtensions
{
    public static WebApplicationBuilder AddOpen311Core(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Open311")
            ?? throw new InvalidOperationException(
                "Missing connection string 'Open311'. Set ConnectionStrings__Open311, for example " +
                "'Host=127.0.0.1;Port=5432;Username=postgres;Database=open311', or start the server with ./run.sh.");

        builder.Services.AddOpen311Data(connectionString);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<Open311.Data.ApiKeys.ApiKeyStore>();
        builder.Services.AddScoped<Open311.Data.Jurisdictions.JurisdictionResolver>();
        builder.Services.AddOpen311Import();
        builder.Services.Configure<Open311Options>(builder.Configuration.GetSection(Open311Options.Section));
        builder.Services.AddRazorPages();
        builder.Services.AddAuthorization();
        builder.AddOpen311Api();
        builder.AddPortal();
        builder.AddServiceRequestSubmission();
        builder.AddOpen311Site();

        return builder;
    }

    public static void ApplyDatabaseMigrations(this WebApplication app)
    {
        var connectionString = app.Configuration.GetConnectionString("Open311")!;
        DatabaseMigrator.Migrate(connectionString, app.Logger);
    }

    public static WebApplication UseOpen311Pipeline(this WebApplication app)
    {
        app.UseOpen311SiteHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpen311Api();
        app.MapRazorPages();
        app.MapPortal();
        app.MapServiceRequestSubmission();
        return app;
    }
}
