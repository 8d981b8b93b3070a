using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Data.Jurisdictions;
using Open311.Data.Specifications;
using Open311.Domain.Requests;
using Open311.Web.GeoReport.Formatting;
using Open311.Web.GeoReport.Queries;

namespace Open311.Web.GeoReport.Apis;

/// <summary>GET servicerequestupdates: the status changes and notes of a window, oldest first (mySociety's extension).</summary>
public static class RequestUpdatesApi
{
    public static RouteGroupBuilder MapRequestUpdatesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/servicerequestupdates.{format}", GetServiceRequestUpdates)
            .WithName(nameof(GetServiceRequestUpdates))
            .WithSummary("List status updates in a window of at most 90 days, oldest first")
            .WithOpen311Responses("Updates", 400, 404);
        return group;
    }

    public static async Task<Open311Result> GetServiceRequestUpdates(
        string format,
        [AsParameters] RequestUpdatesQuery query,
        Open311DbContext db,
        JurisdictionResolver resolver,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!Open311Responses.TryFormat(format, out var wireFormat, out var notFound))
        {
            return notFound!;
        }

        var (jurisdiction, error) = await Open311Responses.ResolveJurisdictionAsync(resolver, query.JurisdictionId, wireFormat, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var errors = new List<string>();
        var start = RequestsQueryParser.ParseInstant(query.StartDate, "start_date", errors);
        var end = RequestsQueryParser.ParseInstant(query.EndDate, "end_date", errors);
        var page = RequestsQueryParser.ParsePage(query.Page, "page", int.MaxValue, 1, errors);
        var pageSize = RequestsQueryParser.ParsePage(query.PageSize, "page_size", RequestListFilter.MaxPageSize, RequestListFilter.MaxPageSize, errors);
        if (errors.Count > 0)
        {
            return Open311Responses.BadRequest(wireFormat, errors);
        }

        if (!DateWindow.TryResolve(start, end, clock.GetUtcNow(), out var from, out var to, out var windowError))
        {
            errors.Add(windowError!);
        }

        if (errors.Count > 0)
        {
            return Open311Responses.BadRequest(wireFormat, errors);
        }

        var jurisdictionId = jurisdiction!.Id;
        var updates = await db.RequestEvents.AsNoTracking()
            .Where(update => db.ServiceRequests.Any(request => request.Id == update.RequestId && request.JurisdictionId == jurisdictionId))
            .WithSpecification(new RequestUpdatesSpec(from, to, page, pageSize))
            .Join(db.ServiceRequests, update => update.RequestId, request => request.Id, (update, request) => new
            {
                update.Id,
                request.PublicId,
                update.Status,
                update.OccurredAt,
                update.Notes,
                update.MediaUrl,
            })
            .ToListAsync(cancellationToken);

        var zone = jurisdiction.TimeZone;
        var items = updates.Select(update => new ServiceRequestUpdateWire(
            update.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            update.PublicId,
            update.Status.ToWire(),
            WireTime.ToZone(update.OccurredAt, zone),
            update.Notes,
            update.MediaUrl));
        return Open311Result.Ok(wireFormat, WireDocument.List("service_request_updates", "request_update", items));
    }
}
