using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Template;
using Open311.Domain.Submission;
using Open311.Web.GeoReport.Formatting;

namespace Open311.Web.GeoReport;

/// <summary>
/// Guarantees that every response under <c>/open311</c> is either an Open311 document or an Open311 error list:
/// unknown paths (404), wrong methods (405), unreadable or oversized bodies (400, 413) and unhandled exceptions
/// (500, with no internal detail) all get the error shape in the format of the path's suffix.
/// It also adds <c>Access-Control-Allow-Origin: *</c> to GET and HEAD responses, so browser apps can read them,
/// sends HEAD replies without their body, and rejects query and path values holding characters that neither
/// PostgreSQL text nor XML can carry, before any handler passes them to the database.
/// </summary>
public sealed partial class Open311ErrorMiddleware(RequestDelegate next, ILogger<Open311ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await InvokeCoreAsync(context);
            return;
        }

        // A HEAD reply carries the status and headers of the GET reply, Content-Length included, but no body.
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await InvokeCoreAsync(context);
        }
        finally
        {
            context.Response.Body = body;
        }
    }

    private async Task InvokeCoreAsync(HttpContext context)
    {
        var format = WireFormats.FromPath(context.Request.Path);
        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (isRead)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.AccessControlAllowOrigin = "*";
                return Task.CompletedTask;
            });
        }

        var unreadable = FindUnstorableArgument(context.Request);
        if (unreadable is not null)
        {
            await WriteErrorAsync(context, format, StatusCodes.Status400BadRequest,
                $"Invalid {unreadable}: it contains a control character (such as NUL) that cannot be stored. Remove it and send the request again.");
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            LogUnreadableRequest(logger, exception.StatusCode, context.Request.Path);
            await WriteErrorAsync(context, format, exception.StatusCode, DescribeBadRequest(exception.StatusCode));
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
            await WriteErrorAsync(context, format, StatusCodes.Status500InternalServerError,
                "The server failed to process the request. Try again later; if the problem persists, contact the operator of this server.");
            return;
        }

        if (context.Response.HasStarted || context.Items.ContainsKey(Open311Result.BodyWrittenKey) || context.Response.StatusCode < 400)
        {
            return;
        }

        if (context.Response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed or StatusCodes.Status415UnsupportedMediaType)
        {
            CorrectMethodStatus(context);
        }

        await WriteErrorAsync(context, format, context.Response.StatusCode, DescribeStatus(context));
    }

    /// <summary>
    /// Recomputes 404, 405 and 415 from the routes whose whole pattern matches the path. Routing decides 405 before it
    /// checks the literal parts of segments such as <c>services.{format}</c>, so on its own it would offer POST on
    /// <c>services.json</c> (because <c>requests.{format}</c> has the same shape) and send 404 for a POST there.
    /// </summary>
    private static void CorrectMethodStatus(HttpContext context)
    {
        var methods = new SortedSet<string>(StringComparer.Ordinal);
        var dataSource = context.RequestServices.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in dataSource.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText;
            if (pattern is null || !pattern.StartsWith("/open311", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var matcher = new TemplateMatcher(TemplateParser.Parse(pattern), []);
            if (matcher.TryMatch(context.Request.Path, []))
            {
                methods.UnionWith(endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []);
            }
        }

        if (methods.Count == 0)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // A route with this path and method that was still not chosen rejected the body's Content-Type.
        if (methods.Contains(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = string.Join(", ", methods);
    }

    /// <summary>
    /// Names the first query parameter or path value with a character XML 1.0 cannot carry (NUL, which
    /// PostgreSQL text cannot store either, and the other C0 controls except tab and line breaks), or null.
    /// </summary>
    private static string? FindUnstorableArgument(HttpRequest request)
    {
        foreach (var (name, values) in request.Query)
        {
            if (!XmlCharacters.IsValid(name) || values.Any(value => !XmlCharacters.IsValid(value)))
            {
                return XmlCharacters.Quote(name);
            }
        }

        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && !XmlCharacters.IsValid(text))
            {
                return name;
            }
        }

        return XmlCharacters.IsValid(request.Path.Value) ? null : "path";
    }

    private static async Task WriteErrorAsync(HttpContext context, WireFormat format, int statusCode, string description)
    {
        var allow = context.Response.Headers.Allow;
        var retryAfter = context.Response.Headers.RetryAfter;
        context.Response.Clear();
        if (statusCode == StatusCodes.Status405MethodNotAllowed && allow.Count > 0)
        {
            context.Response.Headers.Allow = allow;
        }

        if (statusCode == StatusCodes.Status429TooManyRequests && retryAfter.Count > 0)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await Open311Result.Error(format, statusCode, description).ExecuteAsync(context);
    }

    private static string DescribeBadRequest(int statusCode) => statusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => RequestBodyLimits.TooLargeMessage,
        _ => "The request could not be read. Send fields as application/x-www-form-urlencoded or multipart/form-data, or in the query string.",
    };

    private static string DescribeStatus(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound =>
            $"No Open311 resource at '{context.Request.Path}'. Resources are under /open311/v2 and end in .xml or .json, for example /open311/v2/services.xml; discovery is /open311/discovery.xml.",
        StatusCodes.Status405MethodNotAllowed =>
            $"Method {context.Request.Method} is not allowed on '{context.Request.Path}'. Allowed: {context.Response.Headers.Allow}.",
        StatusCodes.Status413PayloadTooLarge => RequestBodyLimits.TooLargeMessage,
        StatusCodes.Status415UnsupportedMediaType =>
            "Unsupported Content-Type. Send application/x-www-form-urlencoded or multipart/form-data.",
        StatusCodes.Status429TooManyRequests =>
            $"Too many requests from this client. Wait {context.Response.Headers.RetryAfter} seconds (see Retry-After) before trying again.",
        >= 500 => "The server failed to process the request. Try again later.",
        _ => "The request cannot be served. Check the path and the parameters against /swagger.",
    };

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Rejected an unreadable request to {Path} with status {StatusCode}")]
    private static partial void LogUnreadableRequest(ILogger logger, int statusCode, PathString path);
}
