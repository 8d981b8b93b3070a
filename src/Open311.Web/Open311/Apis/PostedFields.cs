using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Open311.Domain.Submission;
using Open311.Web.GeoReport.Formatting;
using Open311.Web.Requests;

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

    /// <summary>The multipart field that carries photos, once per file.</summary>
    public const string MediaField = "media";

    private readonly Dictionary<string, StringValues> _fields;

    private PostedFields(Dictionary<string, StringValues> fields, IReadOnlyList<IFormFile> mediaFiles)
    {
        _fields = fields;
        MediaFiles = mediaFiles;
    }

    /// <summary>The files sent as <see cref="MediaField"/>, in the order sent.</summary>
    public IReadOnlyList<IFormFile> MediaFiles { get; }

    /// <summary>Reads the body within <see cref="RequestBodyLimits"/>; returns an error result for a body it cannot accept.</summary>
    public static async Task<(PostedFields Fields, Open311Result? Error)> ReadAsync(HttpRequest request, WireFormat format, CancellationToken cancellationToken)
    {
        var empty = new PostedFields([], []);
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

        IReadOnlyList<IFormFile> mediaFiles = [];
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(
                    new FormOptions
                    {
                        MultipartBodyLengthLimit = limit,
                        ValueLengthLimit = (int)limit,
                        ValueCountLimit = RequestBodyLimits.MaxFields,
                        KeyLengthLimit = RequestBodyLimits.MaxFieldNameLength,
                    },
                    cancellationToken);
            }
            catch (InvalidDataException exception)
            {
                return (empty, DescribeUnreadableForm(request, format, exception.Message));
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                // A multipart body cut short or without its closing boundary ends the stream mid-part.
                return (empty, DescribeUnreadableForm(request, format, message: null));
            }

            foreach (var (name, values) in form)
            {
                fields[name] = values;
            }

            mediaFiles = form.Files.GetFiles(MediaField);
        }
        else if (request.ContentLength > 0 || !string.IsNullOrEmpty(request.ContentType))
        {
            return (empty, Open311Result.Error(format, StatusCodes.Status415UnsupportedMediaType,
                $"Unsupported Content-Type '{request.ContentType}'. Send application/x-www-form-urlencoded or multipart/form-data, or the fields in the query string with an empty body."));
        }

        return (new PostedFields(fields, mediaFiles), null);
    }

    /// <summary>
    /// Maps a form the reader gave up on to an error. Only a body over the size limit is a 413; too many fields or
    /// too long a field name is a 400 naming that limit, since the body itself may be small.
    /// </summary>
    private static Open311Result DescribeUnreadableForm(HttpRequest request, WireFormat format, string? message)
    {
        var multipart = request.HasFormContentType && request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
        if (message is not null)
        {
            if (message.Contains("value count limit", StringComparison.OrdinalIgnoreCase))
            {
                return Open311Result.Error(format, StatusCodes.Status400BadRequest, RequestBodyLimits.TooManyFieldsMessage);
            }

            // A form-encoded body names both limits in one message. A value cannot outgrow the value limit (the size
            // limit) unless the body does, so with a Content-Length within the limit the field name is at fault.
            var bothNamed = message.Contains("value length limit", StringComparison.OrdinalIgnoreCase);
            if (message.Contains("key length limit", StringComparison.OrdinalIgnoreCase)
                && (!bothNamed || request.ContentLength <= RequestBodyLimits.For(request)))
            {
                return Open311Result.Error(format, StatusCodes.Status400BadRequest, RequestBodyLimits.FieldNameTooLongMessage);
            }

            if (message.Contains("body length limit", StringComparison.OrdinalIgnoreCase)
                || message.Contains("value length limit", StringComparison.OrdinalIgnoreCase))
            {
                return Open311Result.Error(format, StatusCodes.Status413PayloadTooLarge, RequestBodyLimits.TooLargeMessage);
            }
        }

        return Open311Result.Error(format, StatusCodes.Status400BadRequest, multipart
            ? "Invalid request body: it could not be read as multipart/form-data. Send every part between the boundary given in Content-Type, each with a Content-Disposition header, and end the body with the closing boundary."
            : "Invalid request body: the form could not be decoded. Send UTF-8 text, percent-encoded, without control characters such as NUL.");
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

        if (MediaFiles.Count > 0 && Single("media_url") is not null)
        {
            errors.Add("Invalid media_url: a photo was also sent as a media file. Send the photo either as a file in media or as a link in media_url, not both.");
        }

        var parsed = AttributeFormParser.Parse(_fields.ToPairs());
        errors.AddRange(parsed.Errors.Select(error => error.Message));
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
            Attributes = parsed.Attributes,
        };
        return (input, errors);
    }

    /// <summary>
    /// Hashes the request for <c>Idempotency-Key</c>: the path, every field (values in the order sent) and the
    /// SHA-256 of each media file, so a retry matches only when it carries the same fields and the same photos.
    /// </summary>
    public async Task<byte[]> HashAsync(string path, CancellationToken cancellationToken)
    {
        var pairs = _fields.ToPairs().ToList();
        foreach (var file in MediaFiles)
        {
            await using var stream = file.OpenReadStream();
            pairs.Add(KeyValuePair.Create(MediaField, (string?)Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken))));
        }

        return Data.Idempotency.IdempotencyStore.HashRequest(path, pairs);
    }

    private string? Single(string name) =>
        _fields.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
