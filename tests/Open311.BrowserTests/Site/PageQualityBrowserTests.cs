using Microsoft.Playwright;
using Open311.BrowserTests.Infrastructure;
using Open311.Tests.Site;
using Xunit.Abstractions;

namespace Open311.BrowserTests.Site;

/// <summary>Every public page: axe-core finds no serious or critical violation, a screenshot is saved, and a 375 px phone needs no sideways scrolling.</summary>
public sealed class PageQualityBrowserTests(SiteBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<SiteBrowserFixture>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "home", "/" },
        { "report-choose", "/report" },
        { "report-details", "/report/details?service=" + SiteSeed.Pothole },
        { "request", "/requests/" + SiteSeed.OpenPublicId },
        { "request-closed", "/requests/900003" },
        { "request-not-found", "/requests/404404" },
        { "browse", "/browse" },
        { "report-card", "/report-card" },
        { "done", "/report/done/" + SiteSeed.OpenPublicId },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_WithJavaScript_HasNoSeriousAccessibilityViolations(string name, string url)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(url);

        await BrowserFixture.ScreenshotAsync(page, name);
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);

        violations.ToList().ForEach(output.WriteLine);
        Assert.Empty(violations);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_WithoutSiteScripts_HasNoSeriousAccessibilityViolations(string name, string url)
    {
        var page = await fixture.NewPageWithoutSiteScriptsAsync();
        await page.GotoAsync(url);

        await BrowserFixture.ScreenshotAsync(page, name + "-nojs");
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);

        violations.ToList().ForEach(output.WriteLine);
        Assert.Empty(violations);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_At375Pixels_HasNoSidewaysScrolling(string name, string url)
    {
        var page = await fixture.NewPageAsync(width: 375);
        await page.GotoAsync(url);

        await BrowserFixture.ScreenshotAsync(page, name + "-375");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");

        Assert.True(widths[0] <= widths[1], $"{url} is {widths[0]} px wide in a {widths[1]} px viewport.");
    }

    [Fact]
    public async Task ReportErrors_WithoutSiteScripts_HaveNoSeriousAccessibilityViolations()
    {
        var page = await fixture.NewPageWithoutSiteScriptsAsync();
        await page.GotoAsync("/report/details?service=" + SiteSeed.Pothole);
        await page.GetByLabel("Latitude", new() { Exact = true }).FillAsync(SiteSeed.OutsideLat);
        await page.GetByLabel("Longitude", new() { Exact = true }).FillAsync(SiteSeed.OutsideLong);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to check your report" }).ClickAsync();

        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("outside the service area");
        await BrowserFixture.ScreenshotAsync(page, "report-errors");
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);

        violations.ToList().ForEach(output.WriteLine);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Preview_WithNearbyRequest_HasNoSeriousAccessibilityViolations()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/report/details?service=" + SiteSeed.Pothole);
        await page.GetByLabel("In the road", new() { Exact = true }).CheckAsync();
        await page.Locator("#f-lat").FillAsync(SiteSeed.InsideLat);
        await page.Locator("#f-long").FillAsync(SiteSeed.InsideLong);
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("Preview page check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to check your report" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Is it one of these?" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "report-preview");
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);

        violations.ToList().ForEach(output.WriteLine);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task AccessibilityCheck_UnlabelledControls_ReportsViolations()
    {
        var page = await fixture.NewPageAsync();
        await page.SetContentAsync("<html><body><img src=\"/x.png\"><input type=\"text\"></body></html>");

        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);

        Assert.Contains(violations, v => v.Contains("image-alt", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("label", StringComparison.Ordinal));
    }
}
