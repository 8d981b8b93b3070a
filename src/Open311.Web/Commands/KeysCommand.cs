using System.Globalization;
using Open311.Data.ApiKeys;

namespace Open311.Web.Commands;

/// <summary>
/// <c>keys create --name NAME</c>, <c>keys list</c> and <c>keys revoke ID</c>: manages the API keys that
/// clients send to POST requests. A new key is printed once. Only its hash is stored, so it cannot be shown again.
/// </summary>
public static class KeysCommand
{
    private const string Usage =
        """
        Usage:
          keys create --name NAME   create a key for NAME and print it once
          keys list                 list keys: id, name, prefix, created, revoked (never the key itself)
          keys revoke ID            revoke the key with this id; clients using it get 403
        """;

    public static Task<int> RunAsync(WebApplication app, string[] args) =>
        RunAsync(app.Services, args, Console.Out, Console.Error);

    /// <summary>Runs the command against the host's database and returns the process exit code (0 success, 1 not found, 2 usage).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ApiKeyStore>();

        switch (args)
        {
            case ["create", "--name", var name] when !string.IsNullOrWhiteSpace(name):
                return await CreateAsync(store, name.Trim(), output);
            case ["list"]:
                return await ListAsync(store, output);
            case ["revoke", var idText]:
                return await RevokeAsync(store, idText, output, error);
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> CreateAsync(ApiKeyStore store, string name, TextWriter output)
    {
        var (key, value) = await store.CreateAsync(name);
        await output.WriteLineAsync($"Created key {key.Id} for '{key.Name}'. Copy it now; it cannot be shown again:");
        await output.WriteLineAsync(value);
        return 0;
    }

    private static async Task<int> ListAsync(ApiKeyStore store, TextWriter output)
    {
        var keys = await store.ListAsync();
        await output.WriteLineAsync("id\tname\tprefix\tcreated\trevoked");
        foreach (var key in keys)
        {
            var revoked = key.RevokedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-";
            await output.WriteLineAsync($"{key.Id}\t{key.Name}\t{key.Prefix}\t{key.CreatedAt.ToString("u", CultureInfo.InvariantCulture)}\t{revoked}");
        }

        return 0;
    }

    private static async Task<int> RevokeAsync(ApiKeyStore store, string idText, TextWriter output, TextWriter error)
    {
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            await error.WriteLineAsync($"Invalid key id '{idText}'. Pass the numeric id shown by 'keys list'.");
            return 2;
        }

        if (!await store.RevokeAsync(id))
        {
            await error.WriteLineAsync($"No key has id {id}. Run 'keys list' to see the ids.");
            return 1;
        }

        await output.WriteLineAsync($"Revoked key {id}.");
        return 0;
    }
}
