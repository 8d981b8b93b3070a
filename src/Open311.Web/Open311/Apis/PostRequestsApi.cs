using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Data.ApiKeys;
using Open311.Domain.Requests;
using Open311.Domain.Services;
using Open311.Domain.Submission;
using Open311.Web.GeoReport.Formatting;

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
                "(form-encoded) or 8 MiB (multipart) are a 413. The reply is a list of one: service_request_id for realtime " +
                "services, token for batch services, neither for blackbox services, with service_notice and account_id.")
            .WithOpen311Responses("Requests", 400, 403, 404, 413, 415)
            .DisableAntiforgery();
        return group;
    }

    public static async Task<IResult> PostServiceRequest(
        string format,
        HttpContext context,
        ApiKeyStore keys,
        Open311DbContext db,
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

        // TODO: honour the Idempotency-Key header here (reserve the key for this API key before submitting and
        // store the reply after), so a retry after a timeout returns the first reply instead of a second request.
        var result = await submitter.SubmitAsync(input, new SubmissionContext(RequestChannels.Api, "api") { ApiKeyId = key.Id }, cancellationToken);
        if (!result.Succeeded)
        {
            LogSubmissionRejected(logger, key.Id, result.Errors.Count);
            return Open311Responses.FromSubmissionErrors(wireFormat, result.Errors);
        }

        var request = result.Request ?? throw new InvalidOperationException("The submitter reported success without a stored request.");
        LogCreated(logger, request.PublicId, key.Id);
        return Open311Result.Ok(wireFormat, WireDocument.List("service_requests", "request", [await ToWireAsync(db, request, cancellationToken)]));
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
