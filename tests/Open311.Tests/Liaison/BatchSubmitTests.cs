using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Open311.Domain.Liaison;
using Open311.Domain.Requests;

namespace Open311.Tests.Liaison;

public sealed class BatchSubmitTests(LiaisonAppFactory factory) : IClassFixture<LiaisonAppFactory>
{
    [Fact]
    public async Task Submit_ThreeBadOfFiveHundred_StoresValidOnly()
    {
        using var client = await SignedInAsync();
        var rows = Enumerable.Range(0, 500).Select(i => LiaisonSeed.GraffitiRow($"c20 row {i}", $"37.7{500 + i:D4}", LiaisonSeed.MissionLong)).ToList();
        rows[10] = $"GRAFFITI,\"37,7749\",{LiaisonSeed.MissionLong},,c20 comma,wall,,";
        rows[200] = $"GRAFFITI,{LiaisonSeed.MissionLat},{LiaisonSeed.MissionLong},,=HYPERLINK(\"http://x\"),,,";
        rows[499] = $"GRAFFITI,{LiaisonSeed.MissionLat},{LiaisonSeed.MissionLong},,c20 date,wall,,31/12/2024";

        var id = await client.UploadBatchAsync(LiaisonSeed.GraffitiCsv(rows), "c20.csv");
        var preview = await client.GetStringAsync($"/liaison/batches/{id}");
        var failedCsv = Encoding.UTF8.GetString(await client.Http.GetByteArrayAsync($"/liaison/batches/{id}/failed.csv"));

        Assert.Contains("Rows read: <strong>500</strong>. Valid: <strong>497</strong>. Failed: <strong>3</strong>.", preview, StringComparison.Ordinal);
        Assert.Contains("Row 12, column lat", preview, StringComparison.Ordinal);
        Assert.Contains("Row 501, column attribute[SEEN_ON]", preview, StringComparison.Ordinal);
        var lines = failedCsv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("service_code,lat,long,address_string,description,attribute[COLORS],attribute[SEEN_ON],attribute[SURFACE],reason", lines[0]);
        Assert.Contains("lat: Row 12, column lat", lines[1], StringComparison.Ordinal);
        Assert.Contains("attribute[SURFACE]", lines[2], StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(", lines[2], StringComparison.Ordinal);
        Assert.Contains(",-122.4148,", lines[2], StringComparison.Ordinal);
        Assert.Contains("31/12/2024", lines[3], StringComparison.Ordinal);
        Assert.Equal(0, await CountRequestsAsync(id));

        var submit = await client.SubmitAsync(id);
        var result = await client.GetStringAsync($"/liaison/batches/{id}");

        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var stored = await factory.WithDbAsync(db => db.ServiceRequests.AsNoTracking().Include(r => r.Events).Include(r => r.Service)
            .Where(r => r.BatchId == id).OrderBy(r => r.Id).ToListAsync());
        var validDescriptions = Enumerable.Range(0, 500).Where(i => i is not 10 and not 200 and not 499).Select(i => $"c20 row {i}");
        Assert.Equal(validDescriptions, stored.Select(r => r.Description));
        Assert.All(stored, r => Assert.Equal(RequestChannels.Liaison, r.Channel));
        Assert.All(stored, r => Assert.Equal(factory.Seed.LiaisonId, r.UserId));
        Assert.All(stored, r => Assert.Equal(id, r.BatchId));
        Assert.All(stored, r => Assert.Equal(LiaisonSeed.GraffitiService, r.Service!.Code));
        Assert.All(stored, r => Assert.Equal("Lee Liaison", Assert.Single(r.Events).Actor));
        Assert.All(stored, r => Assert.Equal(["wall"], r.Attributes["SURFACE"]));
        Assert.All(stored, r => Assert.Equal(["red", "blue"], r.Attributes["COLORS"]));
        Assert.All(stored, r => Assert.Equal(["2025-03-04"], r.Attributes["SEEN_ON"]));
        Assert.Equal(37.705, stored[0].Location!.Y, 6);
        Assert.Equal(-122.4148, stored[0].Location!.X, 6);
        var batch = await LoadAsync(id);
        Assert.Equal(BatchStatuses.Submitted, batch.Status);
        Assert.Equal(497, batch.Results.Count);
        Assert.All(batch.Results, r => Assert.Contains($"<td class=\"request-number\">{r.PublicId}</td>", result, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PreviewOnly_StoresNoRequests()
    {
        using var client = await SignedInAsync();

        var id = await client.UploadBatchAsync(LiaisonSeed.GraffitiCsv([LiaisonSeed.GraffitiRow("previewed, never submitted")]));

        Assert.Equal(BatchStatuses.Draft, (await LoadAsync(id)).Status);
        Assert.Equal(0, await CountRequestsAsync(id));
    }

    [Fact]
    public async Task Submit_FailureMidBatch_LeavesNoRequest()
    {
        using var client = await SignedInAsync();
        var rows = Enumerable.Range(0, 20).Select(i => LiaisonSeed.GraffitiRow(i == 12 ? "explode here" : $"atomic row {i}"));
        var id = await client.UploadBatchAsync(LiaisonSeed.GraffitiCsv(rows));
        var before = await factory.WithDbAsync(db => db.ServiceRequests.CountAsync());
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
            CREATE FUNCTION fail_on_marker() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.description = 'explode here' THEN RAISE EXCEPTION 'injected failure'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER fail_on_marker BEFORE INSERT ON service_requests FOR EACH ROW EXECUTE FUNCTION fail_on_marker();
            """));

        try
        {
            var submit = await client.SubmitAsync(id);
            var page = await client.GetStringAsync(submit.Headers.Location!.OriginalString);

            Assert.Contains("Nothing was submitted", page, StringComparison.Ordinal);
            Assert.Equal(before, await factory.WithDbAsync(db => db.ServiceRequests.CountAsync()));
            Assert.Equal(0, await CountRequestsAsync(id));
            Assert.Equal(0, await factory.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.Actor == "Lee Liaison" && db.ServiceRequests.Any(r => r.Id == e.RequestId && r.BatchId == id))));
            Assert.Equal(BatchStatuses.Draft, (await LoadAsync(id)).Status);
        }
        finally
        {
            await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER fail_on_marker ON service_requests; DROP FUNCTION fail_on_marker();"));
        }

        var retry = await client.SubmitAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(20, await CountRequestsAsync(id));
    }

    [Fact]
    public async Task SameFileTwice_WarnsAndNeedsConfirmation()
    {
        using var client = await SignedInAsync();
        var file = LiaisonSeed.GraffitiCsv([LiaisonSeed.GraffitiRow("same file A", "37.7501"), LiaisonSeed.GraffitiRow("same file B", "37.7502")]);
        var first = await client.UploadBatchAsync(file, "meeting.csv");
        await client.SubmitAsync(first);

        var second = await client.UploadBatchAsync(file, "meeting-copy.csv");
        var preview = await client.GetStringAsync($"/liaison/batches/{second}");
        var unconfirmed = await client.SubmitAsync(second);
        var unconfirmedBody = await unconfirmed.Content.ReadAsStringAsync();

        Assert.Contains("were uploaded before as", preview, StringComparison.Ordinal);
        Assert.Contains($"batch {first}</a>", preview, StringComparison.Ordinal);
        Assert.Contains("name=\"confirmSameFile\"", preview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("These rows, or some of them, were submitted before", unconfirmedBody, StringComparison.Ordinal);
        Assert.Equal(0, await CountRequestsAsync(second));
        Assert.Equal(BatchStatuses.Draft, (await LoadAsync(second)).Status);

        var confirmed = await client.SubmitAsync(second, confirmSameFile: true);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(2, await CountRequestsAsync(second));
    }

    [Fact]
    public async Task DoubleSubmit_CreatesOnceAndShowsFirstResult()
    {
        using var client = await SignedInAsync();
        var id = await client.UploadBatchAsync(LiaisonSeed.GraffitiCsv([LiaisonSeed.GraffitiRow("double click 1", "37.7611"), LiaisonSeed.GraffitiRow("double click 2", "37.7612")]));

        var responses = await Task.WhenAll(client.SubmitAsync(id), client.SubmitAsync(id));
        var again = await client.SubmitAsync(id);
        var page = await client.GetStringAsync(again.Headers.Location!.OriginalString);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(2, await CountRequestsAsync(id));
        Assert.Contains("already submitted; nothing was created again", page, StringComparison.Ordinal);
        var batch = await LoadAsync(id);
        Assert.All(batch.Results, r => Assert.Contains(r.PublicId, page, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Grid_PlainForm_AddsRowsAndSubmits()
    {
        using var client = await SignedInAsync();
        var grid = await client.GetStringAsync("/liaison/grid?serviceCode=GRAFFITI");
        Assert.Contains("name=\"Rows[9].Lat\"", grid, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Rows[10].Lat\"", grid, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["ServiceCode"] = "GRAFFITI",
            ["Rows[0].Lat"] = LiaisonSeed.MissionLat,
            ["Rows[0].Long"] = LiaisonSeed.MissionLong,
            ["Rows[0].Description"] = "grid row kept",
            ["Rows[0].Attributes[SURFACE]"] = "wall",
        };
        for (var i = 1; i < 10; i++)
        {
            fields[$"Rows[{i}].Lat"] = string.Empty;
        }

        var more = await client.PostFormAsync("/liaison/grid?serviceCode=GRAFFITI", fields, "/liaison/grid?handler=AddRows");
        var moreBody = await more.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        Assert.Contains("name=\"Rows[19].Lat\"", moreBody, StringComparison.Ordinal);
        Assert.Contains("grid row kept", moreBody, StringComparison.Ordinal);

        for (var i = 10; i < 20; i++)
        {
            fields[$"Rows[{i}].Lat"] = string.Empty;
        }

        fields["Rows[15].Lat"] = "37,76";
        fields["Rows[15].Long"] = LiaisonSeed.MissionLong;
        fields["Rows[15].Description"] = "grid comma";
        fields["Rows[15].Attributes[SURFACE]"] = "wall";
        var check = await client.PostFormAsync("/liaison/grid?serviceCode=GRAFFITI", fields, "/liaison/grid?handler=Check");
        Assert.Equal(HttpStatusCode.Redirect, check.StatusCode);
        var id = long.Parse(check.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var batch = await LoadAsync(id);

        Assert.Equal("grid", batch.Source);
        Assert.Equal(2, batch.Rows.Count);
        Assert.Equal([1, 16], batch.Rows.Select(r => r.Number));
        Assert.Contains(batch.Rows[1].Errors, e => e.Column == "lat" && e.Message.Contains("Row 16", StringComparison.Ordinal));

        await client.SubmitAsync(id);
        var stored = await factory.WithDbAsync(db => db.ServiceRequests.Where(r => r.BatchId == id).Select(r => r.Description).ToListAsync());
        Assert.Equal(["grid row kept"], stored);
    }

    [Fact]
    public async Task Dashboard_ListsMyRequestsAndExportsSafely()
    {
        using var client = await SignedInAsync();
        var id = await client.UploadBatchAsync(LiaisonSeed.GraffitiCsv([LiaisonSeed.GraffitiRow("@SUM(A1) dashboard row", "37.7622")]));
        await client.SubmitAsync(id);
        var publicId = await factory.WithDbAsync(db => db.ServiceRequests.Where(r => r.BatchId == id).Select(r => r.PublicId).SingleAsync());

        var dashboard = await client.GetStringAsync("/liaison?scope=mine&status=open");
        var export = Encoding.UTF8.GetString(await client.Http.GetByteArrayAsync("/liaison/export.csv?scope=mine"));
        var closed = await client.GetStringAsync("/liaison?scope=mine&status=closed");

        Assert.Contains($"<td>{publicId}</td>", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain($"<td>{publicId}</td>", closed, StringComparison.Ordinal);
        var line = Assert.Single(export.Split("\r\n"), l => l.StartsWith(publicId + ",", StringComparison.Ordinal));
        Assert.EndsWith(",'@SUM(A1) dashboard row", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffTriage_ChangesStatusWithStaffName()
    {
        using var liaison = await SignedInAsync();
        var id = await liaison.UploadBatchAsync(LiaisonSeed.GraffitiCsv([LiaisonSeed.GraffitiRow("to be triaged", "37.7633")]));
        await liaison.SubmitAsync(id);
        var requestId = await factory.WithDbAsync(db => db.ServiceRequests.Where(r => r.BatchId == id).Select(r => r.Id).SingleAsync());
        using var staff = factory.CreatePortalClient();
        await staff.SignInAsync(LiaisonSeed.StaffEmail, LiaisonSeed.Password);

        var response = await staff.PostFormAsync("/staff/requests", new()
        {
            ["id"] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["newStatus"] = "in_progress",
            ["notes"] = "Crew booked for Monday",
        }, "/staff/requests?handler=ChangeStatus");
        var batchPage = await liaison.GetStringAsync($"/liaison/batches/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var request = await factory.WithDbAsync(db => db.ServiceRequests.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == requestId));
        Assert.Equal(RequestStatus.InProgress, request.Status);
        Assert.Equal("Crew booked for Monday", request.StatusNotes);
        var change = request.Events.OrderBy(e => e.Id).Last();
        Assert.Equal("Sam Staff", change.Actor);
        Assert.Equal(RequestStatus.InProgress, change.Status);
        Assert.Contains("<td>in_progress</td>", batchPage, StringComparison.Ordinal);
    }

    private async Task<PortalClient> SignedInAsync()
    {
        var client = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(LiaisonSeed.LiaisonEmail, LiaisonSeed.Password)).StatusCode);
        return client;
    }

    private Task<int> CountRequestsAsync(long batchId) => factory.WithDbAsync(db => db.ServiceRequests.CountAsync(r => r.BatchId == batchId));

    private Task<LiaisonBatch> LoadAsync(long id) => factory.WithDbAsync(db => db.LiaisonBatches.AsNoTracking().SingleAsync(b => b.Id == id));
}
