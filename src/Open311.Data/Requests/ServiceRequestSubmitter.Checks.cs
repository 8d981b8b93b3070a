using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Open311.Domain.Jurisdictions;
using Open311.Domain.Services;
using Open311.Domain.Submission;

namespace Open311.Data.Requests;

public sealed partial class ServiceRequestSubmitter
{
    private const int OutsideJurisdiction = 1;
    private const int OutsideServiceArea = 2;

    /// <summary>An input with what was resolved for it and every error found.</summary>
    private sealed record PreparedRequest(
        NewServiceRequest Input,
        Jurisdiction? Jurisdiction,
        Service? Service,
        (double Latitude, double Longitude)? Point,
        IReadOnlyList<SubmissionError> Errors);

    /// <summary>Jurisdictions and services already loaded for a batch, so each is read once rather than once per row.</summary>
    private sealed class LookupCache
    {
        public Dictionary<string, (Jurisdiction?, SubmissionError?)> Jurisdictions { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string JurisdictionId, string Code), Service?> Services { get; } = [];
    }

    /// <summary>Resolves the jurisdiction and service and runs every rule, collecting all errors in one pass.</summary>
    private async Task<PreparedRequest> PrepareAsync(NewServiceRequest input, CancellationToken cancellationToken, LookupCache? lookups = null)
    {
        lookups ??= new LookupCache();
        var errors = new List<SubmissionError>();

        // PostgreSQL text cannot contain NUL, so an id the validator rejects is never sent to the database.
        Jurisdiction? jurisdiction = null;
        if (XmlCharacters.IsValid(input.JurisdictionId))
        {
            var jurisdictionKey = input.JurisdictionId?.Trim() ?? string.Empty;
            if (!lookups.Jurisdictions.TryGetValue(jurisdictionKey, out var resolved))
            {
                resolved = await jurisdictions.ResolveAsync(input.JurisdictionId, cancellationToken);
                lookups.Jurisdictions[jurisdictionKey] = resolved;
            }

            (jurisdiction, var jurisdictionError) = resolved;
            if (jurisdictionError is not null)
            {
                errors.Add(jurisdictionError);
            }
        }

        Service? service = null;
        if (jurisdiction is not null && !string.IsNullOrWhiteSpace(input.ServiceCode) && XmlCharacters.IsValid(input.ServiceCode))
        {
            var serviceKey = (jurisdiction.Id, input.ServiceCode.Trim());
            if (!lookups.Services.TryGetValue(serviceKey, out service))
            {
                service = await FindActiveServiceAsync(serviceKey.Item1, serviceKey.Item2, cancellationToken);
                lookups.Services[serviceKey] = service;
            }

            if (service is null)
            {
                var code = XmlCharacters.Quote(input.ServiceCode.Trim());
                errors.Add(new SubmissionError("service_code",
                    $"Unknown service_code '{code}'. Send the code of one of the services listed by GET services.",
                    SubmissionErrorKind.NotFound));
            }
        }

        var validation = new NewServiceRequestValidator(service).Validate(input);
        errors.AddRange(validation.ToSubmissionErrors());

        var point = LocationRules.TryReadPoint(input);
        if (point is { } coordinates && jurisdiction is not null)
        {
            errors.AddRange(await CheckAreaAsync(jurisdiction, service, coordinates, cancellationToken));
        }

        return new PreparedRequest(input, jurisdiction, service, point, errors);
    }

    private Task<Service?> FindActiveServiceAsync(string jurisdictionId, string code, CancellationToken cancellationToken) =>
        db.Services.AsNoTracking()
            .Include(service => service.Attributes).ThenInclude(attribute => attribute.Values)
            .AsSplitQuery()
            .SingleOrDefaultAsync(service => service.JurisdictionId == jurisdictionId && service.Code == code && service.Active, cancellationToken);

    /// <summary>Asks PostGIS whether the point lies inside the jurisdiction's boundary and the service's area. A null shape sets no limit.</summary>
    private async Task<IEnumerable<SubmissionError>> CheckAreaAsync(
        Jurisdiction jurisdiction, Service? service, (double Latitude, double Longitude) point, CancellationToken cancellationToken)
    {
        int? serviceId = service?.Id;
        var outside = await db.Database.SqlQuery<int>($"""
            SELECT (CASE WHEN j.boundary IS NULL OR ST_Covers(j.boundary, p.geom) THEN 0 ELSE {OutsideJurisdiction} END)
                 + (CASE WHEN s.area IS NULL OR ST_Covers(s.area, p.geom) THEN 0 ELSE {OutsideServiceArea} END) AS "Value"
            FROM jurisdictions j
            CROSS JOIN (SELECT ST_SetSRID(ST_MakePoint({point.Longitude}, {point.Latitude}), 4326) AS geom) p
            LEFT JOIN services s ON s.id = {serviceId}
            WHERE j.id = {jurisdiction.Id}
            """).SingleAsync(cancellationToken);

        var printedPoint = string.Create(CultureInfo.InvariantCulture, $"lat {point.Latitude}, long {point.Longitude}");
        var errors = new List<SubmissionError>();
        if ((outside & OutsideJurisdiction) != 0)
        {
            errors.Add(new SubmissionError("lat",
                $"The location ({printedPoint}) is outside the service area of {jurisdiction.Name}. Check that lat and long are not swapped, or choose a point inside the area."));
        }
        else if ((outside & OutsideServiceArea) != 0)
        {
            errors.Add(new SubmissionError("lat",
                $"The location ({printedPoint}) is outside the area where '{service!.Name}' is offered. Choose a point inside that area or another service."));
        }

        return errors;
    }

    private async Task<IReadOnlyList<string>> FindNearbyWarningsAsync(PreparedRequest item, CancellationToken cancellationToken)
    {
        if (item.Point is not { } point)
        {
            return [];
        }

        var nearby = await duplicates.FindAsync(item.Jurisdiction!.Id, item.Service!.Code, point.Latitude, point.Longitude, cancellationToken);
        return nearby
            .Take(3)
            .Select(match => string.Create(CultureInfo.InvariantCulture,
                $"Request {match.Request.PublicId} for the same service is open {Math.Round(match.DistanceMetres)} m away and may be the same problem."))
            .ToList();
    }
}
