using Npgsql;

namespace Open311.Tests.Import;

public sealed class ImportedRowTests(ImportedDataFactory factory) : IClassFixture<ImportedDataFactory>
{
    private const string RowQuery = """
        SELECT r.status, r.status_notes, r.requested_at, r.updated_at, r.closed_at, ST_X(r.location::geometry), ST_Y(r.location::geometry),
               r.channel, r.zipcode, r.media_url, r.agency_responsible, s.name, n.name
        FROM service_requests r JOIN services s ON s.id = r.service_id LEFT JOIN neighborhoods n ON n.id = r.neighborhood_id
        WHERE r.jurisdiction_id = 'sfgov.org' AND r.public_id = @id
        """;

    [Fact]
    public async Task SummerCase_ReadsPacificDaylightTime()
    {
        // 04/30/2014 02:51:52 PM in San Francisco is PDT (UTC-7); updated 03:37:59 PM the same day; still open.
        var row = await ReadAsync("3600298");

        Assert.Equal("open", row[0]);
        Assert.Equal("Open", row[1]);
        Assert.Equal(new DateTime(2014, 4, 30, 21, 51, 52, DateTimeKind.Utc), row[2]);
        Assert.Equal(new DateTime(2014, 4, 30, 22, 37, 59, DateTimeKind.Utc), row[3]);
        Assert.Equal(DBNull.Value, row[4]);
        Assert.Equal(-122.395680023339, row[5]);
        Assert.Equal(37.774007256355, row[6]);
        Assert.Equal("Voice In", row[7]);
        Assert.Equal("94107", row[8]);
        Assert.Equal("Odor", row[11]);
        Assert.Equal("Mission Bay", row[12]);
    }

    [Fact]
    public async Task WinterCase_ReadsStandardTime()
    {
        // Opened 01/14/2015 02:57:00 PM PST (UTC-8), closed 01/23/2015 04:12:00 PM PST, which is past midnight UTC.
        var row = await ReadAsync("4393508");

        Assert.Equal("closed", row[0]);
        Assert.Equal("DPT Sign Shop - Sign Serviced -", row[1]);
        Assert.Equal(new DateTime(2015, 1, 14, 22, 57, 0, DateTimeKind.Utc), row[2]);
        Assert.Equal(new DateTime(2015, 1, 24, 0, 12, 0, DateTimeKind.Utc), row[4]);
        Assert.Equal(-122.418842672167, row[5]);
        Assert.Equal(37.7898297869486, row[6]);
        Assert.Equal("Open311", row[7]);
        Assert.Equal("http://mobile311.sfgov.org/media/san_francisco/report/photos/54b6f44fdf865a11039816bc/photo_20150114_145642.jpg", row[9]);
        Assert.Equal("DPT SignShop Surveyed - Area 1 Queue", row[10]);
        Assert.Equal("Sign - Defaced", row[11]);
        Assert.Equal("Nob Hill", row[12]);
    }

    [Fact]
    public async Task ClosedCase_HasOpenedAndClosedEvents()
    {
        var timeline = await factory.ScalarAsync<string>("""
            SELECT string_agg(e.status || '@' || to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || '@' || coalesce(e.notes, ''), ' | ' ORDER BY e.occurred_at)
            FROM request_events e JOIN service_requests r ON r.id = e.request_id WHERE r.public_id = '4393508'
            """);

        Assert.Equal("open@2015-01-14T22:57:00@ | closed@2015-01-24T00:12:00@DPT Sign Shop - Sign Serviced -", timeline);
    }

    [Fact]
    public async Task CaseWithoutPoint_KeepsAddressAndNoNeighborhood()
    {
        var row = await ReadAsync("5478775");

        Assert.Equal(DBNull.Value, row[5]);
        Assert.Equal(DBNull.Value, row[12]);
        Assert.Equal("Not associated with a specific address", await factory.ScalarAsync<string>("SELECT address FROM service_requests WHERE public_id = '5478775'"));
    }

    private async Task<object[]> ReadAsync(string publicId)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(RowQuery, connection);
        command.Parameters.AddWithValue("id", publicId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"Request {publicId} was not imported.");
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }
}
