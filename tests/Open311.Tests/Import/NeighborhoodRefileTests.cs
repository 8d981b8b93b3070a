namespace Open311.Tests.Import;

public sealed class NeighborhoodRefileTests(ImportedDataFactory factory) : IClassFixture<ImportedDataFactory>
{
    [Fact]
    public async Task ReshapedNeighborhood_ReimportRefilesRequests()
    {
        await factory.ScalarAsync<object>("""
            UPDATE neighborhoods SET geometry = ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(-122.0, 37.0), 4326), 0.001))
            WHERE jurisdiction_id = 'sfgov.org' AND name = 'Mission Bay';
            UPDATE service_requests SET neighborhood_id = NULL WHERE public_id = '3600298'
            """);

        var reports = await factory.ImportAsync("sfgov.org");

        var name = await factory.ScalarAsync<string>("""
            SELECT n.name FROM service_requests r JOIN neighborhoods n ON n.id = r.neighborhood_id WHERE r.public_id = '3600298'
            """);
        Assert.Equal("Mission Bay", name);
        Assert.Equal(0, reports.Single()["neighbourhoods"].Inserted);
        Assert.Equal(9_976, await factory.ScalarAsync<long>("SELECT count(neighborhood_id) FROM service_requests WHERE jurisdiction_id = 'sfgov.org'"));
    }
}
