using Open311.Data.Import;

namespace Open311.Web.Commands;

/// <summary>
/// <c>import [sfgov.org|boston.gov|phila.gov ...] [--if-empty] [--data DIR]</c>: loads the jurisdiction data packs
/// and prints, per pack and kind of row, how many rows were read, stored and rejected, with each reject's reason.
/// </summary>
internal static class ImportCommand
{
    private const string Usage = "Usage: import [sfgov.org|boston.gov|phila.gov ...] [--if-empty] [--data DIR]";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var jurisdictions = new List<string>();
        var ifEmpty = false;
        string? dataDirectory = null;
        for (var index = 0; index < args.Length; index++)
        {
            switch (args[index])
            {
                case "--if-empty":
                    ifEmpty = true;
                    break;
                case "--data" when index + 1 < args.Length:
                    dataDirectory = Path.GetFullPath(args[++index]);
                    break;
                case "--data":
                    await Console.Error.WriteLineAsync($"Missing folder after --data. {Usage}");
                    return 2;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    await Console.Error.WriteLineAsync($"Unknown option '{option}'. {Usage}");
                    return 2;
                case var jurisdiction when !DataPackImporter.JurisdictionIds.Contains(jurisdiction, StringComparer.Ordinal):
                    await Console.Error.WriteLineAsync($"No data pack for '{jurisdiction}'. Known packs: {string.Join(", ", DataPackImporter.JurisdictionIds)}.");
                    return 2;
                default:
                    jurisdictions.Add(args[index]);
                    break;
            }
        }

        dataDirectory ??= DataDirectory.Find(Directory.GetCurrentDirectory());
        if (dataDirectory is null || !DataDirectory.IsDataDirectory(dataDirectory))
        {
            await Console.Error.WriteLineAsync(
                $"Data folder not found{(dataDirectory is null ? string.Empty : $" at {dataDirectory}")}: it must contain services/, boundaries/ and requests/. " +
                "Run from inside the repository or pass --data DIR.");
            return 2;
        }

        var importer = app.Services.GetRequiredService<DataPackImporter>();
        if (ifEmpty && await importer.HasJurisdictionsAsync())
        {
            Console.WriteLine("import --if-empty: jurisdictions already exist; nothing imported.");
            return 0;
        }

        IReadOnlyList<ImportReport> reports;
        try
        {
            reports = await importer.ImportAsync(dataDirectory, jurisdictions);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or System.Xml.XmlException or System.Text.Json.JsonException)
        {
            // Each pack commits on its own, so packs before the failing one stay imported.
            await Console.Error.WriteLineAsync(
                $"Import failed: {exception.Message} The pack being imported was rolled back; fix the file in {dataDirectory} and run import again.");
            return 1;
        }

        foreach (var report in reports)
        {
            Print(report);
        }

        return 0;
    }

    private static void Print(ImportReport report)
    {
        Console.WriteLine($"{report.JurisdictionId} (in {report.Elapsed.TotalSeconds:F1} s)");
        foreach (var count in report.Counts)
        {
            Console.WriteLine($"  {count.Kind}: {count.Read} read, {count.Stored} stored ({count.Inserted} new), {count.Rejected} rejected");
        }

        foreach (var rejection in report.Rejections)
        {
            Console.WriteLine($"  rejected {rejection.Kind}, {rejection.Row}: {rejection.Reason}");
        }
    }
}
