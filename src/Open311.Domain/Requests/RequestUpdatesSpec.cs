using Ardalis.Specification;

namespace Open311.Domain.Requests;

/// <summary>
/// One page of the status updates feed: history events whose time lies in [<paramref name="from"/>,
/// <paramref name="to"/>], oldest first, so a client can resume from the last update it read.
/// The caller restricts the events to one jurisdiction's requests before applying this specification.
/// </summary>
public sealed class RequestUpdatesSpec : Specification<RequestEvent>
{
    public RequestUpdatesSpec(DateTimeOffset from, DateTimeOffset to, int page, int pageSize)
    {
        Query.Where(update => update.OccurredAt >= from && update.OccurredAt <= to)
            .OrderBy(update => update.OccurredAt)
            .ThenBy(update => update.Id);
        Query.Skip(Paging.Skip(page, pageSize)).Take(pageSize);
    }
}
