using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Open311.Data;
using Open311.Domain.Jurisdictions;
using Open311.Domain.Requests;
using Open311.Domain.Services;
using Open311.Domain.Spatial;

namespace Open311.Tests.GeoReport;

/// <summary>
/// A fixed dataset for the GeoReport API tests: one default jurisdiction in America/Los_Angeles with a
/// boundary and two neighbourhoods, a second jurisdiction, services of each type (one with an attribute of
/// every datatype), and requests in summer (UTC-7) and winter (UTC-8).
/// </summary>
public static class ApiTestData
{
    public const string JurisdictionId = "sfgov.org";
    public const string OtherJurisdictionId = "other.example";

    /// <summary>The clock of the API test host: the default 90-day window ends here.</summary>
    public static readonly DateTimeOffset Now = new(2014, 8, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset SummerRequestedAt = At(2014, 7, 15, 10, 30, 0, -7);
    public static readonly DateTimeOffset WinterRequestedAt = At(2014, 1, 15, 9, 0, 0, -8);

    public static async Task SeedAsync(Open311DbContext db)
    {
        var city = new Jurisdiction(JurisdictionId, "San Francisco", "America/Los_Angeles", isDefault: true);
        city.SetBoundary(Box(-122.52, 37.70, -122.35, 37.83));
        var other = new Jurisdiction(OtherJurisdictionId, "Other Town", "America/New_York", isDefault: false);
        db.Jurisdictions.AddRange(city, other);
        db.Neighborhoods.AddRange(
            new Neighborhood(JurisdictionId, "Mission", Box(-122.43, 37.75, -122.40, 37.77)),
            new Neighborhood(JurisdictionId, "Outer Sunset", Box(-122.51, 37.74, -122.47, 37.77)));

        var pothole = Pothole();
        var graffiti = new Service(JurisdictionId, "GRAFFITI", "Graffiti", ServiceType.Batch);
        graffiti.Describe("Graffiti", "Paint on public property.", "Cleaning", "paint,tag", ServiceType.Batch);
        graffiti.LimitTo(Box(-122.43, 37.75, -122.40, 37.77));
        var streetlight = new Service(JurisdictionId, "STREETLIGHT", "Streetlight out", ServiceType.Blackbox);
        var retired = new Service(JurisdictionId, "RETIRED", "Retired service", ServiceType.Realtime);
        retired.SetActive(false);
        var elsewhere = new Service(OtherJurisdictionId, "POTHOLE", "Pothole elsewhere", ServiceType.Realtime);
        db.Services.AddRange(pothole, graffiti, streetlight, retired, elsewhere);
        await db.SaveChangesAsync();

        await SeedRequestsAsync(db, pothole, graffiti, streetlight, elsewhere);
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE service_requests r SET neighborhood_id = n.id FROM neighborhoods n " +
            "WHERE n.jurisdiction_id = r.jurisdiction_id AND ST_Covers(n.geometry, r.location::geometry)");
    }

    private static Service Pothole()
    {
        var pothole = new Service(JurisdictionId, "POTHOLE", "Pothole", ServiceType.Realtime);
        pothole.Describe("Pothole", "A hole in the road surface.", "Streets", "road,asphalt", ServiceType.Realtime);
        var size = new ServiceAttribute("SIZE", AttributeDatatype.SingleValueList, variable: true, required: true, order: 1)
        {
            Description = "How big is the hole?",
        };
        size.ReplaceValues([new AttributeValue("small", "Smaller than a plate", 1), new AttributeValue("large", "Larger than a plate", 2)]);
        var items = new ServiceAttribute("ITEMS", AttributeDatatype.MultiValueList, variable: true, required: false, order: 2)
        {
            Description = "What is in the hole?",
        };
        items.ReplaceValues([new AttributeValue("cone", "Traffic cone", 1), new AttributeValue("sign", "Sign", 2), new AttributeValue("water", "Water", 3)]);
        pothole.ReplaceAttributes(
        [
            new ServiceAttribute("SAFETY", AttributeDatatype.String, variable: false, required: false, order: 0)
            {
                Description = "Call 911 if the hole is a danger to traffic.",
            },
            size,
            items,
            new ServiceAttribute("DEPTH", AttributeDatatype.Number, variable: true, required: false, order: 3)
            {
                Description = "Depth in centimetres",
                DatatypeDescription = "A number, such as 12.5",
            },
            new ServiceAttribute("NOTICED", AttributeDatatype.Datetime, variable: true, required: false, order: 4) { Description = "When did you notice it?" },
            new ServiceAttribute("LANE", AttributeDatatype.String, variable: true, required: false, order: 5) { Description = "Which lane?" },
            new ServiceAttribute("DETAILS", AttributeDatatype.Text, variable: true, required: false, order: 6) { Description = "Anything else?" },
        ]);
        return pothole;
    }

