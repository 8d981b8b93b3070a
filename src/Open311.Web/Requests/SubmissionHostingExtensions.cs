using Open311.Data.Idempotency;
using Open311.Data.Requests;
using Open311.Domain.Submission;
using Open311.Web.Media;

namespace Open311.Web.Requests;

public static class SubmissionHostingExtensions
{
    /// <summary>
    /// Registers request submission and what goes with it: <see cref="IServiceRequestSubmitter"/>,
    /// <see cref="IdempotencyStore"/>, <see cref="MediaStore"/> and <see cref="NearbyDuplicateFinder"/>,
    /// with their settings from <c>Open311:Media</c> and <c>Open311:Duplicates</c>.
    /// </summary>
    public static WebApplicationBuilder AddServiceRequestSubmission(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MediaOptions>(builder.Configuration.GetSection(MediaOptions.Section));
        builder.Services.Configure<DuplicateOptions>(builder.Configuration.GetSection(DuplicateOptions.Section));

        builder.Services.AddScoped<ServiceRequestSubmitter>();
        builder.Services.AddScoped<IServiceRequestSubmitter>(provider => provider.GetRequiredService<ServiceRequestSubmitter>());
        builder.Services.AddScoped<NearbyDuplicateFinder>();
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddSingleton<MediaStore>();
        builder.Services.AddHostedService<IdempotencyCleanup>();
        return builder;
    }

    /// <summary>
    /// Maps the endpoints that belong to submission: stored images at <c>/media/{name}</c> and the
    /// GET requests/nearby extension.
    /// </summary>
    public static WebApplication MapServiceRequestSubmission(this WebApplication app)
    {
        app.MapMedia();
        app.MapNearbyRequestsApi();
        return app;
    }
}
