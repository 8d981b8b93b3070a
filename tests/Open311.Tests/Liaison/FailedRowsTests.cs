using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Open311.Domain.Liaison;

namespace Open311.Tests.Liaison;

public sealed class FailedRowsTests(LiaisonAppFactory factory) : IClassFixture<LiaisonAppFactory>
{
    [Fact]
    public async Task RowWithTooManyFields_KeepsEveryCellInTheDownload()
    {
        using var client = await SignedInAsync();
        var id = await client.UploadBatchAsync(LiaisonSeed.GraffitiCsv([
            LiaisonSeed.GraffitiRow("fine row", "37.7581"),
            LiaisonSeed.GraffitiRow("tag, with an unquoted comma", "37.7582") + ",resident@example.org,555-0100",
        ]));

        var batch = await factory.WithDbAsync(db => db.LiaisonBatches.AsNoTracking().SingleAsync(b => b.Id == id));
        var preview = await client.GetStringAsync($"/liaison/batches/{id}");
        var failedCsv = Encoding.UTF8.GetString(await client.Http.GetByteArrayAsync($"/liaison/batches/{id}/failed.csv"));
        var lines = failedCsv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.True(batch.Rows[0].IsValid);
        Assert.Contains(batch.Rows[1].Errors, e => e.Column == "row" && e.Message.StartsWith("Too many fields in row 3: 3 value(s)", StringComparison.Ordinal));
        Assert.Contains("Too many fields in row 3", preview, StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.Equal("service_code,lat,long,address_string,description,attribute[COLORS],attribute[SEEN_ON],attribute[SURFACE],,,,reason", lines[0]);
        Assert.StartsWith("GRAFFITI,37.7582,-122.4148,,tag,wall,red|blue,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",2025-03-04,resident@example.org,555-0100,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedRowsFile_CanBeUploadedAgain()
    {
        using var client = await SignedInAsync();
        var id = await client.UploadBatchAsync(LiaisonSeed.GraffitiCsv([LiaisonSeed.GraffitiRow("decimal comma", "\"37,7583\"")]));
        var failed = await client.Http.GetByteArrayAsync($"/liaison/batches/{id}/failed.csv");

        var fixedFile = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(failed).Replace("\"37,7583\"", "37.7583", StringComparison.Ordinal));
        var again = await client.UploadBatchAsync(fixedFile, "fixed.csv");
        var batch = await factory.WithDbAsync(db => db.LiaisonBatches.AsNoTracking().SingleAsync(b => b.Id == again));

        var row = Assert.Single(batch.Rows);
        Assert.Empty(row.Errors);
        Assert.DoesNotContain("reason", row.Values.Keys);
    }

    private async Task<PortalClient> SignedInAsync()
    {
        var client = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(LiaisonSeed.LiaisonEmail, LiaisonSeed.Password)).StatusCode);
        return client;
    }
}
