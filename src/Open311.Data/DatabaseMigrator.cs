using DbUp;
using DbUp.Engine;
using Microsoft.Extensions.Logging;

namespace Open311.Data;

/// <summary>
/// Applies the embedded SQL scripts under <c>Migrations/</c> in name order, each once, recording them in the
/// <c>schemaversions</c> table. Scripts are never edited after they ship; a change is a new script.
/// </summary>
public static partial class DatabaseMigrator
{
    public static void Migrate(string connectionString, ILogger logger)
    {
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.EndsWith(".sql", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();

        var pending = upgrader.GetScriptsToExecute();
        if (pending.Count == 0)
        {
            return;
        }

        LogApplying(logger, pending.Count, string.Join(", ", pending.Select(script => script.Name)));
        DatabaseUpgradeResult result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Database migration failed in script {result.ErrorScript?.Name}: {result.Error.Message}", result.Error);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applying {Count} database migration scripts: {Scripts}")]
    private static partial void LogApplying(ILogger logger, int count, string scripts);
}
