using Ardalis.Specification;

namespace Open311.Domain.Requests;

/// <summary>
/// The requests of one page of a request list, newest first (ties broken by newest id, so pages never
/// overlap). Spatial filters use <c>geography</c> semantics in PostGIS: the radius is metres on the sphere.
/// </summary>
public sealed class RequestListSpec : Specification<ServiceRequest>
{
    public RequestListSpec(RequestListFilter filter)
    {
        Query.Where(request => request.JurisdictionId == filter.JurisdictionId);

        if (filter.ServiceRequestIds is { } ids)
        {
            Query.Where(request => ids.Contains(request.PublicId));
        }
        else
        {
            ApplyFilters(filter);
        }

        Query.OrderByDescending(request => request.RequestedAt).ThenByDescending(request => request.Id);
        Query.Skip(Paging.Skip(filter.Page, filter.PageSize)).Take(filter.PageSize);
    }

    private void ApplyFilters(RequestListFilter filter)
    {
        if (filter.ServiceCodes is { } codes)
        {
            Query.Where(request => codes.Contains(request.Service!.Code));
        }

        if (filter.Statuses is { } statuses)
        {
            Query.Where(request => statuses.Contains(request.Status));
        }

        Query.Where(request => request.RequestedAt >= filter.RequestedFrom, filter.RequestedFrom is not null)
            .Where(request => request.RequestedAt <= filter.RequestedTo, filter.RequestedTo is not null)
            .Where(request => request.UpdatedAt > filter.UpdatedAfter, filter.UpdatedAfter is not null)
            .Where(request => request.UpdatedAt < filter.UpdatedBefore, filter.UpdatedBefore is not null);

        if (filter.Near is { } near && filter.RadiusMetres is { } radius)
        {
            Query.Where(request => request.Location != null && request.Location.IsWithinDistance(near, radius));
        }

        if (filter.Box is { } box)
        {
            Query.Where(request => request.Location != null && box.Intersects(request.Location));
        }

        if (filter.NeighborhoodIds is { } neighborhoods)
        {
            Query.Where(request => request.NeighborhoodId != null && neighborhoods.Contains(request.NeighborhoodId.Value));
        }
    }
}
