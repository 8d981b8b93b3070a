namespace Open311.Domain.Requests;

/// <summary>One entry of a request's history: a status change or a note, with when and who.</summary>
public sealed class RequestEvent
{
    private RequestEvent()
    {
        Actor = string.Empty;
    }

    public RequestEvent(RequestStatus status, string? notes, DateTimeOffset occurredAt, string actor)
    {
        Status = status;
        Notes = notes;
        OccurredAt = occurredAt;
        Actor = actor;
    }

    /// <summary>The <c>update_id</c> of the updates feed.</summary>
    public long Id { get; private set; }

    public long RequestId { get; private set; }

    /// <summary>The request's status after this event.</summary>
    public RequestStatus Status { get; private set; }

    public string? Notes { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>Who made the change: an account name, <c>api</c>, or <c>import</c>.</summary>
    public string Actor { get; private set; }

    public string? MediaUrl { get; set; }
}
