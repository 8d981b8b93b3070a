using Microsoft.Playwright;
using Open311.BrowserTests.Infrastructure;
using Open311.Tests.Liaison;
using Xunit.Abstractions;

namespace Open311.BrowserTests.Liaison;

/// <summary>
/// The portal's pages in the shared layout: each is served with the site's Content-Security-Policy, breaks none
/// of it, has no serious or critical axe-core violation, and gets a screenshot.
/// </summary>
public sealed class PortalPageQualityBrowserTests(PortalBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task SignIn_PassesPageChecks()
    {
        var page = await fixture.NewPageAsync();
        var problems = Watch(page);

        await CheckAsync(page, "/account/signin", "portal-signin", problems);

        Report(problems);
    }

    [Fact]
    public async Task LiaisonPages_PassPageChecks()
    {
        var page = await fixture.SignedInPageAsync(LiaisonSeed.LiaisonEmail);
        var problems = Watch(page);
        var rows = SampleRequests.MissionRows(4).ToList();
        var bad = rows[1].ToArray();
        bad[1] = bad[1].Replace('.', ',');

        await CheckAsync(page, "/liaison/upload", "portal-upload", problems);
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "quality.csv", MimeType = "text/csv", Buffer = SampleRequests.ToCsv(rows.Select((row, index) => index == 1 ? bad : row)),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator("#batch-counts")).ToContainTextAsync("Failed: 1.");
        await CheckAsync(page, page.Url, "portal-preview", problems);

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the 3 valid row(s)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#batch-status")).ToHaveTextAsync("submitted");
        await CheckAsync(page, page.Url, "portal-batch", problems);
        await CheckAsync(page, "/liaison/batches", "portal-batches", problems);
        await CheckAsync(page, "/liaison", "portal-dashboard", problems);
        await CheckAsync(page, "/liaison/grid?serviceCode=" + LiaisonSeed.GraffitiService, "portal-grid", problems);

        await Assertions.Expect(page.Locator("#grid-map")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Place row 1 on the map" })).ToBeVisibleAsync();
        Report(problems);
    }

    [Fact]
    public async Task StaffPages_PassPageChecks()
    {
        var liaison = await fixture.SignedInPageAsync(LiaisonSeed.LiaisonEmail);
        var rows = SampleRequests.MissionRows(8).Skip(6).Select(row => row.Select((value, index) => index == 4 ? value + " (for triage)" : value).ToArray());
        await liaison.GotoAsync("/liaison/upload");
        await liaison.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "triage.csv", MimeType = "text/csv", Buffer = SampleRequests.ToCsv(rows) });
        await liaison.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await liaison.GetByRole(AriaRole.Button, new() { Name = "Submit the 2 valid row(s)" }).ClickAsync();
        await Assertions.Expect(liaison.Locator("#batch-status")).ToHaveTextAsync("submitted");

        var page = await fixture.SignedInPageAsync(LiaisonSeed.StaffEmail);
        var problems = Watch(page);

        await CheckAsync(page, "/staff/liaisons", "portal-staff-liaisons", problems);
        await CheckAsync(page, "/staff/liaisons/invite", "portal-staff-invite", problems);
        await CheckAsync(page, "/staff/requests", "portal-staff-requests", problems);
        await Assertions.Expect(page.GetByText("(for triage)").First).ToBeVisibleAsync();

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Triage" })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Upload CSV" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Signed in as " + LiaisonSeed.StaffEmail);
        Report(problems);
    }

    [Fact]
    public async Task LiaisonNav_HidesStaffAndSignsOut()
    {
        var page = await fixture.SignedInPageAsync(LiaisonSeed.LiaisonEmail, javaScriptEnabled: false);
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My requests" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Triage" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/liaison");

        await page.WaitForURLAsync("**/account/signin**");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    /// <summary>Collects the page's Content-Security-Policy reports from the console and its failed scripts.</summary>
    private static List<string> Watch(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                problems.Add("CSP: " + message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add("script error: " + error);
        return problems;
    }

    private async Task CheckAsync(IPage page, string url, string name, List<string> problems)
    {
        var response = await page.GotoAsync(url);
        var policy = response is null ? null : await response.HeaderValueAsync("content-security-policy");
        if (policy is null || !policy.Contains("script-src 'self'", StringComparison.Ordinal))
        {
            problems.Add($"{name}: no Content-Security-Policy with script-src 'self'");
        }

        await BrowserFixture.ScreenshotAsync(page, name);
        foreach (var violation in await BrowserFixture.SeriousAccessibilityViolationsAsync(page))
        {
            problems.Add($"{name}: {violation}");
        }
    }

    private void Report(List<string> problems)
    {
        problems.ForEach(output.WriteLine);
        Assert.Empty(problems);
    }
}
