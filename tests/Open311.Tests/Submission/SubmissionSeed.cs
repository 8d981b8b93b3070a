using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Open311.Data;
using Open311.Domain.Jurisdictions;
using Open311.Domain.Services;
using Open311.Domain.Spatial;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Submission;

/// <summary>
/// A jurisdiction shaped roughly like Philadelphia's city limits, with services whose attributes cover every
/// datatype, a Boston-style information-only attribute, a conditional required question, a batch, a blackbox,
/// an inactive service and one offered only in part of the city.
/// </summary>
public static class SubmissionSeed
{
    public const string JurisdictionId = "testcity.example";
    public const string JurisdictionName = "Test City";

    public const string Street = "STREET";
    public const string Bulk = "BULK";
    public const string Blackbox = "BOX";
    public const string Retired = "OLD";
    public const string Parks = "PARKS";

    /// <summary>A point well inside the boundary (near City Hall).</summary>
    public const string InsideLat = "39.952583";
    public const string InsideLong = "-75.165222";

    /// <summary>The south edge of the boundary runs along this latitude from long -75.28 to -74.96.</summary>
    public const double SouthEdgeLat = 39.87;

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>A heptagon around Philadelphia, in (long, lat) order as WGS84 stores it.</summary>
    public static MultiPolygon Boundary() => Geo.ToMultiPolygon(Geo.Factory.CreatePolygon(
    [
        new Coordinate(-75.28, 39.87),
        new Coordinate(-74.96, 39.87),
        new Coordinate(-74.96, 40.02),
        new Coordinate(-75.01, 40.14),
        new Coordinate(-75.12, 40.14),
        new Coordinate(-75.28, 40.05),
        new Coordinate(-75.28, 39.87),
    ]));

    /// <summary>The part of the city where <see cref="Parks"/> is offered: a box around Fairmount Park.</summary>
    public static MultiPolygon ParksArea() => Geo.ToMultiPolygon(Geo.Factory.CreatePolygon(
    [
        new Coordinate(-75.22, 39.96),
        new Coordinate(-75.17, 39.96),
        new Coordinate(-75.17, 40.02),
        new Coordinate(-75.22, 40.02),
        new Coordinate(-75.22, 39.96),
    ]));

    /// <summary>A realtime service with one attribute of every datatype.</summary>
    public static Service StreetService()
    {
        var service = new Service(JurisdictionId, Street, "Street problem", ServiceType.Realtime);
        var side = new ServiceAttribute("SIDE", AttributeDatatype.SingleValueList, variable: true, required: true, order: 1)
        {
            Description = "Which side of the street?",
        };
        side.ReplaceValues(
        [
            new AttributeValue("North", "North side", 1),
            new AttributeValue("South", "South side", 2),
            new AttributeValue("Mount Hope Cemetery [ Mattapan]", "Mount Hope", 3),
            new AttributeValue("Fish & Chips", "Fish and chips shop", 4),
        ]);
        var items = new ServiceAttribute("ITEMS", AttributeDatatype.MultiValueList, variable: true, required: false, order: 2);
        items.ReplaceValues(
        [
            new AttributeValue("a", "Air conditioner", 1),
            new AttributeValue("b", "Barrel", 2),
            new AttributeValue("c", "Computer monitor", 3),
        ]);
        var condition = new ServiceAttribute("ST-COND", AttributeDatatype.String, variable: true, required: true, order: 3)
        {
            DependenciesJson = """{"clause":"OR","conditions":[{"attribute":"SIDE","op":"eq","value":"South"}]}""",
        };

        service.ReplaceAttributes(
        [
            side,
            items,
            condition,
            new ServiceAttribute("ST-OTHER", AttributeDatatype.String, variable: true, required: false, order: 4),
            new ServiceAttribute("DEPTH", AttributeDatatype.Number, variable: true, required: false, order: 5),
            new ServiceAttribute("SEEN AT", AttributeDatatype.Datetime, variable: true, required: false, order: 6),
            new ServiceAttribute("DETAILS", AttributeDatatype.Text, variable: true, required: false, order: 7),
            new ServiceAttribute("TRSHHHITMS", AttributeDatatype.String, variable: false, required: false, order: 8)
            {
                Description = "Put items out by 7 AM.",
            },
        ]);
        return service;
    }

    /// <summary>Stores the jurisdiction and its services once per database; later calls do nothing.</summary>
    public static async Task EnsureAsync(Open311AppFactory factory)
    {
        await Gate.WaitAsync();
        try
        {
            await factory.WithDbAsync(async db =>
            {
                if (await db.Jurisdictions.AnyAsync(jurisdiction => jurisdiction.Id == JurisdictionId))
                {
                    return 0;
                }

                Seed(db);
                return await db.SaveChangesAsync();
            });
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void Seed(Open311DbContext db)
    {
        var jurisdiction = new Jurisdiction(JurisdictionId, JurisdictionName, "America/New_York", isDefault: true);
        jurisdiction.SetBoundary(Boundary());
        db.Jurisdictions.Add(jurisdiction);

        var retired = new Service(JurisdictionId, Retired, "Retired service", ServiceType.Realtime);
        retired.SetActive(false);
        var parks = new Service(JurisdictionId, Parks, "Park maintenance", ServiceType.Realtime);
        parks.LimitTo(ParksArea());

        db.Services.AddRange(
            StreetService(),
            new Service(JurisdictionId, Bulk, "Bulk item pickup", ServiceType.Batch),
            new Service(JurisdictionId, Blackbox, "Anonymous tip", ServiceType.Blackbox),
            retired,
            parks);
    }
}
