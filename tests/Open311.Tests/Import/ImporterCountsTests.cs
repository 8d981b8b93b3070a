namespace Open311.Tests.Import;

public sealed class ImporterCountsTests(ImportedDataFactory factory) : IClassFixture<ImportedDataFactory>
{
    [Fact]
    public async Task SanFrancisco_StoresCatalogueNeighborhoodsAndAllCases()
    {
        var report = factory.Report("sfgov.org");

        Assert.Equal(new Data.Import.ImportCount("requests", 10_000, 10_000, 10_000, 0), report["requests"]);
        Assert.Equal(38, report["services"].Stored);
        Assert.Equal(41, report["neighbourhoods"].Stored);
        Assert.Empty(report.Rejections);
        Assert.Equal(38, await factory.ScalarAsync<long>("SELECT count(*) FROM services WHERE jurisdiction_id = 'sfgov.org' AND active"));
        Assert.Equal(38 + report["services added for case names"].Inserted,
            await factory.ScalarAsync<long>("SELECT count(*) FROM services WHERE jurisdiction_id = 'sfgov.org'"));
        Assert.Equal(41, await factory.ScalarAsync<long>("SELECT count(*) FROM neighborhoods WHERE jurisdiction_id = 'sfgov.org'"));
        Assert.Equal(10_000, await factory.ScalarAsync<long>("SELECT count(*) FROM service_requests WHERE jurisdiction_id = 'sfgov.org'"));
        Assert.Equal(24, await factory.ScalarAsync<long>("SELECT count(*) FROM service_requests WHERE location IS NULL"));
    }

    [Fact]
    public async Task SanFrancisco_AddsInactiveCaseServices()
    {
        // 321 distinct names once surrounding spaces are trimmed, 14 of them in the 2012 catalogue, plus the fallback.
        var added = factory.Report("sfgov.org")["services added for case names"].Inserted;
        var unspecifiedCases = await factory.ScalarAsync<long>("""
            SELECT count(*) FROM service_requests r JOIN services s ON s.id = r.service_id
            WHERE s.code = 'unspecified' AND s.name = 'Unspecified' AND NOT s.active
            """);
        var odorGroup = await factory.ScalarAsync<string>("SELECT \"group\" FROM services WHERE jurisdiction_id = 'sfgov.org' AND name = 'Odor'");

        Assert.Equal(321 - 14 + 1, added);
        Assert.Equal(51, unspecifiedCases);
        Assert.Equal("Sewer Issues", odorGroup);
    }

    [Fact]
    public async Task SanFrancisco_RecordsOpenedAndClosedEvents()
    {
        var opened = await factory.ScalarAsync<long>("SELECT count(*) FROM request_events WHERE status = 'open' AND actor = 'import'");
        var closed = await factory.ScalarAsync<long>("SELECT count(*) FROM request_events WHERE status = 'closed' AND actor = 'import'");
        var closedBeforeOpened = await factory.ScalarAsync<long>("SELECT count(*) FROM service_requests WHERE closed_at < requested_at");

        Assert.Equal(10_000, opened);
        Assert.Equal(9_530, closed);
        Assert.Equal(19_530, factory.Report("sfgov.org")["request events"].Inserted);
        Assert.Equal(129, closedBeforeOpened);
    }

    [Fact]
    public async Task SanFrancisco_BoundaryIsValidUnionOfNeighborhoods()
    {
        var valid = await factory.ScalarAsync<bool>("SELECT ST_IsValid(boundary) AND GeometryType(boundary) = 'MULTIPOLYGON' FROM jurisdictions WHERE id = 'sfgov.org'");
        var coversAll = await factory.ScalarAsync<bool>("""
            SELECT bool_and(ST_Covers(j.boundary, ST_PointOnSurface(n.geometry)))
            FROM neighborhoods n JOIN jurisdictions j ON j.id = n.jurisdiction_id WHERE j.id = 'sfgov.org'
            """);
        var isDefault = await factory.ScalarAsync<bool>("SELECT is_default FROM jurisdictions WHERE id = 'sfgov.org'");

        Assert.True(valid);
        Assert.True(coversAll);
        Assert.True(isDefault);
    }

