using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Open311.Data.Jurisdictions;
using Open311.Data.Requests;
using Open311.Domain.Requests;
using Open311.Domain.Submission;
using Open311.Web.GeoReport;
using Open311.Web.GeoReport.Apis;
using Open311.Web.GeoReport.Formatting;

namespace Open311.Web.Requests;

/// <summary>
/// An item of GET requests/nearby: the fields of a GET requests item, in the same order, followed by
/// <c>distance_metres</c> from the given point.
/// </summary>
public sealed record NearbyRequestWire(
    string ServiceRequestId,
    string Status,
    string? StatusNotes,
    string ServiceName,
    string ServiceCode,
    string? Description,
    string? AgencyResponsible,
    string? ServiceNotice,
    DateTimeOffset RequestedDatetime,
    DateTimeOffset UpdatedDatetime,
    DateTimeOffset? ExpectedDatetime,
    string? Address,
    string? AddressId,
    string? Zipcode,
    double? Lat,
    double? Long,
    string? MediaUrl,
    double DistanceMetres);

/// <summary>
/// GET requests/nearby (extension): open requests of one service near a point, nearest first, so clients can
/// offer an existing report before creating a duplicate. The radius and age limit are
/// <c>Open311:Duplicates:DistanceMetres</c> and <c>Open311:Duplicates:MaxAgeDays</c>.
/// </summary>
public static class NearbyRequestsApi
{
    public static WebApplication MapNearbyRequestsApi(this WebApplication app)
    {
        // The route also matches requests/{service_request_id}.{format}, so a lower order makes this one win.
        app.MapGet(Open311Api.BasePath + "/requests/nearby.{format}", GetNearbyServiceRequests)
            .WithOrder(-1)
            .WithGroupName(Open311Api.DocumentName)
            .WithName(nameof(GetNearbyServiceRequests))
            .WithSummary("List open requests of a service near a point, nearest first, with distance_metres")
            .WithOpen311Responses("Requests", 400, 404)
            .AnswerHead();
        return app;
    }

    public static async Task<Open311Result> GetNearbyServiceRequests(
        string format,
        [FromQuery(Name = "service_code")] string? serviceCode,
        [FromQuery(Name = "lat")] string? lat,
        [FromQuery(Name = "long")] string? longitude,
        [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId,
        JurisdictionResolver resolver,
        NearbyDuplicateFinder finder,
        CancellationToken cancellationToken)
    {
        if (!Open311Responses.TryFormat(format, out var wireFormat, out var notFound))
        {
            return notFound!;
        }

        var errors = CheckArguments(serviceCode, lat, longitude);
        if (errors.Count > 0)
        {
            return Open311Responses.BadRequest(wireFormat, errors);
        }

        var (jurisdiction, error) = await Open311Responses.ResolveJurisdictionAsync(resolver, jurisdictionId, wireFormat, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        // Both coordinates passed CheckArguments, so these parses succeed.
        _ = SubmissionParsing.TryParseNumber(lat, out var latitude);
        _ = SubmissionParsing.TryParseNumber(longitude, out var longitudeDegrees);
        var nearby = await finder.FindAsync(jurisdiction!.Id, serviceCode!.Trim(), latitude, longitudeDegrees, cancellationToken);
        var items = nearby.Select(match => ToWire(match, jurisdiction.TimeZone));
        return Open311Result.Ok(wireFormat, WireDocument.List("service_requests", "request", items));
    }

    private static List<string> CheckArguments(string? serviceCode, string? lat, string? longitude)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(serviceCode) || !XmlCharacters.IsValid(serviceCode))
        {
            errors.Add("Missing or invalid service_code. Send the code of one of the services listed by GET services.");
        }

        errors.AddRange(CheckDegrees("lat", lat, 90));
        errors.AddRange(CheckDegrees("long", longitude, 180));
        return errors;
    }

    private static IEnumerable<string> CheckDegrees(string name, string? text, double limit)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return $"Missing {name}. Send lat and long in decimal degrees, such as lat=39.9526&long=-75.1652.";
        }
        else if (!SubmissionParsing.TryParseNumber(text, out var degrees) || Math.Abs(degrees) > limit)
        {
            var limitText = limit.ToString(CultureInfo.InvariantCulture);
            yield return $"Invalid {name} '{XmlCharacters.Quote(text)}'. Send decimal degrees between -{limitText} and {limitText}, with a dot as the decimal separator.";
        }
    }

    private static NearbyRequestWire ToWire(NearbyRequest match, TimeZoneInfo zone)
    {
        var request = match.Request;
        return new NearbyRequestWire(
            request.PublicId,
            request.Status.ToGeoReportStatus(),
            request.StatusNotes,
            request.Service!.Name,
            request.Service.Code,
            request.Description,
            request.AgencyResponsible,
            request.ServiceNotice,
            WireTime.ToZone(request.RequestedAt, zone),
            WireTime.ToZone(request.UpdatedAt, zone),
            WireTime.ToZone(request.ExpectedAt, zone),
            request.Address,
            request.AddressId,
            request.Zipcode,
            request.Location?.Y,
            request.Location?.X,
            request.MediaUrl,
            Math.Round(match.DistanceMetres, 1));
    }
}
