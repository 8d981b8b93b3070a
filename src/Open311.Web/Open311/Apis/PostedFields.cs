using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Open311.Domain.Submission;
using Open311.Web.GeoReport.Formatting;

namespace Open311.Web.GeoReport.Apis;

/// <summary>
/// The fields of a POST, from the body (form-encoded or multipart) and the query string together, since old
/// clients post with an empty body. A field in the body wins over the same field in the query string.
/// </summary>
internal sealed class PostedFields
{
    private static readonly string[] SingleFields =
    [
        "api_key", "jurisdiction_id", "service_code", "lat", "long", "address_string", "address_id", "zipcode",
        "email", "device_id", "account_id", "first_name", "last_name", "phone", "description", "media_url",
    ];

    private readonly Dictionary<string, StringValues> _fields;

    private PostedFields(Dictionary<string, StringValues> fields, int mediaFileCount)
    {
        _fields = fields;
        MediaFileCount = mediaFileCount;
    }

    public int MediaFileCount { get; }

    /// <summary>Reads the body within <see cref="RequestBodyLimits"/>; returns an error result for a body it cannot accept.</summary>
    public static async Task<(PostedFields Fields, Open311Result? Error)> ReadAsync(HttpRequest request, WireFormat format, CancellationToken cancellationToken)
    {
        var empty = new PostedFields([], 0);
        var limit = RequestBodyLimits.For(request);
        if (request.ContentLength > limit)
        {
            return (empty, Open311Result.Error(format, StatusCodes.Status413PayloadTooLarge, RequestBodyLimits.TooLargeMessage));
        }

        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            fields[name] = values;
        }

        var mediaFiles = 0;
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit, ValueLengthLimit = (int)limit }, cancellationToken);
            }
            catch (InvalidDataException exception) when (exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
            {
                return (empty, Open311Result.Error(format, StatusCodes.Status413PayloadTooLarge, RequestBodyLimits.TooLargeMessage));
            }
            catch (InvalidDataException)
            {
                return (empty, Open311Result.Error(format, StatusCodes.Status400BadRequest,
                    "Invalid request body: the form could not be decoded. Send UTF-8 text, percent-encoded, without control characters such as NUL."));
            }

            foreach (var (name, values) in form)
            {
                fields[name] = values;
            }

            mediaFiles = form.Files.GetFiles("media").Count;
        }
        else if (request.ContentLength > 0 || !string.IsNullOrEmpty(request.ContentType))
        {
            return (empty, Open311Result.Error(format, StatusCodes.Status415UnsupportedMediaType,
                $"Unsupported Content-Type '{request.ContentType}'. Send application/x-www-form-urlencoded or multipart/form-data, or the fields in the query string with an empty body."));
        }

        return (new PostedFields(fields, mediaFiles), null);
    }

    /// <summary>Returns the key from <c>api_key</c>, or else from <c>Authorization: Bearer KEY</c>.</summary>
    public string? ApiKey(HttpRequest request)
    {
        var fromField = Single("api_key");
        if (!string.IsNullOrWhiteSpace(fromField))
        {
            return fromField;
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    /// <summary>Builds the submission input, or lists every field that cannot be read at all.</summary>
    public (NewServiceRequest Input, List<string> Errors) ToNewServiceRequest()
    {
        var errors = new List<string>();
        foreach (var name in SingleFields.Where(name => _fields.TryGetValue(name, out var values) && values.Count > 1))
        {
            errors.Add($"Invalid {name}: it was sent {_fields[name].Count} times. Send it once.");
        }

        foreach (var (name, values) in _fields)
        {
            if (name != "api_key" && values.Any(value => value is not null && !XmlText.IsClean(value)))
            {
                errors.Add($"Invalid {name}: it contains a control character (such as NUL) that cannot be stored. Remove it and send the text again.");
            }
        }

        if (MediaFileCount > 0)
        {
            // TODO: store media files through the shared media store once it exists; until then a photo is
            // rejected rather than dropped without a word.
            errors.Add("Invalid media: file uploads are not enabled on this server. Send a link to the photo as media_url instead.");
        }

        var attributes = PostedAttributes.Parse(_fields, errors);
        var input = new NewServiceRequest
        {
            JurisdictionId = Single("jurisdiction_id"),
            ServiceCode = Single("service_code"),
            Lat = Single("lat"),
            Long = Single("long"),
            AddressString = Single("address_string"),
            AddressId = Single("address_id"),
            Zipcode = Single("zipcode"),
            Email = Single("email"),
            DeviceId = Single("device_id"),
            AccountId = Single("account_id"),
            FirstName = Single("first_name"),
            LastName = Single("last_name"),
            Phone = Single("phone"),
            Description = Single("description"),
            MediaUrl = Single("media_url"),
            Attributes = attributes,
        };
        return (input, errors);
    }

    private string? Single(string name) =>
        _fields.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
