using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Open311.Data;

namespace Open311.Tests.Infrastructure;

/// <summary>
/// The real host on a fresh PostGIS database: migrations run as they do in production, and
/// <see cref="ApiKey"/> is provisioned through <c>Open311:BootstrapApiKey</c>. Use it as a class fixture;
/// every fixture instance owns its own database.
/// </summary>
public class Open311AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ApiKey = "test-key-0123456789abcdef";

    private TestDatabase? _database;

    public string ConnectionString => _database?.ConnectionString
        ?? throw new InvalidOperationException("The test database is created in InitializeAsync.");

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _ = Server;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Runs <paramref name="action"/> with a fresh DbContext of the app, for arranging and asserting stored rows.</summary>
    public async Task<T> WithDbAsync<T>(Func<Open311DbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Open311DbContext>();
        return await action(db);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Open311", ConnectionString);
        builder.UseSetting("Open311:BootstrapApiKey", ApiKey);
    }
}
