using Open311.Web.Commands;
using Open311.Web.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = WebRootLocator.Find(),
});

builder.AddOpen311Core();

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

app.ApplyDatabaseMigrations();
await app.EnsureBootstrapApiKeyAsync();

app.UseOpen311Pipeline();

await app.RunAsync();
return 0;

/// <summary>Entry point type, public so that integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
