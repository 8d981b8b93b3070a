using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

/// <summary>The real host on a fresh PostGIS database seeded with <see cref="ApiTestData"/>, its clock fixed at <see cref="ApiTestData.Now"/>.</summary>
public class ApiAppFactory : Open311AppFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await WithDbAsync(async db =>
        {
            await ApiTestData.SeedAsync(db);
            return 0;
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FixedTimeProvider(ApiTestData.Now));
        });
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
