using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using Open311.Domain.Submission;
using Open311.Tests.Infrastructure;
using Open311.Tests.Liaison;

namespace Open311.BrowserTests.Liaison;

/// <summary>
/// The real host on Kestrel (so Chromium can reach it) over a fresh PostGIS database with the liaison test
/// data, and one headless Chromium from the Debian package.
/// NOTE: a minimal fixture of the portal's own; switch to the shared browser fixture once it exists.
/// </summary>
public sealed class PortalBrowserFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public LiaisonSeed Seed { get; private set; } = null!;

    /// <summary>The server's root, on <c>localhost</c> so that Chromium keeps the secure cookies over plain http.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new UriBuilder(address) { Host = "localhost" }.Uri.ToString().TrimEnd('/');
        Seed = await LiaisonSeed.CreateAsync(Services);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("OPEN311_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
        });
    }

    public new async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Open311", _database!.ConnectionString);
        builder.ConfigureTestServices(services => services.TryAddScoped<IServiceRequestSubmitter, StandInSubmitter>());
    }
}
