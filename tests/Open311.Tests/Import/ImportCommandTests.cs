using Microsoft.AspNetCore.Builder;
using Npgsql;
using Open311.Tests.Infrastructure;
using Open311.Web.Commands;
using Open311.Web.Hosting;

namespace Open311.Tests.Import;

/// <summary>The <c>import</c> command as an operator runs it: arguments in, exit code and stored rows out.</summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    private TestDatabase? _database;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Import_IfEmptyAfterOnePack_Skips()
    {
        var data = ImportedDataFactory.DataFolder;

        var first = await RunAsync("import", "phila.gov", "--data", data);
        var second = await RunAsync("import", "--if-empty", "--data", data);

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        Assert.Equal(158L, await CountAsync("SELECT count(*) FROM neighborhoods"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM services WHERE jurisdiction_id <> 'phila.gov'"));
    }

    [Theory]
    [InlineData("import", "nyc.gov")]
    [InlineData("import", "--bogus")]
    [InlineData("import", "--data")]
    [InlineData("import", "--data", "/nonexistent-open311-data")]
    public async Task Import_BadArguments_ExitTwoAndStoreNothing(params string[] args)
    {
        var exitCode = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM jurisdictions"));
    }

    private async Task<int> RunAsync(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:Open311"] = _database!.ConnectionString;
        builder.AddOpen311Core();
        await using var app = builder.Build();
        return await CommandLine.RunAsync(app, args);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
