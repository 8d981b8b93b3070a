using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311.Data.ApiKeys;
using Open311.Tests.Infrastructure;
using Open311.Web.Commands;

namespace Open311.Tests.Submission;

public sealed class KeysCommandTests(Open311AppFactory factory) : IClassFixture<Open311AppFactory>
{
    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await KeysCommand.RunAsync(factory.Services, args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private async Task<string> CreateKeyAsync(string name)
    {
        var (exitCode, output, _) = await RunAsync("create", "--name", name);
        Assert.Equal(0, exitCode);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    [Fact]
    public async Task Create_PrintsKeyOnceAndStoresOnlyHash()
    {
        var value = await CreateKeyAsync("Test client");

        var stored = await factory.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(key => key.Name == "Test client"));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(value)), stored.KeyHash);
        Assert.Equal(value[..6], stored.Prefix);
        Assert.Null(stored.RevokedAt);
        var rowText = await factory.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT row_to_json(k)::text AS \"Value\" FROM api_keys k WHERE name = 'Test client'").SingleAsync());
        Assert.DoesNotContain(value, rowText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_KeyAuthorisesThroughStore()
    {
        var value = await CreateKeyAsync("Lookup client");

        await using var scope = factory.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().FindActiveAsync(value);

        Assert.Equal("Lookup client", found?.Name);
    }

    [Fact]
    public async Task List_ShowsPrefixButNeverKey()
    {
        var value = await CreateKeyAsync("Listed client");

        var (exitCode, output, _) = await RunAsync("list");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("id\tname\tprefix\tcreated\trevoked", output, StringComparison.Ordinal);
        var line = Assert.Single(output.Split('\n'), text => text.Contains("Listed client", StringComparison.Ordinal));
        Assert.Contains(value[..6], line, StringComparison.Ordinal);
        Assert.DoesNotContain(value, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Open311AppFactory.ApiKey, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_MarksKeyAndStopsIt()
    {
        var value = await CreateKeyAsync("Revoked client");
        var id = await factory.WithDbAsync(db => db.ApiKeys.Where(key => key.Name == "Revoked client").Select(key => key.Id).SingleAsync());

        var (exitCode, output, _) = await RunAsync("revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, exitCode);
        Assert.Contains($"Revoked key {id}", output, StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(key => key.Id == id));
        Assert.NotNull(stored.RevokedAt);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().FindActiveAsync(value));
        var (_, list, _) = await RunAsync("list");
        var line = Assert.Single(list.Split('\n'), text => text.Contains("Revoked client", StringComparison.Ordinal));
        Assert.False(line.TrimEnd().EndsWith("\t-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoke_UnknownId_ExitsWithOne()
    {
        var (exitCode, _, error) = await RunAsync("revoke", "999999");

        Assert.Equal(1, exitCode);
        Assert.Contains("No key has id 999999", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("revoke", "abc")]
    [InlineData("create")]
    [InlineData("create", "--name", " ")]
    [InlineData("delete", "1")]
    [InlineData]
    public async Task Run_BadArguments_PrintsUsage(params string[] args)
    {
        var before = await factory.WithDbAsync(db => db.ApiKeys.CountAsync());

        var (exitCode, output, error) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("keys", error, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.ApiKeys.CountAsync()));
    }
}