    [Fact]
    public async Task Boston_StoresServicesAndDefinitionAttributes()
    {
        var services = await factory.ScalarAsync<long>("SELECT count(*) FROM services WHERE jurisdiction_id = 'boston.gov'");
        var attributes = await factory.ScalarAsync<long>("SELECT count(*) FROM service_attributes a JOIN services s ON s.id = a.service_id WHERE s.jurisdiction_id = 'boston.gov'");
        var informational = await factory.ScalarAsync<string>("""
            SELECT string_agg(a.code || ':' || a.datatype || ':' || a.variable, ',' ORDER BY a.code)
            FROM service_attributes a WHERE NOT a.variable
            """);
        var dependencies = await factory.ScalarAsync<string>("""
            SELECT a.dependencies_json::text FROM service_attributes a JOIN services s ON s.id = a.service_id
            WHERE s.code = 'BIRDINFEST' AND a.code = 'ST-OTHER'
            """);
        var boundary = await factory.ScalarAsync<bool>("SELECT boundary IS NULL FROM jurisdictions WHERE id = 'boston.gov'");

        Assert.Equal(118, services);
        Assert.Equal(23, attributes);
        Assert.Equal("BRLS-BGS:text:false,BRSH-BNDLES:text:false,IFYESTRSH:text:false,TRSHHHITMS:text:false", informational);
        Assert.Equal("""{"clause": "OR", "conditions": [{"op": "eq", "value": "Other", "attribute": "SR-BIRDINFEST2"}]}""", dependencies);
        Assert.True(boundary);
    }

    [Fact]
    public async Task Boston_KeepsListValuesInOrder()
    {
        var values = await factory.ScalarAsync<string>("""
            SELECT string_agg(v.key, '|' ORDER BY v.sort_order) FROM attribute_values v
            JOIN service_attributes a ON a.id = v.attribute_id JOIN services s ON s.id = a.service_id
            WHERE s.code = 'BIRDINFEST' AND a.code = 'SR-BIRDINFEST2'
            """);
        var metadata = await factory.ScalarAsync<string>("SELECT string_agg(code, ',' ORDER BY code) FROM services WHERE jurisdiction_id = 'boston.gov' AND metadata");

        Assert.Equal("Roof|Sidewalk|Power Lines|Other", values);
        Assert.Equal("BIRDINFEST,CEMTRYMAIN,MTRECYDBI", metadata);
    }

    [Fact]
    public async Task Philadelphia_StoresNeighborhoodsBoundaryAndServices()
    {
        var neighborhoods = await factory.ScalarAsync<long>("SELECT count(*) FROM neighborhoods WHERE jurisdiction_id = 'phila.gov'");
        var listName = await factory.ScalarAsync<long>("SELECT count(*) FROM neighborhoods WHERE jurisdiction_id = 'phila.gov' AND name = 'Pennypack Park'");
        var boundary = await factory.ScalarAsync<bool>("SELECT ST_IsValid(boundary) AND ST_NumGeometries(boundary) = 1 FROM jurisdictions WHERE id = 'phila.gov'");
        var services = await factory.ScalarAsync<long>("SELECT count(*) FROM services WHERE jurisdiction_id = 'phila.gov'");
        var graffiti = await factory.ScalarAsync<string>("SELECT code FROM services WHERE jurisdiction_id = 'phila.gov' AND name = 'Graffiti Removal'");
        var noHeat = await factory.ScalarAsync<string>("SELECT string_agg(code, ',' ORDER BY code) FROM services WHERE jurisdiction_id = 'phila.gov' AND code LIKE 'no-heat%'");

        Assert.Equal(158, neighborhoods);
        Assert.Equal(1, listName);
        Assert.True(boundary);
        Assert.Equal(52, services);
        Assert.Equal("SR-CL01", graffiti);
        Assert.Equal("no-heat-residential,no-heat-residential-2", noHeat);
    }

    [Fact]
    public void SanFrancisco_ImportTakesSeconds()
    {
        var elapsed = factory.Report("sfgov.org").Elapsed;

        Assert.True(elapsed < TimeSpan.FromSeconds(60), $"The San Francisco import took {elapsed.TotalSeconds:F1} s.");
    }
}
