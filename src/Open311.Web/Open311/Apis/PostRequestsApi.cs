using System.Text;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311.Data;
using Open311.Data.ApiKeys;
using Open311.Data.Idempotency;
using Open311.Domain.Requests;
using Open311.Domain.Services;
using Open311.Domain.Submission;
using Open311.Web.GeoReport.Formatting;
using Open311.Web.Hosting;
using Open311.Web.Media;

namespace Open311.Web.GeoReport.Apis;

/// <summary>POST requests: creates a service request from form fields, query fields or a multipart body.</summary>
public static partial class PostRequestsApi
{
    public static RouteGroupBuilder MapPostRequestsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/requests.{format}", PostServiceRequest)
            .WithName(nameof(PostServiceRequest))
            .WithSummary("Create a service request (api_key required)")
            .WithDescription(
                "Fields may come in the body (application/x-www-form-urlencoded, or multipart/form-data) or in the query string; " +
                "a body field wins over the same query field. api_key may also be sent as 'Authorization: Bearer KEY'; a missing, " +
                "unknown or revoked key is a 403. Location: lat and long together, address_string or address_id. Attributes: " +
                "attribute[CODE]=value, and attribute[CODE][]=value once per value of a multivaluelist. Bodies over 1 MiB " +
                "(form-encoded) or 8 MiB (multipart) are a 413. Photos: multipart files in the field media (JPEG, PNG, GIF or " +
                "WebP, recognised by their content; at most 3 files of 5 MiB each by default); the first becomes media_url. Sending " +
                "both media files and media_url is a 400. Retries: send an 'Idempotency-Key' header (1 to 255 visible ASCII " +
                "characters, such as a UUID); for 24 hours the same key with the same request returns the first reply again and " +
                "stores nothing new, and the same key with a different request is a 409. Keys are separate per api_key, and a " +
                "request that fails does not use up its key. The reply is a list of one: service_request_id for realtime " +
                "services, token for batch services, neither for blackbox services, with service_notice and account_id.")
            .WithOpen311Responses("Requests", 400, 403, 404, 409, 413, 415)
            .DisableAntiforgery();
        return group;
    }

    public static async Task<IResult> PostServiceRequest(
        string format,
        HttpContext context,
        ApiKeyStore keys,
        Open311DbContext db,
        IdempotencyStore idempotency,
        MediaStore media,
        IOptions<Open311Options> hostOptions,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        if (!Open311Responses.TryFormat(format, out var wireFormat, out var notFound))
        {
            return notFound!;
        }

        var logger = loggerFactory.CreateLogger(typeof(PostRequestsApi));
        var (fields, readError) = await PostedFields.ReadAsync(context.Request, wireFormat, cancellationToken);
        if (readError is not null)
        {
            return readError;
        }

        var key = await keys.FindActiveAsync(fields.ApiKey(context.Request), cancellationToken);
        if (key is null)
        {
            LogKeyRejected(logger);
            return Open311Result.Error(wireFormat, StatusCodes.Status403Forbidden,
                "Missing or invalid api_key: send a valid, unrevoked key as api_key or as 'Authorization: Bearer KEY'.");
        }

        var (input, inputErrors) = fields.ToNewServiceRequest();
        if (context.Request.Headers.TryGetValue(IdempotencyKeyHeader, out var idempotencyKeys))
        {
            var keyError = idempotencyKeys.Count > 1
                ? $"{IdempotencyKeyHeader} was sent {idempotencyKeys.Count} times. Send it once."
                : IdempotencyStore.ValidateKey(idempotencyKeys[0]);
            if (keyError is not null)
            {
                inputErrors.Add(keyError);
            }
        }

        if (inputErrors.Count > 0)
        {
            return Open311Responses.BadRequest(wireFormat, inputErrors);
        }

        var submitter = context.RequestServices.GetService<IServiceRequestSubmitter>();
        if (submitter is null)
        {
            LogNoSubmitter(logger);
            return Open311Result.Error(wireFormat, StatusCodes.Status503ServiceUnavailable,
                "Creating service requests is not available on this server right now. Try again later.");
        }

        var submission = new Submission(input, fields.MediaFiles, key.Id, wireFormat, submitter, db, media, hostOptions.Value, logger);
        var idempotencyKey = idempotencyKeys.Count == 1 ? idempotencyKeys[0]! : null;
        if (idempotencyKey is null)
        {
            return await submission.RunAsync(context.Request, cancellationToken);
        }

        var hash = await fields.HashAsync(context.Request.Path, cancellationToken);
        var begin = await idempotency.TryBeginAsync(idempotencyKey, key.Id, hash, cancellationToken);
        switch (begin.Outcome)
        {
            case IdempotencyOutcome.Replay:
                LogReplayed(logger, key.Id);
                return Results.Content(begin.Reply!.Body, begin.Reply.ContentType, contentEncoding: null, statusCode: begin.Reply.StatusCode);
            case IdempotencyOutcome.Conflict:
                LogIdempotencyRejected(logger, key.Id, begin.Outcome);
                return Open311Result.Error(wireFormat, StatusCodes.Status409Conflict,
                    $"{IdempotencyKeyHeader} was already used with a different request. Send a new key for a new request, or resend the first request unchanged.");
            case IdempotencyOutcome.InProgress:
                LogIdempotencyRejected(logger, key.Id, begin.Outcome);
                return Open311Result.Error(wireFormat, StatusCodes.Status409Conflict,
                    $"The first request with this {IdempotencyKeyHeader} is still being handled. Retry in a few seconds with the same key and body.");
        }

        Open311Result result;
        try
        {
            result = await submission.RunAsync(context.Request, cancellationToken);
        }
        catch
        {
            await idempotency.ReleaseAsync(begin.ReservationId, CancellationToken.None);
            throw;
        }

        // Only a created request is remembered. A client error releases the key, so the client can fix the request
        // and send it again under the same key.
        if (result.StatusCode is >= 200 and < 300)
        {
            var body = Encoding.UTF8.GetString(WireWriter.Write(result.Document, wireFormat));
            var contentType = wireFormat == WireFormat.Json ? WireFormats.JsonContentType : WireFormats.XmlContentType;
            await idempotency.CompleteAsync(begin.ReservationId, new IdempotentReply(result.StatusCode.Value, body, contentType), CancellationToken.None);
        }
        else
        {
            await idempotency.ReleaseAsync(begin.ReservationId, CancellationToken.None);
        }

        return result;
    }

    /// <summary>The header that makes a POST safe to retry: the same key and body get the first reply again.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>One submission: stores the photos, creates the request, and deletes the photos again when it fails.</summary>
    private sealed record Submission(
        NewServiceRequest Input,
        IReadOnlyList<IFormFile> MediaFiles,
        long ApiKeyId,
        WireFormat Format,
        IServiceRequestSubmitter Submitter,
        Open311DbContext Db,
        MediaStore Media,
        Open311Options HostOptions,
        ILogger Logger)
    {
        public async Task<Open311Result> RunAsync(HttpRequest httpRequest, CancellationToken cancellationToken)
        {
            var input = Input;
            IReadOnlyList<StoredMedia> stored = [];
            if (MediaFiles.Count > 0)
            {
                var (saved, mediaErrors) = await Media.SaveAllAsync(MediaFiles, cancellationToken);
                if (mediaErrors.Count > 0)
                {
                    LogSubmissionRejected(Logger, ApiKeyId, mediaErrors.Count);
                    return Open311Responses.FromSubmissionErrors(Format, mediaErrors);
                }

                stored = saved;
                input = input with { MediaUrl = MediaEndpoints.BuildUrl(stored[0], httpRequest, HostOptions.PublicBaseUrl) };
            }

            SubmissionResult result;
            try
            {
                result = await Submitter.SubmitAsync(input, new SubmissionContext(RequestChannels.Api, "api") { ApiKeyId = ApiKeyId }, cancellationToken);
            }
            catch
            {
                DeleteAll(stored);
                throw;
            }

            if (!result.Succeeded)
            {
                DeleteAll(stored);
                LogSubmissionRejected(Logger, ApiKeyId, result.Errors.Count);
                return Open311Responses.FromSubmissionErrors(Format, result.Errors);
            }

            var request = result.Request ?? throw new InvalidOperationException("The submitter reported success without a stored request.");
            LogCreated(Logger, request.PublicId, ApiKeyId);
            return Open311Result.Ok(Format, WireDocument.List("service_requests", "request", [await ToWireAsync(Db, request, cancellationToken)]));
        }

        private void DeleteAll(IReadOnlyList<StoredMedia> stored)
        {
            foreach (var item in stored)
            {
                Media.Delete(item);
            }
        }
    }

    /// <summary>Builds the reply item: the id for realtime services, a token for batch services and neither for blackbox ones.</summary>
    private static async Task<object> ToWireAsync(Open311DbContext db, ServiceRequest request, CancellationToken cancellationToken)
    {
        var type = request.Service?.Type ?? await db.Services.AsNoTracking()
            .Where(service => service.Id == request.ServiceId)
            .Select(service => service.Type)
            .SingleAsync(cancellationToken);

        return type switch
        {
            ServiceType.Realtime => new CreatedRequestWire(request.PublicId, request.ServiceNotice, request.AccountId),
            ServiceType.Batch when request.Token is not null => new CreatedTokenWire(request.Token, request.ServiceNotice, request.AccountId),
            _ => new CreatedBlackboxWire(request.ServiceNotice, request.AccountId),
        };
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Rejected a POST with a missing, unknown or revoked API key")]
    private static partial void LogKeyRejected(ILogger logger);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Created service request {ServiceRequestId} with API key {ApiKeyId}")]
    private static partial void LogCreated(ILogger logger, string serviceRequestId, long apiKeyId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Rejected a POST with API key {ApiKeyId}: {ErrorCount} errors")]
    private static partial void LogSubmissionRejected(ILogger logger, long apiKeyId, int errorCount);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error, Message = "No IServiceRequestSubmitter is registered, so POST requests cannot create requests")]
    private static partial void LogNoSubmitter(ILogger logger);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Sent the stored reply again for a repeated Idempotency-Key of API key {ApiKeyId}")]
    private static partial void LogReplayed(ILogger logger, long apiKeyId);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "Rejected a POST with API key {ApiKeyId}: its Idempotency-Key is {Outcome}")]
    private static partial void LogIdempotencyRejected(ILogger logger, long apiKeyId, IdempotencyOutcome outcome);
}

/// <summary>The documented POST fields, for the API description only; the handler reads the form itself.</summary>
public sealed class PostServiceRequestForm
{
    [JsonPropertyName("api_key")]
    public string? ApiKey { get; set; }

    [JsonPropertyName("jurisdiction_id")]
    public string? JurisdictionId { get; set; }

    [JsonPropertyName("service_code")]
    public string? ServiceCode { get; set; }

    [JsonPropertyName("lat")]
    public string? Lat { get; set; }

    [JsonPropertyName("long")]
    public string? Long { get; set; }

    [JsonPropertyName("address_string")]
    public string? AddressString { get; set; }

    [JsonPropertyName("address_id")]
    public string? AddressId { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("device_id")]
    public string? DeviceId { get; set; }

    [JsonPropertyName("account_id")]
    public string? AccountId { get; set; }

    [JsonPropertyName("first_name")]
    public string? FirstName { get; set; }

    [JsonPropertyName("last_name")]
    public string? LastName { get; set; }

    [JsonPropertyName("phone")]
    public string? Phone { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("media_url")]
    public string? MediaUrl { get; set; }

    [JsonPropertyName("media")]
    public IFormFile? Media { get; set; }
}
