using Microsoft.Extensions.DependencyInjection;
using Open311.Data.Import;

namespace Open311.Tests.Import;

public sealed class ImportIdempotencyTests(ImportedDataFactory factory) : IClassFixture<ImportedDataFactory>
{
    private const string Fingerprint = """
        SELECT concat_ws(',',
            (SELECT count(*) FROM jurisdictions), (SELECT count(*) FROM services), (SELECT count(*) FROM neighborhoods),
            (SELECT count(*) FROM service_attributes), (SELECT count(*) FROM attribute_values),
            (SELECT count(*) FROM service_requests), (SELECT count(*) FROM request_events),
            (SELECT max(xmin::text::bigint) FROM services), (SELECT max(xmin::text::bigint) FROM neighborhoods),
            (SELECT max(xmin::text::bigint) FROM jurisdictions), (SELECT max(xmin::text::bigint) FROM service_attributes),
            (SELECT max(xmin::text::bigint) FROM attribute_values), (SELECT max(xmin::text::bigint) FROM service_requests))
        """;

    [Fact]
    public async Task SecondRun_AddsAndChangesNothing()
    {
        var before = await factory.ScalarAsync<string>(Fingerprint);

        var reports = await factory.ImportAsync();

        var after = await factory.ScalarAsync<string>(Fingerprint);
        Assert.Equal(before, after);
        Assert.All(reports.SelectMany(report => report.Counts), count => Assert.Equal(0, count.Inserted));
        Assert.Equal(10_000, reports.Single(report => report.JurisdictionId == "sfgov.org")["requests"].Stored);
        Assert.All(reports, report => Assert.Empty(report.Rejections));
    }

    [Fact]
    public async Task SinglePack_ImportsOnlyThatJurisdiction()
    {
        var reports = await factory.ImportAsync("phila.gov");

        var report = Assert.Single(reports);
        Assert.Equal("phila.gov", report.JurisdictionId);
        Assert.Equal(158, report["neighbourhoods"].Stored);
    }

    [Fact]
    public async Task UnknownPack_IsRejectedByName()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => factory.ImportAsync("nyc.gov"));

        Assert.Contains("nyc.gov", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HasJurisdictions_AfterImport_IsTrue()
    {
        var importer = factory.Services.GetRequiredService<DataPackImporter>();

        Assert.True(await importer.HasJurisdictionsAsync());
    }
}
