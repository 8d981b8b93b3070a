using Microsoft.AspNetCore.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Site;

/// <summary>The real host for site tests: no map tiles (so no request leaves the machine) and photos in a temporary folder.</summary>
public class SiteAppFactory : Open311AppFactory
{
    public string MediaFolder { get; } = Path.Combine(Path.GetTempPath(), "open311-site-media-" + Guid.NewGuid().ToString("N")[..8]);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SiteSeed.EnsureAsync(Services);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Open311:Map:TileUrl", string.Empty);
        builder.UseSetting("Open311:Media:Path", MediaFolder);
    }
}
