using Open311.BrowserTests.Infrastructure;
using Open311.Tests.Site;

namespace Open311.BrowserTests.Site;

/// <summary>The browser fixture with the public site's seed data.</summary>
public sealed class SiteBrowserFixture : BrowserFixture
{
    protected override Task SeedAsync(IServiceProvider services) => SiteSeed.EnsureAsync(services);
}

/// <summary>
/// The site's fixture with a tile layer whose URL is a path on the test server. The tiles are not found there,
/// so maps draw without images, but the tile and GeoJSON layers run and no request leaves the machine.
/// </summary>
public sealed class SiteBrowserWithTilesFixture : BrowserFixture
{
    protected override string TileUrl => "/test-tiles/{z}/{x}/{y}.png";

    protected override Task SeedAsync(IServiceProvider services) => SiteSeed.EnsureAsync(services);
}
