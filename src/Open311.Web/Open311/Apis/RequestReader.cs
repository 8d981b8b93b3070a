using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Open311.Data;
using Open311.Data.Specifications;
using Open311.Domain.Requests;
using Open311.Web.GeoReport.Formatting;

namespace Open311.Web.GeoReport.Apis;

/// <summary>Loads a page of requests for a filter and maps them to wire records in the jurisdiction's time zone.</summary>
internal static class RequestReader
{
    private sealed record RequestRow(
        long Id,
        string PublicId,
        RequestStatus Status,
        string? StatusNotes,
        string ServiceName,
        string ServiceCode,
        string? Description,
        string? AgencyResponsible,
        string? ServiceNotice,
        DateTimeOffset RequestedAt,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? ExpectedAt,
        string? Address,
        string? AddressId,
        string? Zipcode,
        Point? Location,
        string? MediaUrl,
        string Channel,
        int? NeighborhoodId,
        long? DuplicateOfId,
        int ServiceId,
        Dictionary<string, List<string>> Attributes);

    public static async Task<List<ServiceRequestWire>> ReadAsync(
        Open311DbContext db, RequestListFilter filter, TimeZoneInfo zone, bool extensions, CancellationToken cancellationToken)
    {
        var rows = await db.ServiceRequests.AsNoTracking()
            .WithSpecification(new RequestListSpec(filter))
            .Select(request => new RequestRow(
                request.Id, request.PublicId, request.Status, request.StatusNotes,
                request.Service!.Name, request.Service.Code, request.Description, request.AgencyResponsible,
                request.ServiceNotice, request.RequestedAt, request.UpdatedAt, request.ExpectedAt,
                request.Address, request.AddressId, request.Zipcode, request.Location, request.MediaUrl,
                request.Channel, request.NeighborhoodId, request.DuplicateOfId, request.ServiceId, request.Attributes))
            .ToListAsync(cancellationToken);

        var wires = rows.Select(row => ToWire(row, zone)).ToList();
        return extensions ? await AddExtensionsAsync(db, rows, wires, zone, cancellationToken) : wires;
    }

    private static ServiceRequestWire ToWire(RequestRow row, TimeZoneInfo zone) => new(
        row.PublicId,
        row.Status.ToGeoReportStatus(),
        row.StatusNotes,
        row.ServiceName,
        row.ServiceCode,
        row.Description,
        row.AgencyResponsible,
        row.ServiceNotice,
        WireTime.ToZone(row.RequestedAt, zone),
        WireTime.ToZone(row.UpdatedAt, zone),
        WireTime.ToZone(row.ExpectedAt, zone),
        row.Address,
        row.AddressId,
        row.Zipcode,
        row.Location?.Y,
        row.Location?.X,
        row.MediaUrl);

    private static async Task<List<ServiceRequestWire>> AddExtensionsAsync(
        Open311DbContext db, List<RequestRow> rows, List<ServiceRequestWire> wires, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var requestIds = rows.Select(row => row.Id).ToList();
        var neighborhoodIds = rows.Where(row => row.NeighborhoodId is not null).Select(row => row.NeighborhoodId!.Value).Distinct().ToList();
        var parentIds = rows.Where(row => row.DuplicateOfId is not null).Select(row => row.DuplicateOfId!.Value).Distinct().ToList();

        var neighborhoods = await db.Neighborhoods.AsNoTracking()
            .Where(neighborhood => neighborhoodIds.Contains(neighborhood.Id))
            .ToDictionaryAsync(neighborhood => neighborhood.Id, neighborhood => neighborhood.Name, cancellationToken);
        var parents = await db.ServiceRequests.AsNoTracking()
            .Where(request => parentIds.Contains(request.Id))
            .ToDictionaryAsync(request => request.Id, request => request.PublicId, cancellationToken);
        var events = (await db.RequestEvents.AsNoTracking()
            .Where(requestEvent => requestIds.Contains(requestEvent.RequestId))
            .OrderBy(requestEvent => requestEvent.OccurredAt).ThenBy(requestEvent => requestEvent.Id)
            .ToListAsync(cancellationToken))
            .ToLookup(requestEvent => requestEvent.RequestId);

        // Stored answers keep the order of values but not of codes, so answers follow the service's question order.
        var serviceIds = rows.Select(row => row.ServiceId).Distinct().ToList();
        var questionOrder = (await db.ServiceAttributes.AsNoTracking()
            .Where(attribute => serviceIds.Contains(attribute.ServiceId))
            .Select(attribute => new { attribute.ServiceId, attribute.Code, attribute.Order })
            .ToListAsync(cancellationToken))
            .ToDictionary(attribute => (attribute.ServiceId, attribute.Code), attribute => attribute.Order);

        return rows.Zip(wires, (row, wire) => wire with
        {
            ExtendedAttributes = new ExtendedAttributesWire(
                row.NeighborhoodId is { } neighborhoodId ? neighborhoods.GetValueOrDefault(neighborhoodId) : null,
                row.Channel,
                row.DuplicateOfId is { } parentId ? parents.GetValueOrDefault(parentId) : null,
                row.Status.ToWire(),
                row.Attributes
                    .OrderBy(answer => questionOrder.GetValueOrDefault((row.ServiceId, answer.Key), int.MaxValue))
                    .ThenBy(answer => answer.Key, StringComparer.Ordinal)
                    .Select(answer => new AttributeAnswerWire(answer.Key, answer.Value)).ToList()),
            Notes = events[row.Id]
                .Select(requestEvent => new NoteWire(requestEvent.Status.ToWire(), requestEvent.Notes, WireTime.ToZone(requestEvent.OccurredAt, zone)))
                .ToList(),
        }).ToList();
    }
}
