using System.Globalization;
using System.Text;
using CsvHelper;

namespace Open311.BrowserTests.Liaison;

/// <summary>
/// Rows of the SF311 sample (DataSF, PDDL) as the portal's GRAFFITI template columns. The sample is looked up
/// as the repository's <c>data/requests/…</c> from the test folder upwards, or named by <c>OPEN311_SF311_SAMPLE</c>.
/// </summary>
internal static class SampleRequests
{
    private const string FileName = "sf311_cases_sample_10000.csv";

    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("OPEN311_SF311_SAMPLE");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data", "requests", FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{FileName} was not found in data/requests above the test folder. Set OPEN311_SF311_SAMPLE to its path.");
    }

    /// <summary>Returns the first <paramref name="count"/> sample rows in the Mission with coordinates, as template lines.</summary>
    public static IReadOnlyList<string[]> MissionRows(int count)
    {
        using var csv = CsvReader.FromFile(Locate(), new CsvReaderOptions { HasHeader = true, AllowLineBreaksInQuotes = true });
        var rows = new List<string[]>();
        while (rows.Count < count && csv.Read())
        {
            if (csv.GetString("neighborhood") != "Mission" || string.IsNullOrEmpty(csv.GetString("lat")))
            {
                continue;
            }

            var lat = double.Parse(csv.GetString("lat"), CultureInfo.InvariantCulture);
            var lon = double.Parse(csv.GetString("long"), CultureInfo.InvariantCulture);
            rows.Add([
                "GRAFFITI",
                lat.ToString("F6", CultureInfo.InvariantCulture),
                lon.ToString("F6", CultureInfo.InvariantCulture),
                csv.GetString("address"),
                $"{csv.GetString("service_name")}: {csv.GetString("description")} (SF311 case {csv.GetString("service_request_id")})",
                "wall",
            ]);
        }

        return rows;
    }

    public static byte[] ToCsv(IEnumerable<string[]> rows)
    {
        var text = new StringBuilder("service_code,lat,long,address_string,description,attribute[SURFACE]\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
