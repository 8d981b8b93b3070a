using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Open311.Data;
using Open311.Data.Accounts;
using Open311.Domain.Jurisdictions;
using Open311.Domain.Liaison;
using Open311.Domain.Services;
using Open311.Domain.Spatial;

namespace Open311.Tests.Liaison;

/// <summary>
/// The data every liaison test starts from: San Francisco (a box around the city as its boundary), the
/// Mission and Outer Sunset as rectangles, two services (one with list, multi-value and date questions) and
/// three accounts. Points: <see cref="MissionLat"/>/<see cref="MissionLong"/> lies in the Mission,
/// <see cref="SunsetLat"/>/<see cref="SunsetLong"/> in the city but outside the Mission.
/// </summary>
public sealed class LiaisonSeed
{
    public const string Jurisdiction = "sfgov.org";
    public const string Password = "correct horse battery";
    public const string StaffEmail = "staff@example.org";
    public const string LiaisonEmail = "liaison@example.org";
    public const string OtherLiaisonEmail = "other@example.org";
    public const string SweepService = "SWEEP";
    public const string GraffitiService = "GRAFFITI";
    public const string MissionLat = "37.7599";
    public const string MissionLong = "-122.4148";
    public const string SunsetLat = "37.7530";
    public const string SunsetLong = "-122.4950";

    public string StaffId { get; private set; } = string.Empty;

    public string LiaisonId { get; private set; } = string.Empty;

    public string OtherLiaisonId { get; private set; } = string.Empty;

    public int MissionId { get; private set; }

    public static async Task<LiaisonSeed> CreateAsync(IServiceProvider services)
    {
        var seed = new LiaisonSeed();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Open311DbContext>();

        var city = new Jurisdiction(Jurisdiction, "San Francisco", "America/Los_Angeles", isDefault: true);
        city.SetBoundary(Box(-122.52, 37.70, -122.35, 37.84));
        db.Jurisdictions.Add(city);
        var mission = new Neighborhood(Jurisdiction, "Mission", Box(-122.43, 37.745, -122.40, 37.77));
        db.Neighborhoods.Add(mission);
        db.Neighborhoods.Add(new Neighborhood(Jurisdiction, "Outer Sunset", Box(-122.51, 37.74, -122.48, 37.77)));

        db.Services.Add(new Service(Jurisdiction, SweepService, "Street cleaning", ServiceType.Realtime));
        var graffiti = new Service(Jurisdiction, GraffitiService, "Graffiti", ServiceType.Realtime);
        var surface = new ServiceAttribute("SURFACE", AttributeDatatype.SingleValueList, variable: true, required: true, order: 1) { Description = "Where is it?" };
        surface.ReplaceValues([new AttributeValue("wall", "Wall", 1), new AttributeValue("sidewalk", "Sidewalk", 2)]);
        var colors = new ServiceAttribute("COLORS", AttributeDatatype.MultiValueList, variable: true, required: false, order: 2) { Description = "Colours" };
        colors.ReplaceValues([new AttributeValue("red", "Red", 1), new AttributeValue("blue", "Blue", 2), new AttributeValue("green", "Green", 3)]);
        var seen = new ServiceAttribute("SEEN_ON", AttributeDatatype.Datetime, variable: true, required: false, order: 3) { Description = "First seen" };
        graffiti.ReplaceAttributes([surface, colors, seen]);
        db.Services.Add(graffiti);
        await db.SaveChangesAsync();
        seed.MissionId = mission.Id;

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        await roles.CreateAsync(new IdentityRole(Roles.Staff));
        await roles.CreateAsync(new IdentityRole(Roles.Liaison));
        seed.StaffId = await CreateUserAsync(users, StaffEmail, "Sam Staff", Roles.Staff);
        seed.LiaisonId = await CreateUserAsync(users, LiaisonEmail, "Lee Liaison", Roles.Liaison);
        seed.OtherLiaisonId = await CreateUserAsync(users, OtherLiaisonEmail, "Olu Other", Roles.Liaison);
        db.LiaisonNeighborhoods.Add(new LiaisonNeighborhood(seed.LiaisonId, mission.Id));
        db.LiaisonNeighborhoods.Add(new LiaisonNeighborhood(seed.OtherLiaisonId, mission.Id));
        await db.SaveChangesAsync();
        return seed;
    }

    /// <summary>Returns a CSV in the GRAFFITI template's columns, one line per row given.</summary>
    public static byte[] GraffitiCsv(IEnumerable<string> rows, string separator = ",")
    {
        var header = string.Join(separator, "service_code", "lat", "long", "address_string", "description", "attribute[SURFACE]", "attribute[COLORS]", "attribute[SEEN_ON]");
        return Encoding.UTF8.GetBytes(header + "\r\n" + string.Join("\r\n", rows) + "\r\n");
    }

    /// <summary>Returns a valid GRAFFITI row in the Mission with the given description.</summary>
    public static string GraffitiRow(string description, string lat = MissionLat, string lon = MissionLong) =>
        $"GRAFFITI,{lat},{lon},,{description},wall,red|blue,2025-03-04";

    private static async Task<string> CreateUserAsync(UserManager<ApplicationUser> users, string email, string name, string role)
    {
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true, LockoutEnabled = true };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user.Id;
    }

    private static MultiPolygon Box(double west, double south, double east, double north) =>
        Geo.ToMultiPolygon(Geo.Factory.CreatePolygon([
            new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north), new Coordinate(west, north), new Coordinate(west, south)]));
}
