using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Open311.Web.Portal.Accounts;

namespace Open311.Tests.Liaison;

public sealed class DemoAccountSeederTests(LiaisonAppFactory factory) : IClassFixture<LiaisonAppFactory>
{
    [Fact]
    public async Task Seeder_MissingNeighborhood_CreatesNothing()
    {
        var seeder = Seeder(new DemoAccountOptions { Neighborhood = "Atlantis", StaffEmail = "demo.staff.none@example.org", StaffPassword = "demo-staff-password", LiaisonEmail = "demo.liaison.none@example.org", LiaisonPassword = "demo-liaison-password" });

        await seeder.StartAsync(CancellationToken.None);

        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email!.StartsWith("demo."))));
    }

    [Fact]
    public async Task Seeder_WithMission_CreatesSignInableAccountsOnce()
    {
        var options = new DemoAccountOptions { StaffEmail = "demo.staff@example.org", StaffPassword = "demo-staff-password", LiaisonEmail = "demo.liaison@example.org", LiaisonPassword = "demo-liaison-password" };

        await Seeder(options).StartAsync(CancellationToken.None);
        await Seeder(options).StartAsync(CancellationToken.None);
        using var client = factory.CreatePortalClient();
        var signIn = await client.SignInAsync("demo.liaison@example.org", "demo-liaison-password");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/liaison", signIn.Headers.Location!.OriginalString);
        var liaison = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "demo.liaison@example.org"));
        var neighborhoods = await factory.WithDbAsync(db => db.LiaisonNeighborhoods.Where(a => a.UserId == liaison.Id).Select(a => a.NeighborhoodId).ToListAsync());
        Assert.Equal([factory.Seed.MissionId], neighborhoods);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "demo.staff@example.org")));
    }

    private DemoAccountSeeder Seeder(DemoAccountOptions options) =>
        new(factory.Services, Options.Create(options), NullLogger<DemoAccountSeeder>.Instance);
}
