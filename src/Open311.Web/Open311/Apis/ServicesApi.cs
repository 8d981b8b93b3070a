using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Open311.Data;
using Open311.Data.Jurisdictions;
using Open311.Data.Specifications;
using Open311.Domain.Services;
using Open311.Domain.Spatial;
using Open311.Web.GeoReport.Formatting;
using Open311.Web.GeoReport.Queries;

namespace Open311.Web.GeoReport.Apis;

/// <summary>GET services and GET services/{service_code}: the catalogue and each service's definition.</summary>
public static class ServicesApi
{
    public static RouteGroupBuilder MapServicesApi(this RouteGroupBuilder group)
    {
        group.MapGet("/services.{format}", GetServiceList)
            .WithName(nameof(GetServiceList))
            .WithSummary("List the services a jurisdiction accepts requests for")
            .WithOpen311Responses("Services", 400, 404);
        group.MapGet("/services/{service_code}.{format}", GetServiceDefinition)
            .WithName(nameof(GetServiceDefinition))
            .WithSummary("Describe one service's attributes (questions)")
            .WithOpen311Responses("Services", 404);
        return group;
    }

    public static async Task<Open311Result> GetServiceList(
        string format,
        [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId,
        [FromQuery(Name = "lat")] string? lat,
        [FromQuery(Name = "long")] string? @long,
        Open311DbContext db,
        JurisdictionResolver resolver,
        CancellationToken cancellationToken)
    {
        if (!Open311Responses.TryFormat(format, out var wireFormat, out var notFound))
        {
            return notFound!;
        }

        if (!TryReadPoint(lat, @long, out var point, out var errors))
        {
            return Open311Responses.BadRequest(wireFormat, errors);
        }

        var (jurisdiction, error) = await Open311Responses.ResolveJurisdictionAsync(resolver, jurisdictionId, wireFormat, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var inside = point is null || await db.Jurisdictions.AsNoTracking()
            .AnyAsync(j => j.Id == jurisdiction!.Id && (j.Boundary == null || j.Boundary.Covers(point)), cancellationToken);
        var services = !inside ? [] : await db.Services.AsNoTracking()
            .WithSpecification(new ServicesOfferedSpec(jurisdiction!.Id, point))
            .ToListAsync(cancellationToken);

        var items = services.Select(service => new ServiceWire(
            service.Code, service.Name, service.Description, service.Metadata,
            service.Type.ToString().ToLowerInvariant(), service.Keywords, service.Group));
        return Open311Result.Ok(wireFormat, WireDocument.List("services", "service", items));
    }

    public static async Task<Open311Result> GetServiceDefinition(
        [FromRoute(Name = "service_code")] string serviceCode,
        string format,
        [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId,
        Open311DbContext db,
        JurisdictionResolver resolver,
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

        var service = await db.Services.AsNoTracking()
            .Include(candidate => candidate.Attributes).ThenInclude(attribute => attribute.Values)
            .SingleOrDefaultAsync(candidate => candidate.JurisdictionId == jurisdiction!.Id && candidate.Code == serviceCode && candidate.Active, cancellationToken);
        if (service is null)
        {
            return Open311Result.Error(wireFormat, StatusCodes.Status404NotFound,
                $"Unknown service_code '{serviceCode}'. GET services.{format} lists the codes of this jurisdiction.");
        }

        var attributes = service.Attributes
            .OrderBy(attribute => attribute.Order).ThenBy(attribute => attribute.Code, StringComparer.Ordinal)
            .Select(ToWire)
            .ToList();
        return Open311Result.Ok(wireFormat, WireDocument.Object("service_definition", new ServiceDefinitionWire(service.Code, attributes)));
    }

    private static AttributeWire ToWire(ServiceAttribute attribute) => new(
        attribute.Variable,
        attribute.Code,
        attribute.Datatype.ToWire(),
        attribute.Required,
        attribute.DatatypeDescription,
        attribute.Order,
        attribute.Description,
        attribute.Values.OrderBy(value => value.SortOrder).Select(value => new AttributeValueWire(value.Key, value.Name)).ToList());

    /// <summary>Reads an optional point: both coordinates or neither.</summary>
    private static bool TryReadPoint(string? lat, string? @long, out Point? point, out List<string> errors)
    {
        point = null;
        errors = [];
        var hasLat = !string.IsNullOrWhiteSpace(lat);
        var hasLong = !string.IsNullOrWhiteSpace(@long);
        if (hasLat != hasLong)
        {
            errors.Add($"Missing {(hasLat ? "long" : "lat")}: send lat and long together, or neither.");
            return false;
        }

        if (!hasLat)
        {
            return true;
        }

        var latOk = GeoArguments.TryParseLatitude("lat", lat!, out var latitude, out var latError);
        var longOk = GeoArguments.TryParseLongitude("long", @long!, out var longitude, out var longError);
        errors.AddRange(new[] { latError, longError }.OfType<string>());
        if (latOk && longOk)
        {
            point = Geo.Point(latitude, longitude);
        }

        return errors.Count == 0;
    }
}
