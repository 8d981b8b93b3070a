using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Open311.Domain.Liaison;

namespace Open311.Tests.Liaison;

/// <summary>
/// The same rows uploaded again in another file form (line endings, byte order mark, UTF-16, a trailing blank
/// line) are recognised by their content, and rows that match the liaison's earlier requests are flagged, before
/// anything is created twice.
/// </summary>
public sealed class DuplicateContentTests(LiaisonAppFactory factory) : IClassFixture<LiaisonAppFactory>
{
    private const string Header = "service_code,lat,long,address_string,description,attribute[SURFACE],attribute[COLORS],attribute[SEEN_ON]";

    public static TheoryData<string> Copies => new() { "lf", "bom", "utf16", "trailing-blank-line" };

    [Theory]
    [MemberData(nameof(Copies))]
    public async Task SameRowsInAnotherFileForm_WarnAndNeedConfirmation(string copy)
    {
        using var client = await SignedInAsync();
        var lines = new[]
        {
            Header,
            $"GRAFFITI,,,\"{copy} 100 Valencia St\",{copy} tag on the door,wall,red,2025-03-04",
            $"GRAFFITI,,,\"{copy} 200 Valencia St\",\"{copy} two lines\r\nof text\",wall,blue,2025-03-04",
        };
        var original = Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
        var first = await client.UploadBatchAsync(original, "meeting.csv");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(first)).StatusCode);
        Assert.Equal(2, await CountRequestsAsync(first));

        var second = await client.UploadBatchAsync(Copy(lines, copy), "meeting-resaved.csv");
        var preview = await client.GetStringAsync($"/liaison/batches/{second}");
        var unconfirmed = await client.SubmitAsync(second);

        Assert.Contains("were uploaded before as", preview, StringComparison.Ordinal);
        Assert.Contains($"batch {first}</a>", preview, StringComparison.Ordinal);
        Assert.Contains("name=\"confirmSameFile\"", preview, StringComparison.Ordinal);
        Assert.Equal(2, CountOccurrences(preview, "You submitted this row before"));
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Equal(0, await CountRequestsAsync(second));
        Assert.Equal(BatchStatuses.Draft, (await LoadAsync(second)).Status);
        Assert.Equal((await LoadAsync(first)).FileSha256, (await LoadAsync(second)).FileSha256);
    }

    [Fact]
    public async Task EarlierRows_InNewFile_AreFlagged()
    {
        using var client = await SignedInAsync();
        var first = await client.UploadBatchAsync(LiaisonSeed.GraffitiCsv([
            "GRAFFITI,,,\"300 Guerrero St\",Paint on the mailbox,wall,red,2025-03-04",
            LiaisonSeed.GraffitiRow("Tag on the bus shelter", "37.7591", "-122.4150"),
        ]));
        await client.SubmitAsync(first);

        // Another meeting's file: the same two concerns written with other case and spacing, among a new one.
        var second = await client.UploadBatchAsync(LiaisonSeed.GraffitiCsv([
            LiaisonSeed.GraffitiRow("A new mural tag", "37.7570", "-122.4160"),
            "GRAFFITI,,,\"300  guerrero st\",paint on the  mailbox ,wall,red,2025-03-04",
            LiaisonSeed.GraffitiRow("Tag on the bus shelter", "37.75910", "-122.41500"),
        ]));
        var batch = await LoadAsync(second);
        var preview = await client.GetStringAsync($"/liaison/batches/{second}");

        Assert.DoesNotContain(batch.Rows[0].Warnings, w => w.Kind == RowIssueKinds.SubmittedBefore);
        Assert.Contains(batch.Rows[1].Warnings, w => w.Kind == RowIssueKinds.SubmittedBefore && w.Link == $"/liaison/batches/{first}");
        Assert.Contains(batch.Rows[2].Warnings, w => w.Kind == RowIssueKinds.SubmittedBefore && w.Link == $"/liaison/batches/{first}");
        Assert.DoesNotContain("were uploaded before as", preview, StringComparison.Ordinal);
        Assert.Contains("2 row(s) match your earlier requests", preview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(second)).StatusCode);
        Assert.Equal(0, await CountRequestsAsync(second));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(second, confirmSameFile: true)).StatusCode);
        Assert.Equal(3, await CountRequestsAsync(second));
    }

    [Fact]
    public async Task OtherLiaisonsRequests_AreNotFlagged()
    {
        using var other = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await other.SignInAsync(LiaisonSeed.OtherLiaisonEmail, LiaisonSeed.Password)).StatusCode);
        using var client = await SignedInAsync();
        var file = LiaisonSeed.GraffitiCsv(["GRAFFITI,,,\"400 Dolores St\",Tag on the church wall,wall,red,2025-03-04"]);
        await other.SubmitAsync(await other.UploadBatchAsync(file));

        var mine = await LoadAsync(await client.UploadBatchAsync(file));

        Assert.DoesNotContain(mine.Rows[0].Warnings, w => w.Kind == RowIssueKinds.SubmittedBefore);
    }

    private static byte[] Copy(string[] lines, string copy) => copy switch
    {
        "lf" => Encoding.UTF8.GetBytes(string.Join("\n", lines).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n"),
        "bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")],
        "utf16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(string.Join("\r\n", lines) + "\r\n")],
        "trailing-blank-line" => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n\r\n,,,,,,,\r\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(copy)),
    };

    private static int CountOccurrences(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    private async Task<PortalClient> SignedInAsync()
    {
        var client = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(LiaisonSeed.LiaisonEmail, LiaisonSeed.Password)).StatusCode);
        return client;
    }

    private Task<int> CountRequestsAsync(long batchId) => factory.WithDbAsync(db => db.ServiceRequests.CountAsync(r => r.BatchId == batchId));

    private Task<LiaisonBatch> LoadAsync(long id) => factory.WithDbAsync(db => db.LiaisonBatches.AsNoTracking().SingleAsync(b => b.Id == id));
}
