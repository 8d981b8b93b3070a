using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Open311.Data;
using Open311.Domain.Jurisdictions;
using Open311.Domain.Requests;
using Open311.Domain.Services;
using Open311.Domain.Spatial;
using Microsoft.Extensions.DependencyInjection;

namespace Open311.Tests.Site;

/// <summary>
/// Data for the public site's tests. It holds a default jurisdiction with a square boundary around central San
/// Francisco, two neighbourhoods, and a service whose questions cover every datatype and include a Boston-style
/// conditional question. It also holds a few requests: one with contact details, some closed, one closed before
/// it was requested.
/// </summary>
public static class SiteSeed
{
    public const string JurisdictionId = "siteville.example";
    public const string JurisdictionName = "Siteville";

    /// <summary>A second, non-default jurisdiction with no services, for the switcher.</summary>
    public const string OtherJurisdictionId = "otherville.example";

    public const string Pothole = "POTHOLE";
    public const string Graffiti = "GRAFFITI";

    public const string InsideLat = "37.7793";
    public const string InsideLong = "-122.4193";

    /// <summary>A point in the Pacific, far outside the boundary.</summary>
    public const string OutsideLat = "37.5000";
    public const string OutsideLong = "-123.5000";

    /// <summary>An open pothole request near <see cref="InsideLat"/>/<see cref="InsideLong"/>, carrying contact details.</summary>
    public const string OpenPublicId = "900001";

    public const string SecretEmail = "resident.secret@example.org";
    public const string SecretFirstName = "Philomena";
    public const string SecretLastName = "Quartermaine";
    public const string SecretPhone = "+1 415 555 0199";
    public const string SecretDeviceId = "device-7f3a9c";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static MultiPolygon Box(double west, double south, double east, double north) => Geo.ToMultiPolygon(Geo.Factory.CreatePolygon(
    [
        new Coordinate(west, south),
        new Coordinate(east, south),
        new Coordinate(east, north),
        new Coordinate(west, north),
        new Coordinate(west, south),
    ]));

    public static Service PotholeService()
    {
        var service = new Service(JurisdictionId, Pothole, "Pothole", ServiceType.Realtime);
        service.Describe("Pothole", "A hole in the road surface.", "Streets", "road, hole, asphalt", ServiceType.Realtime);
        var where = new ServiceAttribute("WHERE", AttributeDatatype.SingleValueList, variable: true, required: true, order: 1)
        {
            Description = "Where is the hole?",
        };
        where.ReplaceValues(
        [
            new AttributeValue("Road", "In the road", 1),
            new AttributeValue("Crosswalk", "In a crosswalk", 2),
            new AttributeValue("Other", "Somewhere else", 3),
        ]);
        var other = new ServiceAttribute("WHERE-OTHER", AttributeDatatype.String, variable: true, required: true, order: 2)
        {
            Description = "If somewhere else, where?",
            DependenciesJson = """{"clause":"OR","conditions":[{"attribute":"WHERE","op":"eq","value":"Other"}]}""",
        };
        var hazards = new ServiceAttribute("HAZARDS", AttributeDatatype.MultiValueList, variable: true, required: false, order: 3)
        {
            Description = "Any hazards?",
        };
        hazards.ReplaceValues(
        [
            new AttributeValue("water", "Water in the hole", 1),
            new AttributeValue("traffic", "Heavy traffic", 2),
        ]);

        service.ReplaceAttributes(
        [
            where,
            other,
            hazards,
            new ServiceAttribute("DEPTH", AttributeDatatype.Number, variable: true, required: false, order: 4) { Description = "Depth in centimetres" },
            new ServiceAttribute("SEEN", AttributeDatatype.Datetime, variable: true, required: false, order: 5) { Description = "When did you see it?" },
            new ServiceAttribute("NOTES", AttributeDatatype.Text, variable: true, required: false, order: 6) { Description = "Anything else?" },
            new ServiceAttribute("PLATE", AttributeDatatype.String, variable: true, required: false, order: 7) { Description = "Nearest house number" },
            new ServiceAttribute("INFO", AttributeDatatype.String, variable: false, required: false, order: 8) { Description = "Crews fill most potholes within three days." },
        ]);
        return service;
    }

