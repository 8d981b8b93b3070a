using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Open311.Data;
using Open311.Data.Requests;
using Open311.Domain.Requests;
using Open311.Domain.Spatial;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Submission;

/// <summary>
/// Requests placed due north of an origin, so each distance is an arc of a meridian:
/// metres = R × Δlat in radians, with PostGIS's sphere radius R = 6,371,008.7714 m (the WGS84 mean radius).
/// </summary>
public sealed class NearbyDuplicateFinderTests(Open311AppFactory factory) : IClassFixture<Open311AppFactory>, IAsyncLifetime
{
    private const double SphereRadiusMetres = 6371008.7714;
    private const double OriginLat = 40.05;
    private const double OriginLong = -75.05;

    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private readonly Dictionary<string, long> _ids = [];

    private static double NorthOf(double metres) => OriginLat + (metres / SphereRadiusMetres * 180 / Math.PI);

    public async Task InitializeAsync()
    {
        await SubmissionSeed.EnsureAsync(factory);
        await factory.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM service_requests");
            var street = await db.Services.SingleAsync(service => service.Code == SubmissionSeed.Street);
            var bulk = await db.Services.SingleAsync(service => service.Code == SubmissionSeed.Bulk);

            Add(db, "at 30 m", street.Id, 30, _now.AddHours(-1));
            Add(db, "at 10 m, other service", bulk.Id, 10, _now.AddHours(-1));
            Add(db, "at 45 m", street.Id, 45, _now.AddDays(-2));
            Add(db, "at 49.5 m", street.Id, 49.5, _now.AddDays(-3));
            Add(db, "at 50.5 m", street.Id, 50.5, _now.AddDays(-3));
            Add(db, "at 80 m", street.Id, 80, _now.AddDays(-3));
            Add(db, "at 5 m, closed", street.Id, 5, _now.AddHours(-2), RequestStatus.Fixed);
            Add(db, "at 8 m, in progress", street.Id, 8, _now.AddHours(-2), RequestStatus.InProgress);
            Add(db, "at 20 m, 29 days old", street.Id, 20, _now.AddDays(-29));
            Add(db, "at 15 m, 31 days old", street.Id, 15, _now.AddDays(-31));
            await db.SaveChangesAsync();

            foreach (var request in db.ChangeTracker.Entries<ServiceRequest>().Select(entry => entry.Entity))
            {
                _ids[request.Description!] = request.Id;
            }

            return 0;
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static void Add(Open311DbContext db, string label, int serviceId, double metresNorth, DateTimeOffset requestedAt, RequestStatus status = RequestStatus.Open)
    {
        var request = new ServiceRequest(SubmissionSeed.JurisdictionId, serviceId, requestedAt, RequestChannels.Api)
        {
            Description = label,
            Location = Geo.Point(NorthOf(metresNorth), OriginLong),
        };
        request.RecordOpened("test");
        if (status != RequestStatus.Open)
        {
            request.ChangeStatus(status, null, requestedAt.AddMinutes(5), "test");
        }

        db.ServiceRequests.Add(request);
    }

    private async Task<IReadOnlyList<NearbyRequest>> FindAsync(DuplicateOptions? options = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var finder = options is null
            ? scope.ServiceProvider.GetRequiredService<NearbyDuplicateFinder>()
            : new NearbyDuplicateFinder(
                scope.ServiceProvider.GetRequiredService<Open311DbContext>(),
                scope.ServiceProvider.GetRequiredService<NpgsqlDataSource>(),
                Options.Create(options),
                TimeProvider.System);
        return await finder.FindAsync(SubmissionSeed.JurisdictionId, SubmissionSeed.Street, OriginLat, OriginLong);
    }

    [Fact]
    public async Task Find_Defaults_AppliesEveryCutOff()
    {
        var found = await FindAsync();

        Assert.Equal(["at 8 m, in progress", "at 20 m, 29 days old", "at 30 m", "at 45 m", "at 49.5 m"],
            found.Select(match => match.Request.Description));
    }

    [Fact]
    public async Task Find_Distances_MatchHandComputedArcs()
    {
        var found = await FindAsync();

        Assert.Equal([8, 20, 30, 45, 49.5], found.Select(match => Math.Round(match.DistanceMetres, 2)));
    }

    [Fact]
    public async Task Find_Results_CarryServiceAndIds()
    {
        var found = await FindAsync();

        Assert.All(found, match => Assert.Equal(SubmissionSeed.Street, match.Request.Service!.Code));
        Assert.Equal(_ids["at 30 m"], found.Single(match => match.Request.Description == "at 30 m").Request.Id);
    }

    [Fact]
    public async Task Find_WiderDistance_IncludesFartherRequests()
    {
        var found = await FindAsync(new DuplicateOptions { DistanceMetres = 100, MaxAgeDays = 30 });

        Assert.Equal(["at 8 m, in progress", "at 20 m, 29 days old", "at 30 m", "at 45 m", "at 49.5 m", "at 50.5 m", "at 80 m"],
            found.Select(match => match.Request.Description));
    }

    [Fact]
    public async Task Find_ShorterAge_DropsOlderRequests()
    {
        var found = await FindAsync(new DuplicateOptions { DistanceMetres = 50, MaxAgeDays = 1 });

        Assert.Equal(["at 8 m, in progress", "at 30 m"], found.Select(match => match.Request.Description));
    }

    [Fact]
    public async Task Find_MaxResults_KeepsNearest()
    {
        var found = await FindAsync(new DuplicateOptions { DistanceMetres = 50, MaxAgeDays = 30, MaxResults = 2 });

        Assert.Equal(["at 8 m, in progress", "at 20 m, 29 days old"], found.Select(match => match.Request.Description));
    }

    [Fact]
    public async Task Find_OtherJurisdiction_ReturnsNothing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var finder = scope.ServiceProvider.GetRequiredService<NearbyDuplicateFinder>();

        var found = await finder.FindAsync("elsewhere.example", SubmissionSeed.Street, OriginLat, OriginLong);

        Assert.Empty(found);
    }
}
