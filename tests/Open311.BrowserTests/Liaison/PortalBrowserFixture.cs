using Microsoft.Playwright;
using Open311.BrowserTests.Infrastructure;
using Open311.Tests.Liaison;

namespace Open311.BrowserTests.Liaison;

/// <summary>The shared browser fixture with the portal's seed data: a jurisdiction, neighbourhoods, services and accounts.</summary>
public sealed class PortalBrowserFixture : BrowserFixture
{
    public LiaisonSeed Seed { get; private set; } = null!;

    protected override async Task SeedAsync(IServiceProvider services) => Seed = await LiaisonSeed.CreateAsync(services);

    /// <summary>Opens the sign-in page in a fresh context, signs in and waits for the dashboard.</summary>
    public async Task<IPage> SignedInPageAsync(string email, bool javaScriptEnabled = true, int width = 1280)
    {
        var page = await NewPageAsync(javaScriptEnabled, width);
        await page.GotoAsync("/account/signin?returnUrl=%2Fliaison");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(LiaisonSeed.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/liaison");
        return page;
    }
}
