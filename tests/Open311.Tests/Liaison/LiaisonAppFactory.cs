using Microsoft.AspNetCore.Mvc.Testing;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Liaison;

/// <summary>The real host with the liaison test data: a jurisdiction, neighbourhoods, services and accounts.</summary>
public sealed class LiaisonAppFactory : Open311AppFactory
{
    public LiaisonSeed Seed { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Seed = await LiaisonSeed.CreateAsync(Services);
    }

    /// <summary>Returns a client with its own cookies that does not follow redirects, over https so secure cookies flow.</summary>
    public PortalClient CreatePortalClient() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    }));
}
