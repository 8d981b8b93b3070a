using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Open311.Domain.Liaison;

namespace Open311.Web.Portal.Bulk;

/// <summary>
/// Fingerprint of a batch's content: the SHA-256 of the parsed rows, not of the file's bytes. Line endings, a byte
/// order mark, UTF-16 or UTF-8, the separator, column order and blank lines do not change it.
/// </summary>
public static class BatchFingerprint
{
    /// <summary>Returns the SHA-256 of each row's service, place, address, description, attribute values and contact, in row order.</summary>
    public static byte[] Of(IReadOnlyList<BatchRow> rows)
    {
        var normalized = rows.Select(row => (string[])
        [
            Text(row.Value(BatchColumns.ServiceCode)),
            Number(row.Value(BatchColumns.Lat)),
            Number(row.Value(BatchColumns.Long)),
            Text(row.Value(BatchColumns.AddressString)),
            Text(row.Value(BatchColumns.Zipcode)),
            Text(row.Value(BatchColumns.Description)),
            .. row.Values
                .Where(pair => BatchColumns.AttributeCode(pair.Key) is not null && !string.IsNullOrWhiteSpace(pair.Value))
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => $"{pair.Key}={Text(pair.Value)}"),
            "|contact",
            Text(row.Value(BatchColumns.FirstName)),
            Text(row.Value(BatchColumns.LastName)),
            Text(row.Value(BatchColumns.Email)),
            Text(row.Value(BatchColumns.Phone)),
            .. row.Extra.Select(Text),
        ]).ToList();

        return SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(normalized));
    }

    /// <summary>Trims the value and writes every line break as LF, the only differences a re-save makes inside a value.</summary>
    private static string Text(string? value) =>
        value is null ? string.Empty : value.Trim().ReplaceLineEndings("\n");

    /// <summary>Writes a decimal number in one form (37.75990 and 37.7599 are the same place); other text is kept.</summary>
    private static string Number(string? value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
            : Text(value);
}
