using Open311.BrowserTests.Infrastructure;
using Open311.Tests.Site;

namespace Open311.BrowserTests.Site;

/// <summary>The browser fixture with the public site's seed data.</summary>
public sealed class SiteBrowserFixture : BrowserFixture
{
    protected override Task SeedAsync(IServiceProvider services) => SiteSeed.EnsureAsync(services);
}
