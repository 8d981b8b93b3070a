namespace Open311.Web.GeoReport.Formatting;

/// <summary>An Open311 response: a status code and a <see cref="WireDocument"/> written in the request's format.</summary>
public sealed class Open311Result(int statusCode, WireFormat format, WireDocument document) : IResult, IStatusCodeHttpResult
{
    /// <summary>Set on the request once an Open311 body is written, so the error middleware leaves the response alone.</summary>
    internal const string BodyWrittenKey = "Open311.BodyWritten";

    public int? StatusCode => statusCode;

    public WireDocument Document => document;

    public static Open311Result Ok(WireFormat format, WireDocument document) => new(StatusCodes.Status200OK, format, document);

    public static Open311Result Error(WireFormat format, int statusCode, string description) =>
        Errors(format, statusCode, [new ErrorWire(statusCode, description)]);

    public static Open311Result Errors(WireFormat format, int statusCode, IEnumerable<ErrorWire> errors) =>
        new(statusCode, format, WireDocument.List("errors", "error", errors));

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, statusCode, format, document);

    /// <summary>Writes <paramref name="document"/> as the whole response, replacing any headers a failed handler left.</summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, WireFormat format, WireDocument document)
    {
        var body = WireWriter.Write(document, format);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = format == WireFormat.Json ? WireFormats.JsonContentType : WireFormats.XmlContentType;
        context.Response.ContentLength = body.Length;
        context.Items[BodyWrittenKey] = true;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}

/// <summary>One entry of an Open311 error list: the HTTP status as <c>code</c> and a sentence saying what to fix.</summary>
public sealed record ErrorWire(int Code, string Description);
