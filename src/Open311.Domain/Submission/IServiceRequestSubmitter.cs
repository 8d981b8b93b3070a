using Open311.Domain.Requests;

namespace Open311.Domain.Submission;

/// <summary>Who and what a submission comes from; stored on the request and in its history.</summary>
public sealed record SubmissionContext(string Channel, string Actor)
{
    public long? ApiKeyId { get; init; }

    public string? UserId { get; init; }

    public long? BatchId { get; init; }
}

/// <summary>The outcome of validating or storing one request: the stored request, or every error found.</summary>
public sealed record SubmissionResult(ServiceRequest? Request, IReadOnlyList<SubmissionError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Non-blocking remarks, such as a nearby open request of the same service.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// Validates and stores service requests. The GeoReport POST, the public form and liaison batches all go
/// through it, so they share one set of rules (FluentValidation) and one storage path.
/// </summary>
public interface IServiceRequestSubmitter
{
    /// <summary>Runs every rule without storing anything, and returns all errors at once.</summary>
    Task<SubmissionResult> ValidateAsync(NewServiceRequest input, CancellationToken cancellationToken = default);

    /// <summary>Validates and stores one request with its first history event.</summary>
    Task<SubmissionResult> SubmitAsync(NewServiceRequest input, SubmissionContext context, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores all requests in one transaction, or none: when any input fails, nothing is stored and the
    /// results carry each input's errors in input order.
    /// </summary>
    Task<IReadOnlyList<SubmissionResult>> SubmitAllAsync(IReadOnlyList<NewServiceRequest> inputs, SubmissionContext context, CancellationToken cancellationToken = default);
}
