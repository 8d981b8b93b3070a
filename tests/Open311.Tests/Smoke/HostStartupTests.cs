using Microsoft.EntityFrameworkCore;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Smoke;

public sealed class HostStartupTests(Open311AppFactory factory) : IClassFixture<Open311AppFactory>
{
    [Fact]
    public async Task Startup_AppliesMigrationsWithPostGis()
    {
        var version = await factory.WithDbAsync(db =>
            db.Database.SqlQueryRaw<string>("SELECT postgis_lib_version() AS \"Value\"").SingleAsync());

        Assert.StartsWith("3.", version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_ProvisionsBootstrapKeyHashed()
    {
        var keys = await factory.WithDbAsync(db => db.ApiKeys.ToListAsync());

        var key = Assert.Single(keys);
        Assert.Equal("bootstrap", key.Name);
        Assert.Equal(32, key.KeyHash.Length);
        Assert.DoesNotContain(Open311AppFactory.ApiKey, System.Text.Encoding.UTF8.GetString(key.KeyHash), StringComparison.Ordinal);
    }
}
