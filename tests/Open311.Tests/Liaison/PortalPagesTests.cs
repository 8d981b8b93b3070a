using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Open311.Tests.Liaison;

public sealed class PortalPagesTests(LiaisonAppFactory factory) : IClassFixture<LiaisonAppFactory>
{
    [Fact]
    public async Task Batches_WithNoBatches_SaysSoWithLinks()
    {
        using var staff = await SignedInAsync(LiaisonSeed.StaffEmail);

        var page = await staff.GetStringAsync("/liaison/batches");

        Assert.Contains("No batches yet — <a href=\"/liaison/upload\">upload a CSV</a> or <a href=\"/liaison/grid\">enter rows</a>.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>Batch</th>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardAndExport_ShowJurisdictionLocalTimeWithZone()
    {
        using var client = await SignedInAsync(LiaisonSeed.LiaisonEmail);
        var id = await client.UploadBatchAsync(LiaisonSeed.GraffitiCsv([LiaisonSeed.GraffitiRow("local time row", "37.7641")]));
        await client.SubmitAsync(id);
        await factory.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE service_requests SET requested_at = '2026-01-15T20:30:45.678Z', updated_at = '2026-07-01T12:00:00.5Z' WHERE batch_id = {id}"));
        var publicId = await factory.WithDbAsync(db => db.ServiceRequests.Where(r => r.BatchId == id).Select(r => r.PublicId).SingleAsync());

        var dashboard = await client.GetStringAsync("/liaison?scope=mine");
        var batches = await client.GetStringAsync("/liaison/batches");
        var export = Encoding.UTF8.GetString(await client.Http.GetByteArrayAsync("/liaison/export.csv?scope=mine"));

        Assert.Contains("<td>2026-07-01 05:00 America/Los_Angeles</td>", dashboard, StringComparison.Ordinal);
        Assert.Matches(@"<td>\d{4}-\d\d-\d\d \d\d:\d\d America/Los_Angeles</td>", batches);
        var line = Assert.Single(export.Split("\r\n"), l => l.StartsWith(publicId + ",", StringComparison.Ordinal));
        Assert.Contains(",2026-01-15T12:30:45-08:00,2026-07-01T05:00:00-07:00,", line, StringComparison.Ordinal);
    }

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, LiaisonSeed.Password)).StatusCode);
        return client;
    }
}