    /// <summary>Stores the seed once per database through the app's services; later calls do nothing.</summary>
    public static async Task EnsureAsync(IServiceProvider services)
    {
        await Gate.WaitAsync();
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Open311DbContext>();
            if (!await db.Jurisdictions.AnyAsync(j => j.Id == JurisdictionId))
            {
                await SeedAsync(db);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<int> SeedAsync(Open311DbContext db)
    {
        var jurisdiction = new Jurisdiction(JurisdictionId, JurisdictionName, "America/Los_Angeles", isDefault: true);
        jurisdiction.SetBoundary(Box(-122.52, 37.70, -122.35, 37.83));
        db.Jurisdictions.Add(jurisdiction);
        var other = new Jurisdiction(OtherJurisdictionId, "Otherville", "America/New_York", isDefault: false);
        other.SetBoundary(Box(-75.28, 39.87, -74.96, 40.14));
        db.Jurisdictions.Add(other);
        db.Neighborhoods.Add(new Neighborhood(JurisdictionId, "Civic Center", Box(-122.43, 37.77, -122.41, 37.79)));
        db.Neighborhoods.Add(new Neighborhood(JurisdictionId, "Sunset", Box(-122.51, 37.74, -122.46, 37.77)));

        var pothole = PotholeService();
        var graffiti = new Service(JurisdictionId, Graffiti, "Graffiti", ServiceType.Realtime);
        graffiti.Describe("Graffiti", "Paint on walls or street furniture.", "Cleanliness", "paint, tag", ServiceType.Realtime);
        db.Services.AddRange(pothole, graffiti);
        await db.SaveChangesAsync();

        var now = DateTimeOffset.UtcNow;
        var open = new ServiceRequest(JurisdictionId, pothole.Id, now.AddDays(-2), "api")
        {
            PublicId = OpenPublicId,
            Description = "Deep hole by the bus stop",
            Address = "1 Dr Carlton B Goodlett Pl",
            Location = Geo.Point(37.7794, -122.4192),
            Email = SecretEmail,
            FirstName = SecretFirstName,
            LastName = SecretLastName,
            Phone = SecretPhone,
            DeviceId = SecretDeviceId,
            AccountId = "account-55",
        };
        open.Attributes["WHERE"] = ["Road"];
        open.RecordOpened("api");
        db.ServiceRequests.Add(open);

        AddClosed(db, graffiti.Id, "900002", now.AddDays(-10), TimeSpan.FromDays(2));
        AddClosed(db, graffiti.Id, "900003", now.AddDays(-10), TimeSpan.FromDays(4));
        AddClosed(db, graffiti.Id, "900004", now.AddDays(-10), TimeSpan.FromDays(6));
        AddClosed(db, graffiti.Id, "900005", now.AddDays(-10), TimeSpan.FromDays(-1));
        await db.SaveChangesAsync();

        // The neighbourhood assignment trigger may not exist in this database, so the seed sets it directly.
        return await db.Database.ExecuteSqlRawAsync(
            "UPDATE service_requests r SET neighborhood_id = n.id FROM neighborhoods n WHERE n.name = 'Civic Center' AND r.public_id IN ('900001','900002','900003','900004','900005')");
    }

    private static void AddClosed(Open311DbContext db, int serviceId, string publicId, DateTimeOffset requestedAt, TimeSpan took)
    {
        var request = new ServiceRequest(JurisdictionId, serviceId, requestedAt, "api")
        {
            PublicId = publicId,
            Description = "Tag on the wall",
            Location = Geo.Point(37.7801, -122.4180),
        };
        request.RecordOpened("api");
        request.ChangeStatus(RequestStatus.Fixed, "Painted over.", requestedAt + took, "crew-member-name");
        db.ServiceRequests.Add(request);
    }
}
