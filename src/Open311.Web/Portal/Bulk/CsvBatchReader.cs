using System.Globalization;
using System.Text;
using CsvHelper;
using Open311.Domain.Liaison;

namespace Open311.Web.Portal.Bulk;

/// <summary>The rows of an upload, or the one reason the whole file was rejected.</summary>
public sealed record CsvReadResult(IReadOnlyList<BatchRow> Rows, string? FileError)
{
    public static CsvReadResult Reject(string message) => new([], message);
}

/// <summary>
/// Reads a bulk CSV as spreadsheets save it: UTF-8 with or without a byte order mark, UTF-16 with one,
/// comma or semicolon separators (chosen from the header line), quoted fields with line breaks, and
/// blank or separator-only lines, which are skipped. Values are kept as text; the row checker decides what they mean.
/// </summary>
public static class CsvBatchReader
{
    public static CsvReadResult Read(byte[] content)
    {
        if (content.Length == 0)
        {
            return CsvReadResult.Reject("The file is empty. Download the template, fill in one row per request and upload it again.");
        }

        if (content.LongLength > BulkLimits.MaxFileBytes)
        {
            return CsvReadResult.Reject($"The file is {content.LongLength / 1024:N0} KB; the limit is {BulkLimits.MaxFileBytes / 1024:N0} KB. Split it into smaller files.");
        }

        var (text, decodeError) = Decode(content);
        if (text is null)
        {
            return CsvReadResult.Reject(decodeError!);
        }

        var delimiter = DetectDelimiter(text);
        var options = new CsvReaderOptions
        {
            Separator = delimiter,
            HasHeader = false,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            FormatProvider = CultureInfo.InvariantCulture,
        };

        using var parser = CsvReader.FromText(text, options);
        if (!parser.Read())
        {
            return CsvReadResult.Reject("The file has no header line. The first line must name the columns, as in the template.");
        }

        var (headers, headerError) = ReadHeader(parser.Current.ToArray());
        if (headers is null)
        {
            return CsvReadResult.Reject(headerError!);
        }

        return ReadRows(parser, headers);
    }

    private static CsvReadResult ReadRows(CsvReader parser, string[] headers)
    {
        var rows = new List<BatchRow>();
        while (parser.Read())
        {
            var record = parser.Current.ToArray();
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (rows.Count == BulkLimits.MaxRows)
            {
                return CsvReadResult.Reject($"The file has more than {BulkLimits.MaxRows:N0} rows. Split it into files of at most {BulkLimits.MaxRows:N0} rows each.");
            }

            var row = new BatchRow { Number = (int)parser.RowNumber };
            for (var i = 0; i < record.Length; i++)
            {
                var header = i < headers.Length ? headers[i] : string.Empty;
                if (header.Length > 0 && header != LiaisonDownloads.ReasonColumn)
                {
                    row.Values[header] = record[i];
                }
                else if (header.Length == 0 && !string.IsNullOrWhiteSpace(record[i]))
                {
                    row.Extra.Add(record[i]);
                }
            }

            foreach (var header in headers.Where(h => h.Length > 0 && h != LiaisonDownloads.ReasonColumn))
            {
                row.Values.TryAdd(header, string.Empty);
            }

            if (row.Extra.Count > 0)
            {
                var named = headers.Count(h => h.Length > 0 && h != LiaisonDownloads.ReasonColumn);
                row.Errors.Add(new RowIssue("row", $"Too many fields in row {row.Number}: {row.Extra.Count} value(s) ({string.Join(", ", row.Extra.Select(v => $"'{v}'"))}) are outside the {named} named columns. " +
                    "Check for an unquoted separator in a value, or move each value under its column."));
            }

            rows.Add(row);
        }

        return rows.Count == 0
            ? CsvReadResult.Reject("The file has a header but no rows. Add one row per request below the header.")
            : new CsvReadResult(rows, null);
    }

    private static (string[]? Headers, string? Error) ReadHeader(string[] record)
    {
        var headers = record.Select(NormalizeHeader).ToArray();
        var unknown = headers.Where(h => h.Length > 0 && h != LiaisonDownloads.ReasonColumn && !BatchColumns.Fixed.Contains(h) && BatchColumns.AttributeCode(h) is null).ToList();
        if (unknown.Count > 0)
        {
            return (null, $"Unknown column {string.Join(", ", unknown.Select(h => $"'{h}'"))} in the header. " +
                $"Allowed columns are {string.Join(", ", BatchColumns.Fixed)} and attribute[CODE]; download the template for the service's codes.");
        }

        var repeated = headers.Where(h => h.Length > 0).GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            return (null, $"The column {string.Join(", ", repeated.Select(h => $"'{h}'"))} appears more than once in the header. Keep one of each.");
        }

        if (!headers.Contains(BatchColumns.ServiceCode))
        {
            return (null, "The header has no 'service_code' column. Start from the template, which has every column.");
        }

        return (headers, null);
    }

    /// <summary>Fixed column names are matched without case; attribute codes keep their case.</summary>
    private static string NormalizeHeader(string header)
    {
        var trimmed = header.Trim().Trim('\uFEFF');
        var code = BatchColumns.AttributeCode(trimmed);
        return code is null ? trimmed.ToLowerInvariant() : BatchColumns.Attribute(code.Trim());
    }

    private static (string? Text, string? Error) Decode(byte[] content)
    {
        if (content is [0xEF, 0xBB, 0xBF, ..])
        {
            return DecodeStrict(new UTF8Encoding(false, true), content, 3, "UTF-8");
        }

        if (content is [0xFF, 0xFE, ..])
        {
            return DecodeStrict(new UnicodeEncoding(false, false, true), content, 2, "UTF-16");
        }

        if (content is [0xFE, 0xFF, ..])
        {
            return DecodeStrict(new UnicodeEncoding(true, false, true), content, 2, "UTF-16");
        }

        if (LooksLikeUtf16(content))
        {
            return (null, "The file looks like UTF-16 text without a byte order mark, so its byte order is unknown. " +
                "Save it as \"CSV UTF-8 (comma delimited)\" and upload it again.");
        }

        return DecodeStrict(new UTF8Encoding(false, true), content, 0, "UTF-8");
    }

    private static (string? Text, string? Error) DecodeStrict(Encoding encoding, byte[] content, int offset, string name)
    {
        try
        {
            return (encoding.GetString(content, offset, content.Length - offset), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, $"The file is not valid {name} text. Save it as \"CSV UTF-8 (comma delimited)\" and upload it again.");
        }
    }

    /// <summary>ASCII text in UTF-16 has a zero byte in every other position; UTF-8 CSV text has none.</summary>
    private static bool LooksLikeUtf16(byte[] content)
    {
        var sample = content.AsSpan(0, Math.Min(content.Length, 512));
        var zeros = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                zeros++;
            }
        }

        return zeros > sample.Length / 4;
    }

    /// <summary>Picks ';' when the header line has more semicolons than commas outside quotes (Excel in many European locales), else ','.</summary>
    private static char DetectDelimiter(string text)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == '\n' || c == '\r'))
            {
                break;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }
}
