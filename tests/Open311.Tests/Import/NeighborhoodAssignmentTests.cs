using Npgsql;

namespace Open311.Tests.Import;

public sealed class NeighborhoodAssignmentTests(ImportedDataFactory factory) : IClassFixture<ImportedDataFactory>
{
    [Fact]
    public async Task PointInsidePolygon_GetsThatNeighborhood()
    {
        var name = await InsertAndReadNeighborhoodAsync(-75.028, 40.061);

        Assert.Equal(await CoveringNameAsync(-75.028, 40.061), name);
        Assert.NotNull(name);
    }

    [Fact]
    public async Task PointOnSharedEdge_GetsLowestCoveringId()
    {
        // A vertex shared by Rittenhouse and Washington Square West.
        var name = await InsertAndReadNeighborhoodAsync(-75.165465, 39.944077);

        var expected = await factory.ScalarAsync<string>("""
            SELECT name FROM neighborhoods WHERE jurisdiction_id = 'phila.gov'
              AND ST_Covers(geometry, ST_SetSRID(ST_MakePoint(-75.165465, 39.944077), 4326)) ORDER BY id LIMIT 1
            """);
        Assert.Equal(expected, name);
        Assert.Contains(name, new[] { "Rittenhouse", "Washington Square West" });
    }

    [Fact]
    public async Task PointInSliverGap_GetsNearestNeighborhood()
    {
        // Inside one of the few-square-metre gaps between Philadelphia's polygons: no polygon covers it.
        const double longitude = -75.17593293068504, latitude = 39.925947;

        var name = await InsertAndReadNeighborhoodAsync(longitude, latitude);

        // Newbold is 4 mm away and West Passyunk 7 mm, measured on the spheroid.
        Assert.Null(await CoveringNameAsync(longitude, latitude));
        Assert.Equal("Newbold", name);
    }

    [Fact]
    public async Task PointFarOutside_GetsNoNeighborhood()
    {
        var name = await InsertAndReadNeighborhoodAsync(-75.5, 40.5);

        Assert.Null(name);
    }

    [Fact]
    public async Task PointJustOutsideWithinTolerance_GetsNearest()
    {
        // About 30 m south of the southernmost tip of Philadelphia's polygons.
        var (longitude, latitude) = await SouthernTipOffsetAsync(metres: 30);

        var name = await InsertAndReadNeighborhoodAsync(longitude, latitude);

        Assert.NotNull(name);
    }

    [Fact]
    public async Task PointBeyondTolerance_GetsNoNeighborhood()
    {
        var (longitude, latitude) = await SouthernTipOffsetAsync(metres: 150);

        var name = await InsertAndReadNeighborhoodAsync(longitude, latitude);

        Assert.Null(name);
    }

    [Fact]
    public async Task SanFranciscoSouthernLinePoints_GetNearestNeighborhood()
    {
        var names = await factory.ScalarAsync<string>("""
            SELECT string_agg(r.public_id || ':' || coalesce(n.name, '-'), ',' ORDER BY r.public_id)
            FROM service_requests r LEFT JOIN neighborhoods n ON n.id = r.neighborhood_id
            WHERE r.jurisdiction_id = 'sfgov.org' AND r.location IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM neighborhoods c WHERE c.jurisdiction_id = 'sfgov.org' AND ST_Covers(c.geometry, r.location::geometry))
            """);
        var assigned = await factory.ScalarAsync<long>("SELECT count(*) FROM service_requests WHERE jurisdiction_id = 'sfgov.org' AND neighborhood_id IS NOT NULL");

        Assert.Equal("3973799:Excelsior,4751590:Visitacion Valley,780290:Excelsior", names);
        Assert.Equal(9_976, assigned);
    }

    [Fact]
    public async Task MovedPoint_GetsNewNeighborhood()
    {
        var id = await InsertAsync(-75.028, 40.061);

        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var move = new NpgsqlCommand("UPDATE service_requests SET location = ST_SetSRID(ST_MakePoint(-75.5, 40.5), 4326)::geography WHERE id = @id", connection);
        move.Parameters.AddWithValue("id", id);
        await move.ExecuteNonQueryAsync();

        Assert.Equal(0L, await factory.ScalarAsync<long>("SELECT count(neighborhood_id) FROM service_requests WHERE id = @id", ("id", id)));
    }

    private async Task<(double Longitude, double Latitude)> SouthernTipOffsetAsync(double metres)
    {
        var point = await factory.ScalarAsync<string>($"""
            SELECT ST_X(p) || ',' || ST_Y(p) FROM (
                SELECT ST_Project(point.geom::geography, {metres}, radians(180))::geometry AS p
                FROM jurisdictions j, LATERAL ST_DumpPoints(j.boundary) AS point
                WHERE j.id = 'phila.gov' ORDER BY ST_Y(point.geom) LIMIT 1
            ) AS projected
            """);
        var parts = point.Split(',');
        return (double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private Task<string> CoveringNameAsync(double longitude, double latitude) => factory.ScalarAsync<string>("""
        SELECT name FROM neighborhoods WHERE jurisdiction_id = 'phila.gov'
          AND ST_Covers(geometry, ST_SetSRID(ST_MakePoint(@longitude, @latitude), 4326)) ORDER BY id LIMIT 1
        """, ("longitude", longitude), ("latitude", latitude));

    private async Task<string?> InsertAndReadNeighborhoodAsync(double longitude, double latitude)
    {
        var id = await InsertAsync(longitude, latitude);
        return await factory.ScalarAsync<string>(
            "SELECT n.name FROM service_requests r LEFT JOIN neighborhoods n ON n.id = r.neighborhood_id WHERE r.id = @id", ("id", id));
    }

    private async Task<long> InsertAsync(double longitude, double latitude) => await factory.ScalarAsync<long>("""
        INSERT INTO service_requests (jurisdiction_id, service_id, status, requested_at, updated_at, location, channel)
        SELECT 'phila.gov', min(id), 'open', now(), now(), ST_SetSRID(ST_MakePoint(@longitude, @latitude), 4326)::geography, 'api'
        FROM services WHERE jurisdiction_id = 'phila.gov'
        RETURNING id
        """, ("longitude", longitude), ("latitude", latitude));
}
