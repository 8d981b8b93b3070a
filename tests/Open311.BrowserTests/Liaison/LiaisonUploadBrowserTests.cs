using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Open311.Data;
using Open311.Tests.Liaison;

namespace Open311.BrowserTests.Liaison;

public sealed partial class LiaisonUploadBrowserTests(PortalBrowserFixture fixture) : IClassFixture<PortalBrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Liaison_UploadFixSubmit_ShowsBatch(bool javaScriptEnabled)
    {
        // Each run has its own descriptions, so its file is not the same file as another run's.
        var suffix = javaScriptEnabled ? " (with scripts)" : " (without scripts)";
        var rows = SampleRequests.MissionRows(6).Select(row => row.Select((value, index) => index == 4 ? value + suffix : value).ToArray()).ToList();
        var bad = rows[3].ToArray();
        bad[1] = bad[1].Replace('.', ',');
        var withError = rows.Select((row, index) => index == 3 ? bad : row);
        var page = await fixture.NewPageAsync(javaScriptEnabled);

        await page.GotoAsync("/liaison/upload");
        await page.GetByLabel("Email").FillAsync(LiaisonSeed.LiaisonEmail);
        await page.GetByLabel("Password").FillAsync(LiaisonSeed.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/liaison/upload$"));

        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "block-meeting.csv", MimeType = "text/csv", Buffer = SampleRequests.ToCsv(withError) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator("#batch-counts")).ToContainTextAsync("Rows read: 6. Valid: 5. Failed: 1.");
        await Assertions.Expect(page.Locator("#row-5 .row-error")).ToContainTextAsync("Row 5, column lat");
        await Assertions.Expect(page.Locator("#row-5 .row-error")).ToContainTextAsync("decimal comma");

        await page.GetByRole(AriaRole.Link, new() { Name = "upload again" }).First.ClickAsync();
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "block-meeting-fixed.csv", MimeType = "text/csv", Buffer = SampleRequests.ToCsv(rows) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator("#batch-counts")).ToContainTextAsync("Rows read: 6. Valid: 6. Failed: 0.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the 6 valid row(s)" }).ClickAsync();

        await Assertions.Expect(page.Locator("#batch-status")).ToHaveTextAsync("submitted");
        await Assertions.Expect(page.Locator("#batch-results .request-number")).ToHaveCountAsync(6);
        var numbers = await page.Locator("#batch-results .request-number").AllTextContentsAsync();
        var batchId = long.Parse(page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Open311DbContext>();
        var stored = await db.ServiceRequests.Where(r => r.BatchId == batchId).OrderBy(r => r.Id)
            .Select(r => new { r.PublicId, r.Description, r.Channel, r.UserId }).ToListAsync();
        Assert.Equal(numbers, stored.Select(r => r.PublicId));
        Assert.Equal(rows.Select(r => r[4]), stored.Select(r => r.Description));
        Assert.All(stored, r => Assert.Equal("liaison", r.Channel));
        Assert.All(stored, r => Assert.Equal(fixture.Seed.LiaisonId, r.UserId));

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Batches" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Batch {batchId}" })).ToBeVisibleAsync();
    }
}
