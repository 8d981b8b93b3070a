using Microsoft.AspNetCore.Mvc;

namespace Open311.Web.GeoReport.Queries;

/// <summary>
/// The query string of GET requests as sent. Every argument binds as text, so binding never fails and
/// <see cref="RequestsQueryParser"/> can report every bad argument at once in the Open311 error shape.
/// </summary>
public sealed class RequestsQuery
{
    [FromQuery(Name = "jurisdiction_id")]
    public string? JurisdictionId { get; set; }

    [FromQuery(Name = "service_request_id")]
    public string? ServiceRequestId { get; set; }

    [FromQuery(Name = "service_code")]
    public string? ServiceCode { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "start_date")]
    public string? StartDate { get; set; }

    [FromQuery(Name = "end_date")]
    public string? EndDate { get; set; }

    [FromQuery(Name = "updated_after")]
    public string? UpdatedAfter { get; set; }

    [FromQuery(Name = "updated_before")]
    public string? UpdatedBefore { get; set; }

    [FromQuery(Name = "lat")]
    public string? Lat { get; set; }

    [FromQuery(Name = "long")]
    public string? Long { get; set; }

    [FromQuery(Name = "radius")]
    public string? Radius { get; set; }

    [FromQuery(Name = "bbox")]
    public string? Bbox { get; set; }

    [FromQuery(Name = "neighborhood")]
    public string? Neighborhood { get; set; }

    [FromQuery(Name = "page")]
    public string? Page { get; set; }

    [FromQuery(Name = "page_size")]
    public string? PageSize { get; set; }

    [FromQuery(Name = "extensions")]
    public string? Extensions { get; set; }
}

/// <summary>The query string of the servicerequestupdates feed.</summary>
public sealed class RequestUpdatesQuery
{
    [FromQuery(Name = "jurisdiction_id")]
    public string? JurisdictionId { get; set; }

    [FromQuery(Name = "start_date")]
    public string? StartDate { get; set; }

    [FromQuery(Name = "end_date")]
    public string? EndDate { get; set; }

    [FromQuery(Name = "page")]
    public string? Page { get; set; }

    [FromQuery(Name = "page_size")]
    public string? PageSize { get; set; }
}
