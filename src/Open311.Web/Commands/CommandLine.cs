namespace Open311.Web.Commands;

/// <summary>
/// Administrative commands run through the same host as the server, for example
/// <c>dotnet run --project src/Open311.Web -- import --if-empty</c> or <c>-- keys create --name NAME</c>.
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<WebApplication, string[], Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["import"] = ImportCommand.RunAsync,
        ["keys"] = KeysCommand.RunAsync,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (!Commands.TryGetValue(args[0], out var command))
        {
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands: {string.Join(", ", Commands.Keys.Order())}.");
            return 2;
        }

        app.ApplyDatabaseMigrationsForCommand();
        return await command(app, args[1..]);
    }

    private static void ApplyDatabaseMigrationsForCommand(this WebApplication app) => Hosting.HostingExtensions.ApplyDatabaseMigrations(app);
}
