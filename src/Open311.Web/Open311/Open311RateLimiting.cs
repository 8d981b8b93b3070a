using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Open311.Web.GeoReport;

/// <summary>Request budgets per client address under <c>/open311</c>, from the <c>Open311:RateLimit</c> section.</summary>
public sealed class Open311RateLimitOptions
{
    public const string Section = "Open311:RateLimit";

    /// <summary>GET and HEAD requests one client address may send per minute; 0 turns the limit off.</summary>
    public int ReadsPerMinute { get; set; } = 1200;

    /// <summary>Other requests (POST) one client address may send per minute; 0 turns the limit off.</summary>
    public int WritesPerMinute { get; set; } = 120;
}

/// <summary>
/// Rejects a client over its budget with 429 and <c>Retry-After</c>. The Open311 error middleware then writes the
/// error list in the path's format. Budgets are per remote address because the API key of a POST sits in the
/// body, which the limiter must not read.
/// </summary>
internal static partial class Open311RateLimiting
{
    public static IServiceCollection AddOpen311RateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(Open311RateLimitOptions.Section).Get<Open311RateLimitOptions>() ?? new Open311RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options));
            limiter.OnRejected = (rejection, _) =>
            {
                if (rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejection.HttpContext.Response.Headers.RetryAfter =
                        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var request = rejection.HttpContext.Request;
                LogRejected(rejection.HttpContext.RequestServices.GetRequiredService<ILogger<Open311RateLimitOptions>>(), request.Method, request.Path);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, Open311RateLimitOptions options)
    {
        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        var permits = isRead ? options.ReadsPerMinute : options.WritesPerMinute;
        if (permits <= 0)
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(
            (isRead ? "read:" : "write:") + client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Rate limit reached: {Method} {Path} answered with 429")]
    private static partial void LogRejected(ILogger logger, string method, string path);
}
