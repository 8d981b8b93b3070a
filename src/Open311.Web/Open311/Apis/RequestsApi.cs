using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Data.Jurisdictions;
using Open311.Domain.Requests;
using Open311.Web.GeoReport.Formatting;
using Open311.Web.GeoReport.Queries;

namespace Open311.Web.GeoReport.Apis;

/// <summary>GET requests (XML, JSON, GeoJSON) and GET requests/{service_request_id}; POST is in <see cref="PostRequestsApi"/>.</summary>
public static class RequestsApi
{
    public static RouteGroupBuilder MapRequestsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/requests.{format}", GetServiceRequests)
            .WithName(nameof(GetServiceRequests))
            .WithSummary("Search requests: newest first, at most one page (1,000 by default) from a window of at most 90 days")
            .WithOpen311Responses("Requests", 400, 404);
        group.MapGet("/requests/{service_request_id}.{format}", GetServiceRequest)
            .WithName(nameof(GetServiceRequest))
            .WithSummary("Get one request, as a list of one")
            .WithOpen311Responses("Requests", 400, 404);
        return group;
    }

    public static async Task<IResult> GetServiceRequests(
        string format,
        [AsParameters] RequestsQuery query,
        Open311DbContext db,
        JurisdictionResolver resolver,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var isGeoJson = string.Equals(format, "geojson", StringComparison.OrdinalIgnoreCase);
        var wireFormat = WireFormat.Json;
        if (!isGeoJson && !Open311Responses.TryFormat(format, out wireFormat, out var notFound))
        {
            return notFound!;
        }

        var (jurisdiction, error) = await Open311Responses.ResolveJurisdictionAsync(resolver, query.JurisdictionId, wireFormat, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (filter, extensions, errors) = RequestsQueryParser.Parse(query, jurisdiction!.Id, clock.GetUtcNow());
        if (errors.Count > 0)
        {
            return Open311Responses.BadRequest(wireFormat, errors);
        }

        if (!string.IsNullOrEmpty(query.Neighborhood) && filter.ServiceRequestIds is null)
        {
            filter = filter with { NeighborhoodIds = await FindNeighborhoodsAsync(db, jurisdiction.Id, query.Neighborhood, cancellationToken) };
        }

        var requests = await RequestReader.ReadAsync(db, filter, jurisdiction.TimeZone, extensions, cancellationToken);
        return isGeoJson
            ? new GeoJsonResult(requests)
            : Open311Result.Ok(wireFormat, WireDocument.List("service_requests", "request", requests));
    }

    public static async Task<Open311Result> GetServiceRequest(
        [FromRoute(Name = "service_request_id")] string serviceRequestId,
        string format,
        [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId,
        [FromQuery(Name = "extensions")] string? extensions,
        Open311DbContext db,
        JurisdictionResolver resolver,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!Open311Responses.TryFormat(format, out var wireFormat, out var notFound))
        {
            return notFound!;
        }

        var (jurisdiction, error) = await Open311Responses.ResolveJurisdictionAsync(resolver, jurisdictionId, wireFormat, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var query = new RequestsQuery { ServiceRequestId = serviceRequestId, Extensions = extensions };
        var (filter, withExtensions, errors) = RequestsQueryParser.Parse(query, jurisdiction!.Id, clock.GetUtcNow());
        if (errors.Count > 0)
        {
            return Open311Responses.BadRequest(wireFormat, errors);
        }

        var requests = await RequestReader.ReadAsync(db, filter with { ServiceRequestIds = [serviceRequestId] }, jurisdiction.TimeZone, withExtensions, cancellationToken);
        return requests.Count == 0
            ? Open311Result.Error(wireFormat, StatusCodes.Status404NotFound, $"Unknown service_request_id '{serviceRequestId}' in jurisdiction '{jurisdiction.Id}'.")
            : Open311Result.Ok(wireFormat, WireDocument.List("service_requests", "request", requests));
    }

    /// <summary>Finds neighbourhoods by name, ignoring case; an unknown name yields an empty list, so it matches nothing.</summary>
    private static async Task<IReadOnlyList<int>> FindNeighborhoodsAsync(Open311DbContext db, string jurisdictionId, string name, CancellationToken cancellationToken)
    {
        var pattern = name.Trim().Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
        return await db.Neighborhoods.AsNoTracking()
            .Where(neighborhood => neighborhood.JurisdictionId == jurisdictionId && EF.Functions.ILike(neighborhood.Name, pattern, @"\"))
            .Select(neighborhood => neighborhood.Id)
            .ToListAsync(cancellationToken);
    }
}
