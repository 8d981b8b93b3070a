using Microsoft.Extensions.Logging;
using Npgsql;

namespace Open311.Data.Import;

/// <summary>One jurisdiction's data pack: its catalogue, places and requests read from the data folder.</summary>
internal interface IDataPackImporter
{
    string JurisdictionId { get; }

    Task ImportAsync(CatalogWriter writer, string dataDirectory, ImportReport report, CancellationToken cancellationToken);
}

/// <summary>
/// Runs the jurisdiction data packs. Each pack is imported in one transaction, so a failure leaves nothing
/// half-written, and every write is an upsert on natural ids, so running it again changes nothing.
/// </summary>
public sealed partial class DataPackImporter(NpgsqlDataSource dataSource, ILogger<DataPackImporter> logger)
{
    private static readonly IDataPackImporter[] Packs = [new SanFranciscoImporter(), new BostonImporter(), new PhiladelphiaImporter()];

    /// <summary>The jurisdiction ids that have a pack, in import order (<c>sfgov.org</c>, <c>boston.gov</c>, <c>phila.gov</c>).</summary>
    public static IReadOnlyList<string> JurisdictionIds { get; } = Packs.Select(pack => pack.JurisdictionId).ToArray();

    /// <summary>Returns whether any jurisdiction exists.</summary>
    public async Task<bool> HasJurisdictionsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM jurisdictions)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Imports the packs of <paramref name="jurisdictionIds"/> (all packs when empty) from <paramref name="dataDirectory"/>.
    /// Throws <see cref="ArgumentException"/> for an id without a pack.
    /// </summary>
    public async Task<IReadOnlyList<ImportReport>> ImportAsync(string dataDirectory, IReadOnlyCollection<string> jurisdictionIds, CancellationToken cancellationToken = default)
    {
        var unknown = jurisdictionIds.Where(id => !JurisdictionIds.Contains(id, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"No data pack for {string.Join(", ", unknown)}. Known packs: {string.Join(", ", JurisdictionIds)}.", nameof(jurisdictionIds));
        }

        var reports = new List<ImportReport>();
        foreach (var pack in Packs.Where(pack => jurisdictionIds.Count == 0 || jurisdictionIds.Contains(pack.JurisdictionId)))
        {
            reports.Add(await ImportPackAsync(pack, dataDirectory, cancellationToken));
        }

        return reports;
    }

    private async Task<ImportReport> ImportPackAsync(IDataPackImporter pack, string dataDirectory, CancellationToken cancellationToken)
    {
        LogImporting(logger, pack.JurisdictionId);
        var report = await ImportTiming.TimeAsync(async () =>
        {
            var report = new ImportReport(pack.JurisdictionId);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await pack.ImportAsync(new CatalogWriter(connection, transaction), dataDirectory, report, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return report;
        });

        foreach (var count in report.Counts)
        {
            LogCount(logger, pack.JurisdictionId, count.Kind, count.Read, count.Stored, count.Inserted, count.Rejected);
        }

        LogImported(logger, pack.JurisdictionId, report.Elapsed.TotalMilliseconds);
        return report;
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Importing the {JurisdictionId} data pack")]
    private static partial void LogImporting(ILogger logger, string jurisdictionId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "{JurisdictionId} {Kind}: {Read} read, {Stored} stored ({Inserted} new), {Rejected} rejected")]
    private static partial void LogCount(ILogger logger, string jurisdictionId, string kind, int read, int stored, int inserted, int rejected);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Imported the {JurisdictionId} data pack in {ElapsedMilliseconds:F0} ms")]
    private static partial void LogImported(ILogger logger, string jurisdictionId, double elapsedMilliseconds);
}
