using Microsoft.Playwright;
using Open311.BrowserTests.Infrastructure;
using Open311.Tests.Liaison;

namespace Open311.BrowserTests.Liaison;

/// <summary>The header with the longest menu (staff): "Sign out" stays on the brand's line and nothing scrolls sideways.</summary>
public sealed class PortalHeaderBrowserTests(PortalBrowserFixture fixture) : IClassFixture<PortalBrowserFixture>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task StaffHeader_KeepsSignOutBesideTheBrand(int width)
    {
        var page = await fixture.SignedInPageAsync(LiaisonSeed.StaffEmail, width: width);
        await page.GotoAsync("/staff/requests");
        var header = page.GetByRole(AriaRole.Banner);
        var signOut = header.GetByRole(AriaRole.Button, new() { Name = "Sign out" });

        await BrowserFixture.ScreenshotAsync(page, $"portal-header-{width}");
        var button = (await signOut.BoundingBoxAsync())!;
        var brand = (await header.Locator(".brand").BoundingBoxAsync())!;
        var firstLink = (await header.GetByRole(AriaRole.Link, new() { Name = "Home" }).BoundingBoxAsync())!;
        var lastLink = (await header.GetByRole(AriaRole.Link, new() { Name = "Triage" }).BoundingBoxAsync())!;
        var sideways = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");

        Assert.False(sideways, "the page scrolls sideways");
        Assert.True(button.X + button.Width <= width, "Sign out is cut off on the right");
        Assert.True(button.Y + button.Height <= firstLink.Y, $"Sign out (top {button.Y}) is not above the menu (top {firstLink.Y})");
        if (width >= 1280)
        {
            Assert.True(Math.Abs((button.Y + (button.Height / 2)) - (brand.Y + (brand.Height / 2))) < brand.Height, "Sign out is not on the brand's line");
            Assert.True(lastLink.Y > button.Y, "a menu item sits beside Sign out");
        }
    }
}
