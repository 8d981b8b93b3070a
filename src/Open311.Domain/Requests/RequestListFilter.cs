using NetTopologySuite.Geometries;

namespace Open311.Domain.Requests;

/// <summary>
/// The arguments of a request list (GET requests, its GeoJSON form), already parsed and checked.
/// A non-null <see cref="ServiceRequestIds"/> overrides every other filter except the jurisdiction.
/// </summary>
public sealed record RequestListFilter(string JurisdictionId)
{
    /// <summary>The largest page a client may request, and the size of a page when none is given.</summary>
    public const int MaxPageSize = 1000;

    public IReadOnlyList<string>? ServiceRequestIds { get; init; }

    /// <summary>Wire service codes; a code that matches no service matches no request.</summary>
    public IReadOnlyList<string>? ServiceCodes { get; init; }

    /// <summary>Internal states to keep, expanded from the wire's open/closed; null keeps every state.</summary>
    public IReadOnlyList<RequestStatus>? Statuses { get; init; }

    /// <summary>Inclusive lower bound on the requested date-time.</summary>
    public DateTimeOffset? RequestedFrom { get; init; }

    /// <summary>Inclusive upper bound on the requested date-time.</summary>
    public DateTimeOffset? RequestedTo { get; init; }

    /// <summary>Exclusive lower bound on the updated date-time.</summary>
    public DateTimeOffset? UpdatedAfter { get; init; }

    /// <summary>Exclusive upper bound on the updated date-time.</summary>
    public DateTimeOffset? UpdatedBefore { get; init; }

    /// <summary>Centre of a radius search; used with <see cref="RadiusMetres"/>.</summary>
    public Point? Near { get; init; }

    public double? RadiusMetres { get; init; }

    /// <summary>A box, as a WGS84 polygon; requests whose point lies inside or on its edge match.</summary>
    public Polygon? Box { get; init; }

    /// <summary>Neighbourhoods to keep; an empty list (an unknown name) matches no request.</summary>
    public IReadOnlyList<int>? NeighborhoodIds { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = MaxPageSize;
}
