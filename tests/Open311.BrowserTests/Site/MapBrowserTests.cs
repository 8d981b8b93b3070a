using Microsoft.Playwright;
using Open311.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Open311.BrowserTests.Site;

public sealed class MapBrowserTests(SiteBrowserWithTilesFixture fixture, ITestOutputHelper output) : IClassFixture<SiteBrowserWithTilesFixture>
{
    [Fact]
    public async Task ReportCard_WithTiles_DrawsNeighborhoodLayer()
    {
        var page = await fixture.NewPageAsync();
        var requests = new List<string>();
        var consoleErrors = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                consoleErrors.Add(message.Text);
            }
        };

        await page.GotoAsync("/report-card");

        await Assertions.Expect(page.Locator(".map[data-map='areas'] path.leaflet-interactive")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".leaflet-control-attribution")).ToContainTextAsync("OpenStreetMap");
        await BrowserFixture.ScreenshotAsync(page, "report-card-tiles");
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);
        violations.ToList().ForEach(output.WriteLine);
        Assert.Empty(violations);
        Assert.Empty(consoleErrors);
        Assert.All(requests, url => Assert.StartsWith(fixture.BaseAddress.ToString(), url));
        Assert.Contains(requests, url => url.Contains("/test-tiles/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportDetails_WithTiles_PlacesPinByClick()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/report/details?service=" + Open311.Tests.Site.SiteSeed.Pothole);

        await page.Locator(".map[data-map='pick']").ClickAsync();

        await Assertions.Expect(page.Locator(".leaflet-marker-icon")).ToHaveCountAsync(1);
        Assert.Matches(@"^37\.\d{6}$", await page.Locator("#f-lat").InputValueAsync());
        Assert.Matches(@"^-122\.\d{6}$", await page.Locator("#f-long").InputValueAsync());
    }
}
