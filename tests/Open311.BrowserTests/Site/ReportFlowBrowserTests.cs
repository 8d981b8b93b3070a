using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Open311.Tests.Site;

namespace Open311.BrowserTests.Site;

public sealed class ReportFlowBrowserTests(SiteBrowserFixture fixture) : IClassFixture<SiteBrowserFixture>
{
    [Fact]
    public async Task Report_WithJavaScript_ReachesRequestPageAndBrowse()
    {
        var page = await fixture.NewPageAsync();
        var policyErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                policyErrors.Add(message.Text);
            }
        };

        await page.GotoAsync("/report");
        await page.GetByLabel("Filter the services").FillAsync("asphalt");
        await page.Locator("#f-service").SelectOptionAsync(SiteSeed.Pothole);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        var conditional = page.Locator("[data-question='WHERE-OTHER']");
        await Assertions.Expect(conditional).ToBeHiddenAsync();
        await page.GetByLabel("Somewhere else", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(conditional).ToBeVisibleAsync();
        await page.GetByLabel("If somewhere else, where? (required)").FillAsync("Behind the library");
        await page.GetByLabel("Water in the hole", new() { Exact = true }).CheckAsync();
        await page.Locator(".map[data-map='pick']").ClickAsync();
        var pinnedLat = await page.Locator("#f-lat").InputValueAsync();
        Assert.Matches(@"^37\.\d+$", pinnedLat);
        await page.Locator("#f-lat").FillAsync(SiteSeed.InsideLat);
        await page.Locator("#f-long").FillAsync(SiteSeed.InsideLong);
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("Hole reported with JavaScript");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("js.reporter@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to check your report" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your report" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        var number = await page.Locator("#request-number").InnerTextAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Follow request {number}" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Hole reported with JavaScript")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Behind the library")).ToBeVisibleAsync();
        Assert.DoesNotContain("js.reporter@example.org", await page.ContentAsync());
        await page.GotoAsync("/browse?service=" + SiteSeed.Pothole);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"#{number}$") })).ToBeVisibleAsync();
        Assert.Empty(policyErrors);
    }

    [Fact]
    public async Task Report_WithoutJavaScript_ReachesRequestPageAndBrowse()
    {
        var page = await fixture.NewPageAsync(javaScriptEnabled: false);

        await page.GotoAsync("/report");
        await page.Locator("#f-service").SelectOptionAsync(SiteSeed.Pothole);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Answer only if “Where is the hole?” is “Somewhere else”.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".map")).ToBeHiddenAsync();
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("Hole reported without JavaScript");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to check your report" }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Missing answer: “Where is the hole?” is required.");
        await Assertions.Expect(summary).ToContainTextAsync("Missing place");
        await Assertions.Expect(page.GetByLabel("Description", new() { Exact = true })).ToHaveValueAsync("Hole reported without JavaScript");
        await page.GetByLabel("In the road", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Latitude", new() { Exact = true }).FillAsync(SiteSeed.InsideLat);
        await page.GetByLabel("Longitude", new() { Exact = true }).FillAsync(SiteSeed.InsideLong);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to check your report" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        var number = await page.Locator("#request-number").InnerTextAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Follow request {number}" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Hole reported without JavaScript")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("In the road")).ToBeVisibleAsync();
        await page.GotoAsync("/browse?status=open");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"#{number}$") })).ToBeVisibleAsync();
    }
}