    private static async Task SeedRequestsAsync(Open311DbContext db, Service pothole, Service graffiti, Service streetlight, Service elsewhere)
    {
        var summer = Request(pothole, "1001", SummerRequestedAt, Geo.Point(37.76, -122.42));
        summer.Description = "Deep pothole by the bus stop";
        summer.Address = "2000 Mission St";
        summer.Zipcode = "94110";
        summer.MediaUrl = "https://example.org/photos/1001.jpg";
        summer.Attributes["SIZE"] = ["large"];
        summer.Attributes["ITEMS"] = ["sign", "cone"];
        await SaveAsync(db, summer);

        var winter = Request(pothole, "1002", WinterRequestedAt, Geo.Point(37.75, -122.49));
        winter.AgencyResponsible = "Public Works";
        winter.ServiceNotice = "Usually fixed within 3 days";
        winter.ExpectedAt = At(2014, 1, 18, 17, 0, 0, -8);
        winter.ChangeStatus(RequestStatus.Fixed, "Filled with asphalt", At(2014, 1, 20, 12, 0, 0, -8), "staff");
        await SaveAsync(db, winter);

        var batch = Request(graffiti, "1003", At(2014, 7, 20, 8, 0, 0, -7), null);
        batch.Token = "tok-1003";
        batch.Address = "Valencia St & 20th St";
        batch.ChangeStatus(RequestStatus.InProgress, "Crew assigned", At(2014, 7, 21, 9, 15, 0, -7), "staff");
        await SaveAsync(db, batch);

        var light = Request(streetlight, "1004", At(2014, 7, 25, 20, 15, 30, -7), Geo.Point(37.8, -122.41));
        light.Description = "<script>alert(1)</script> & \"quotes\"";
        await SaveAsync(db, light);
        light.MarkDuplicateOf(summer, "Same as 1001\u0007", At(2014, 7, 26, 10, 0, 0, -7), "staff");
        await db.SaveChangesAsync();

        await SaveAsync(db, Request(pothole, "1006", new DateTimeOffset(2014, 4, 30, 15, 0, 0, TimeSpan.Zero), Geo.Point(37.77, -122.45)));
        await SaveAsync(db, Request(pothole, "1007", new DateTimeOffset(2014, 4, 30, 14, 45, 0, TimeSpan.Zero), Geo.Point(37.77, -122.45)));
        await SaveAsync(db, Request(elsewhere, "9001", SummerRequestedAt, null, OtherJurisdictionId));
    }

    private static ServiceRequest Request(Service service, string publicId, DateTimeOffset requestedAt, Point? location, string jurisdictionId = JurisdictionId)
    {
        var request = new ServiceRequest(jurisdictionId, service.Id, requestedAt, RequestChannels.Api)
        {
            PublicId = publicId,
            Location = location,
        };
        request.RecordOpened("api");
        return request;
    }

    private static async Task SaveAsync(Open311DbContext db, ServiceRequest request)
    {
        db.ServiceRequests.Add(request);
        await db.SaveChangesAsync();
    }

    /// <summary>Returns the instant of a local wall-clock time with its UTC offset, in UTC as PostgreSQL timestamptz requires.</summary>
    private static DateTimeOffset At(int year, int month, int day, int hour, int minute, int second, int offsetHours) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(offsetHours)).ToUniversalTime();

    /// <summary>Builds a WGS84 box polygon from west, south, east, north.</summary>
    public static MultiPolygon Box(double west, double south, double east, double north) =>
        Geo.ToMultiPolygon(Geo.Factory.CreatePolygon(
        [
            new Coordinate(west, south),
            new Coordinate(east, south),
            new Coordinate(east, north),
            new Coordinate(west, north),
            new Coordinate(west, south),
        ]));
}
