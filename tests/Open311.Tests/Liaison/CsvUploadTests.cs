using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Open311.Domain.Liaison;
using Open311.Domain.Requests;

namespace Open311.Tests.Liaison;

public sealed class CsvUploadTests(LiaisonAppFactory factory) : IClassFixture<LiaisonAppFactory>
{
    private static readonly string Header = "service_code,lat,long,address_string,description,attribute[SURFACE],attribute[COLORS],attribute[SEEN_ON]";

    [Fact]
    public async Task Upload_Utf8WithBom_ReadsFirstHeader()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(LiaisonSeed.GraffitiCsv([LiaisonSeed.GraffitiRow("with bom")])).ToArray();

        var batch = await UploadAsync(bytes);

        var row = Assert.Single(batch.Rows);
        Assert.Equal("GRAFFITI", row.Values["service_code"]);
        Assert.Empty(row.Errors);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Upload_Utf16WithBom_IsDecoded(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var text = Header + "\r\n" + LiaisonSeed.GraffitiRow("café über façade") + "\r\n";
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();

        var batch = await UploadAsync(bytes);

        var row = Assert.Single(batch.Rows);
        Assert.Equal("café über façade", row.Values["description"]);
        Assert.Empty(row.Errors);
    }

    [Fact]
    public async Task Upload_Utf16WithoutBom_IsRejectedWithReason()
    {
        var bytes = Encoding.Unicode.GetBytes(Header + "\r\n" + LiaisonSeed.GraffitiRow("no bom") + "\r\n");

        var body = await UploadRejectedAsync(bytes);

        Assert.Contains("UTF-16 text without a byte order mark", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_SemicolonSeparated_IsDetectedFromHeader()
    {
        var rows = new[] { $"GRAFFITI;{LiaisonSeed.MissionLat};{LiaisonSeed.MissionLong};;\"one, two\";wall;red;2025-03-04" };

        var batch = await UploadAsync(LiaisonSeed.GraffitiCsv(rows, ";"));

        var row = Assert.Single(batch.Rows);
        Assert.Equal("one, two", row.Values["description"]);
        Assert.Equal(LiaisonSeed.MissionLong, row.Values["long"]);
        Assert.Empty(row.Errors);
    }

    [Fact]
    public async Task Upload_QuotedNewlinesBlankLines_KeepsRows()
    {
        var text = Header + "\r\n" +
            $"GRAFFITI,{LiaisonSeed.MissionLat},{LiaisonSeed.MissionLong},,\"line one\nline two\",wall,,\r\n" +
            LiaisonSeed.GraffitiRow("second") + "\r\n\r\n,,,,,,,\r\n\r\n";

        var batch = await UploadAsync(Encoding.UTF8.GetBytes(text));

        Assert.Equal(2, batch.Rows.Count);
        Assert.Equal("line one\nline two", batch.Rows[0].Values["description"]);
        Assert.Equal([2, 3], batch.Rows.Select(r => r.Number));
        Assert.All(batch.Rows, row => Assert.Empty(row.Errors));
    }

    [Fact]
    public async Task Upload_DecimalCommaLat_IsRowError()
    {
        var rows = new[] { LiaisonSeed.GraffitiRow("fine"), $"GRAFFITI,\"37,7749\",{LiaisonSeed.MissionLong},,comma,wall,," };

        var batch = await UploadAsync(LiaisonSeed.GraffitiCsv(rows));

        Assert.Empty(batch.Rows[0].Errors);
        var error = Assert.Single(batch.Rows[1].Errors);
        Assert.Equal("lat", error.Column);
        Assert.Contains("Row 3, column lat", error.Message, StringComparison.Ordinal);
        Assert.Contains("decimal comma", error.Message, StringComparison.Ordinal);
        Assert.Equal("37,7749", batch.Rows[1].Values["lat"]);
    }

    [Theory]
    [InlineData("03/04/2025")]
    [InlineData("4.3.2025")]
    [InlineData("March 4")]
    public async Task Upload_AmbiguousDate_IsRowError(string date)
    {
        var rows = new[] { $"GRAFFITI,{LiaisonSeed.MissionLat},{LiaisonSeed.MissionLong},,dated,wall,,{date}" };

        var batch = await UploadAsync(LiaisonSeed.GraffitiCsv(rows));

        var error = Assert.Single(Assert.Single(batch.Rows).Errors);
        Assert.Equal("attribute[SEEN_ON]", error.Column);
        Assert.Contains("Row 2, column attribute[SEEN_ON]", error.Message, StringComparison.Ordinal);
        Assert.Contains("YYYY-MM-DD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_TooBig_IsRejectedWithLimit()
    {
        var description = new string('x', 3000);
        var rows = Enumerable.Range(0, 800).Select(_ => LiaisonSeed.GraffitiRow(description));

        var body = await UploadRejectedAsync(LiaisonSeed.GraffitiCsv(rows));

        Assert.Contains("the limit is 2,048 KB", body, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.LiaisonBatches.CountAsync(b => b.FileName == "too-big.csv")));
    }

    [Fact]
    public async Task Upload_TooManyRows_IsRejectedWithLimit()
    {
        var rows = Enumerable.Range(0, 1001).Select(i => LiaisonSeed.GraffitiRow($"row {i}"));

        var body = await UploadRejectedAsync(LiaisonSeed.GraffitiCsv(rows));

        Assert.Contains("more than 1,000 rows", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_UnknownColumn_IsRejectedNamingIt()
    {
        var bytes = Encoding.UTF8.GetBytes("service_code,lattitude,long\r\nGRAFFITI,37.75,-122.41\r\n");

        var body = await UploadRejectedAsync(bytes);

        Assert.Contains("Unknown column &#x27;lattitude&#x27;", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_RowChecks_ReportByColumn()
    {
        var rows = new[]
        {
            $"GRAFFITI,40.7128,-74.0060,,far away,wall,,",
            $"GRAFFITI,{LiaisonSeed.SunsetLat},{LiaisonSeed.SunsetLong},,outside my area,wall,,",
            $"GRAFFITI,{LiaisonSeed.MissionLat},{LiaisonSeed.MissionLong},,no surface,,,",
            $"GRAFFITI,{LiaisonSeed.MissionLat},{LiaisonSeed.MissionLong},,bad colour,wall,red|purple,",
            $"NOPE,{LiaisonSeed.MissionLat},{LiaisonSeed.MissionLong},,unknown service,,,",
        };

        var batch = await UploadAsync(LiaisonSeed.GraffitiCsv(rows));

        Assert.Contains(batch.Rows[0].Errors, e => e.Column == "lat" && e.Message.Contains("outside the service area", StringComparison.Ordinal));
        Assert.Empty(batch.Rows[1].Errors);
        Assert.Contains(batch.Rows[1].Warnings, w => w.Column == "lat" && w.Message.Contains("Outside your neighbourhoods (Mission)", StringComparison.Ordinal));
        Assert.Contains(batch.Rows[2].Errors, e => e.Column == "attribute[SURFACE]");
        Assert.Contains(batch.Rows[3].Errors, e => e.Column == "attribute[COLORS]" && e.Message.Contains("purple", StringComparison.Ordinal));
        Assert.Contains(batch.Rows[4].Errors, e => e.Column == "service_code");
        Assert.Equal(1, batch.ValidCount);
    }

    [Fact]
    public async Task Upload_NearbyOpenRequest_WarnsWithLink()
    {
        using var client = await SignedInAsync();
        var first = await client.UploadBatchAsync(LiaisonSeed.GraffitiCsv([LiaisonSeed.GraffitiRow("original report")]), "first.csv");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(first)).StatusCode);
        var publicId = await factory.WithDbAsync(db => db.ServiceRequests.Where(r => r.BatchId == first).Select(r => r.PublicId).SingleAsync());

        var second = await client.UploadBatchAsync(LiaisonSeed.GraffitiCsv([LiaisonSeed.GraffitiRow("same place again", "37.7600", LiaisonSeed.MissionLong)]), "second.csv");
        var batch = await LoadAsync(second);
        var page = await client.GetStringAsync($"/liaison/batches/{second}");

        var row = Assert.Single(batch.Rows);
        Assert.Empty(row.Errors);
        var warning = Assert.Single(row.Warnings, w => w.Column == "service_code");
        Assert.Contains(publicId, warning.Message, StringComparison.Ordinal);
        Assert.Equal($"/requests/{publicId}?jurisdiction={LiaisonSeed.Jurisdiction}", warning.Link);
        Assert.Contains("valid, with warnings", page, StringComparison.Ordinal);
        var requestPage = await client.Http.GetAsync(warning.Link);
        Assert.Equal(HttpStatusCode.OK, requestPage.StatusCode);
        Assert.Contains("original report", await requestPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_NearbyClosedRequest_DoesNotWarn()
    {
        using var client = await SignedInAsync();
        var first = await client.UploadBatchAsync(LiaisonSeed.GraffitiCsv([LiaisonSeed.GraffitiRow("already fixed", "37.7480", "-122.4200")]), "closed.csv");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(first)).StatusCode);
        await factory.WithDbAsync(db => db.ServiceRequests.Where(r => r.BatchId == first).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RequestStatus.Closed)));

        var second = await client.UploadBatchAsync(LiaisonSeed.GraffitiCsv([LiaisonSeed.GraffitiRow("same place after the fix", "37.7481", "-122.4200")]), "after.csv");
        var batch = await LoadAsync(second);

        var row = Assert.Single(batch.Rows);
        Assert.Empty(row.Errors);
        Assert.DoesNotContain(row.Warnings, w => w.Column == "service_code");
    }

    [Fact]
    public async Task Upload_CloseRowsInOneFile_WarnOnce()
    {
        var rows = new[]
        {
            LiaisonSeed.GraffitiRow("first of the pair", "37.75500", "-122.41000"),
            LiaisonSeed.GraffitiRow("second of the pair", "37.75510", "-122.41000"),
            LiaisonSeed.GraffitiRow("far from both", "37.76500", "-122.41000"),
        };

        var batch = await UploadAsync(LiaisonSeed.GraffitiCsv(rows));

        Assert.Empty(batch.Rows[0].Warnings);
        var warning = Assert.Single(batch.Rows[1].Warnings);
        Assert.Contains("Row 2 of this batch has the same service 11 m away", warning.Message, StringComparison.Ordinal);
        Assert.Empty(batch.Rows[2].Warnings);
        Assert.Equal(3, batch.ValidCount);
    }

    [Fact]
    public async Task Template_NamesAttributeColumns()
    {
        using var client = await SignedInAsync();

        var response = await client.Http.GetAsync("/liaison/templates/GRAFFITI.csv");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("\uFEFF" + "service_code,lat,long,address_string,zipcode,description,first_name,last_name,email,phone,attribute[SURFACE],attribute[COLORS],attribute[SEEN_ON]\r\n", text);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/liaison/templates/NOPE.csv")).StatusCode);
    }

    [Fact]
    public async Task Template_RoundTripsThroughUpload()
    {
        using var client = await SignedInAsync();
        var template = await client.Http.GetByteArrayAsync("/liaison/templates/GRAFFITI.csv");
        var filled = template.Concat(Encoding.UTF8.GetBytes($"GRAFFITI,{LiaisonSeed.MissionLat},{LiaisonSeed.MissionLong},,,from template,Ann,Lee,ann@example.org,555-0100,sidewalk,green,2025-01-31\r\n")).ToArray();

        var batch = await LoadAsync(await client.UploadBatchAsync(filled));

        var row = Assert.Single(batch.Rows);
        Assert.Empty(row.Errors);
        Assert.Equal("sidewalk", row.Values["attribute[SURFACE]"]);
    }

    private async Task<PortalClient> SignedInAsync()
    {
        var client = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(LiaisonSeed.LiaisonEmail, LiaisonSeed.Password)).StatusCode);
        return client;
    }

    private async Task<LiaisonBatch> UploadAsync(byte[] bytes)
    {
        using var client = await SignedInAsync();
        var id = await client.UploadBatchAsync(bytes);
        return await LoadAsync(id);
    }

    private Task<LiaisonBatch> LoadAsync(long id) => factory.WithDbAsync(db => db.LiaisonBatches.AsNoTracking().SingleAsync(b => b.Id == id));

    private async Task<string> UploadRejectedAsync(byte[] bytes)
    {
        using var client = await SignedInAsync();
        var response = await client.UploadAsync(bytes, "too-big.csv");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"upload-error\"", body, StringComparison.Ordinal);
        return body;
    }
}
