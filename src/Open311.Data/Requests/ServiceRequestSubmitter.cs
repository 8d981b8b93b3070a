using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Open311.Data.Jurisdictions;
using Open311.Domain.Jurisdictions;
using Open311.Domain.Requests;
using Open311.Domain.Services;
using Open311.Domain.Spatial;
using Open311.Domain.Submission;

namespace Open311.Data.Requests;

/// <summary>
/// Validates and stores new requests for every channel. Field rules come from <see cref="NewServiceRequestValidator"/>,
/// and whether the point lies inside the jurisdiction and the service's area is decided by PostGIS.
/// A request, its first history event and its token are written in one transaction.
/// </summary>
public sealed partial class ServiceRequestSubmitter(
    Open311DbContext db,
    JurisdictionResolver jurisdictions,
    NearbyDuplicateFinder duplicates,
    TimeProvider clock,
    ILogger<ServiceRequestSubmitter> logger) : IServiceRequestSubmitter
{
    public async Task<SubmissionResult> ValidateAsync(NewServiceRequest input, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(input, cancellationToken);
        return new SubmissionResult(null, prepared.Errors);
    }

    public async Task<SubmissionResult> SubmitAsync(NewServiceRequest input, SubmissionContext context, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(input, cancellationToken);
        if (prepared.Errors.Count > 0)
        {
            LogRejected(logger, context.Channel, prepared.Errors.Count);
            return new SubmissionResult(null, prepared.Errors);
        }

        var warnings = await FindNearbyWarningsAsync(prepared, cancellationToken);
        var stored = await StoreAllAsync([prepared], context, cancellationToken);
        return new SubmissionResult(stored[0], []) { Warnings = warnings };
    }

    public async Task<IReadOnlyList<SubmissionResult>> SubmitAllAsync(IReadOnlyList<NewServiceRequest> inputs, SubmissionContext context, CancellationToken cancellationToken = default)
    {
        var prepared = new List<PreparedRequest>(inputs.Count);
        var lookups = new LookupCache();
        foreach (var input in inputs)
        {
            prepared.Add(await PrepareAsync(input, cancellationToken, lookups));
        }

        var failed = prepared.Count(item => item.Errors.Count > 0);
        if (failed > 0)
        {
            LogBatchRejected(logger, context.Channel, context.BatchId, inputs.Count, failed);
            return prepared.Select(item => new SubmissionResult(null, item.Errors)).ToList();
        }

        var stored = await StoreAllAsync(prepared, context, cancellationToken);
        return stored.Select(request => new SubmissionResult(request, [])).ToList();
    }

    /// <summary>
    /// Stores the requests in one transaction: the caller's, when it opened one on this context (so a batch
    /// record and its requests can commit together), otherwise a new one. Any failure rolls everything back
    /// and is rethrown, because it is a server fault rather than a problem with the input.
    /// </summary>
    private async Task<IReadOnlyList<ServiceRequest>> StoreAllAsync(IReadOnlyList<PreparedRequest> items, SubmissionContext context, CancellationToken cancellationToken)
    {
        var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        var requests = new List<ServiceRequest>(items.Count);
        var added = new List<ServiceRequest>(items.Count);
        try
        {
            foreach (var item in items)
            {
                var request = Build(item, context);
                db.ServiceRequests.Add(request);
                added.Add(request);

                // One save per request, so each row is inserted by its own statement inside the transaction.
                await db.SaveChangesAsync(cancellationToken);
                requests.Add(request);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.RollbackAsync(CancellationToken.None);
            }

            // Forget only this call's rows, so entities the caller tracks in its own transaction stay as they were.
            Detach(added);
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }

        foreach (var request in requests)
        {
            LogStored(logger, request.Id, request.PublicId, request.JurisdictionId, request.ServiceId, context.Channel);
        }

        return requests;
    }

    private void Detach(IEnumerable<ServiceRequest> requests)
    {
        foreach (var request in requests)
        {
            foreach (var requestEvent in request.Events.ToList())
            {
                db.Entry(requestEvent).State = EntityState.Detached;
            }

            db.Entry(request).State = EntityState.Detached;
        }
    }

    private ServiceRequest Build(PreparedRequest item, SubmissionContext context)
    {
        var input = item.Input;
        var request = new ServiceRequest(item.Jurisdiction!.Id, item.Service!.Id, clock.GetUtcNow(), context.Channel)
        {
            Description = NullIfBlank(input.Description),
            Address = NullIfBlank(input.AddressString),
            AddressId = NullIfBlank(input.AddressId),
            Zipcode = NullIfBlank(input.Zipcode),
            Location = item.Point is { } point ? Geo.Point(point.Latitude, point.Longitude) : null,
            MediaUrl = NullIfBlank(input.MediaUrl)?.Trim(),
            Email = NullIfBlank(input.Email)?.Trim(),
            DeviceId = NullIfBlank(input.DeviceId),
            AccountId = NullIfBlank(input.AccountId),
            FirstName = NullIfBlank(input.FirstName),
            LastName = NullIfBlank(input.LastName),
            Phone = NullIfBlank(input.Phone),
            ApiKeyId = context.ApiKeyId,
            UserId = context.UserId,
            BatchId = context.BatchId,
            Token = item.Service.Type == ServiceType.Batch ? NewToken() : null,
        };

        foreach (var (code, values) in input.Attributes)
        {
            request.Attributes[code] = [.. values];
        }

        request.RecordOpened(context.Actor);
        return request;
    }

    /// <summary>Returns a random, URL-safe token of 128 bits (22 characters).</summary>
    internal static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Stored request {RequestId} ({PublicId}) in {JurisdictionId} for service {ServiceId} via {Channel}")]
    private static partial void LogStored(ILogger logger, long requestId, string publicId, string jurisdictionId, int serviceId, string channel);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Rejected a request via {Channel} with {ErrorCount} errors")]
    private static partial void LogRejected(ILogger logger, string channel, int errorCount);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Rejected batch {BatchId} via {Channel}: {FailedCount} of {InputCount} requests are invalid, none stored")]
    private static partial void LogBatchRejected(ILogger logger, string channel, long? batchId, int inputCount, int failedCount);
}
