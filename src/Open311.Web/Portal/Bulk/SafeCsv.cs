using System.Globalization;
using System.Text;
using CsvHelper;

namespace Open311.Web.Portal.Bulk;

/// <summary>
/// Writes CSV files for spreadsheets. A cell that starts with '=', '+', '-', '@', a tab or a carriage return
/// and is not a number gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as
/// a formula; numbers such as -122.4194 stay numbers.
/// </summary>
public static class SafeCsv
{
    public static string Neutralize(string? value)
    {
        if (string.IsNullOrEmpty(value) || value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
        {
            return value ?? string.Empty;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? value : "'" + value;
    }

    /// <summary>Returns UTF-8 with a byte order mark, which Excel needs to read non-ASCII text correctly.</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.None, NewLine = "\r\n", ValidateFieldCount = false }, false))
        {
            writer.WriteRecord([.. header.Select(Neutralize)]);
            foreach (var row in rows)
            {
                writer.WriteRecord([.. row.Select(Neutralize)]);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
