using Ardalis.Specification;
using NetTopologySuite.Geometries;

namespace Open311.Domain.Services;

/// <summary>
/// The active services of a jurisdiction, optionally only those offered at a point (a service with an
/// <see cref="Service.Area"/> must contain it). Whether the point is inside the jurisdiction is checked apart.
/// </summary>
public sealed class ServicesOfferedSpec : Specification<Service>
{
    public ServicesOfferedSpec(string jurisdictionId, Point? at = null)
    {
        Query.Where(service => service.JurisdictionId == jurisdictionId && service.Active);

        if (at is not null)
        {
            Query.Where(service => service.Area == null || service.Area.Covers(at));
        }

        Query.OrderBy(service => service.Group).ThenBy(service => service.Name).ThenBy(service => service.Code);
    }
}
