namespace Open311.Web.GeoReport;

/// <summary>
/// The largest POST bodies accepted under <c>/open311</c>. Multipart bodies may carry photos, so they get more
/// room than form posts, which carry text only. Larger bodies are rejected with 413 before they are read.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>8 MiB for <c>multipart/form-data</c> (fields and <c>media</c> files).</summary>
    public const long MultipartBytes = 8 * 1024 * 1024;

    /// <summary>1 MiB for <c>application/x-www-form-urlencoded</c> and any other body.</summary>
    public const long FormBytes = 1024 * 1024;

    /// <summary>The most fields a form body may carry, counting each value of a repeated field.</summary>
    public const int MaxFields = 1024;

    /// <summary>The longest field name a form body may carry, in characters.</summary>
    public const int MaxFieldNameLength = 2048;

    public const string TooManyFieldsMessage =
        "Invalid request body: it has more than 1024 fields (each value of a repeated field counts). Send fewer fields.";

    public const string FieldNameTooLongMessage =
        "Invalid request body: a field name is longer than 2048 characters. Use the field names in the service definition.";

    public const string TooLargeMessage =
        "The request body is too large. The limit is 1 MiB for application/x-www-form-urlencoded and 8 MiB for multipart/form-data with media files.";

    public static long For(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true ? MultipartBytes : FormBytes;
}
