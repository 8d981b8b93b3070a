using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Open311.Tests.Infrastructure;

namespace Open311.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 with a free port, on a fresh test database, so a real browser can
/// reach it. Maps have no tile layer unless <paramref name="tileUrl"/> names one, which should be a path on this
/// server so that the pages make no request to any other host.
/// </summary>
public sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly string _tileUrl;

    public KestrelAppFactory(TestDatabase database, string tileUrl = "")
    {
        _database = database;
        _tileUrl = tileUrl;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string MediaFolder { get; } = Path.Combine(Path.GetTempPath(), "open311-browser-media-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Returns the server's base address, such as <c>http://127.0.0.1:40123</c>, after <see cref="WebApplicationFactory{TEntryPoint}.StartServer"/>.</summary>
    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.Single());
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Open311", _database.ConnectionString);
        builder.UseSetting("Open311:Map:TileUrl", _tileUrl);
        builder.UseSetting("Open311:Media:Path", MediaFolder);
    }
}
