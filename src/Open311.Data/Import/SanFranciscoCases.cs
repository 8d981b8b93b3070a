using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;

namespace Open311.Data.Import;

/// <summary>One row of the SF311 case export, converted to instants and typed values.</summary>
internal sealed record SanFranciscoCase(
    string PublicId,
    string ServiceName,
    string? Category,
    string Status,
    string? StatusNotes,
    string? AgencyResponsible,
    string? Description,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    string? Address,
    string? Zipcode,
    double? Latitude,
    double? Longitude,
    string Channel,
    string? MediaUrl);

/// <summary>
/// Reads the SF311 case CSV (RFC 4180, header row, times as <c>MM/DD/YYYY hh:mm:ss AM/PM</c> Pacific local time).
/// A row that cannot be used is reported with its reason and skipped; no value is guessed or repaired.
/// </summary>
internal static partial class SanFranciscoCases
{
    public const string Kind = "requests";

    /// <summary>The service that rows with an empty <c>service_name</c> are filed under.</summary>
    public const string UnspecifiedServiceName = "Unspecified";

    private static readonly string[] RequiredColumns =
    [
        "service_request_id", "requested_datetime", "updated_datetime", "closed_datetime", "status", "status_notes",
        "agency_responsible", "category", "service_name", "description", "address", "lat", "long", "source", "media_url",
    ];

    private const string TimeFormat = "MM/dd/yyyy hh:mm:ss tt";

    public static List<SanFranciscoCase> Read(string path, TimeZoneInfo zone, ImportReport report)
    {
        var options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true };
        using var csv = CsvReader.FromFile(path, options);
        var headers = csv.Headers.ToList();
        var missing = RequiredColumns.Except(headers, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{path} lacks the column(s) {string.Join(", ", missing)}; the header must name every SF311 case column.");
        }

        var cases = new List<SanFranciscoCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var row = $"line {csv.LineNumber}";
            SanFranciscoCase? parsed = null;
            var error = csv.FieldCount == headers.Count
                ? TryParse(csv, zone, out parsed)
                : $"the row has {csv.FieldCount} fields; the header has {headers.Count}";
            if (error is not null)
            {
                report.Reject(Kind, row, error);
            }
            else if (!ids.Add(parsed!.PublicId))
            {
                report.Reject(Kind, $"{row} (id {parsed.PublicId})", "service_request_id appears twice in the file; the first row was kept");
            }
            else
            {
                cases.Add(parsed);
            }
        }

        return cases;
    }

    private static string? TryParse(CsvReader csv, TimeZoneInfo zone, out SanFranciscoCase? parsed)
    {
        parsed = null;
        var id = Field(csv, "service_request_id");
        if (id is null)
        {
            return "service_request_id is empty";
        }

        var status = Field(csv, "status")?.ToLowerInvariant();
        if (status is not ("open" or "closed"))
        {
            return $"id {id}: status '{Field(csv, "status")}' is not Open or Closed";
        }

        if (!TryTime(csv, "requested_datetime", zone, out var requestedAt) || requestedAt is null)
        {
            return $"id {id}: requested_datetime '{Field(csv, "requested_datetime")}' is missing or not {TimeFormat}";
        }

        if (!TryTime(csv, "updated_datetime", zone, out var updatedAt))
        {
            return $"id {id}: updated_datetime '{Field(csv, "updated_datetime")}' is not {TimeFormat}";
        }

        if (!TryTime(csv, "closed_datetime", zone, out var closedAt))
        {
            return $"id {id}: closed_datetime '{Field(csv, "closed_datetime")}' is not {TimeFormat}";
        }

        var latitudeText = Field(csv, "lat");
        var longitudeText = Field(csv, "long");
        double? latitude = null, longitude = null;
        if (latitudeText is not null || longitudeText is not null)
        {
            if (!double.TryParse(latitudeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || lat is < -90 or > 90 ||
                !double.TryParse(longitudeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || lon is < -180 or > 180)
            {
                return $"id {id}: lat '{latitudeText}' and long '{longitudeText}' must both be numbers in range (or both empty)";
            }

            (latitude, longitude) = (lat, lon);
        }

        var address = Field(csv, "address");
        var isClosed = status == "closed";
        parsed = new SanFranciscoCase(
            id,
            Field(csv, "service_name") ?? UnspecifiedServiceName,
            Field(csv, "category"),
            status,
            Field(csv, "status_notes"),
            Field(csv, "agency_responsible"),
            Field(csv, "description"),
            requestedAt.Value,
            updatedAt ?? closedAt ?? requestedAt.Value,
            isClosed ? closedAt ?? updatedAt ?? requestedAt.Value : null,
            address,
            address is null ? null : ZipcodeAtEnd().Match(address) is { Success: true } match ? match.Groups[1].Value : null,
            latitude,
            longitude,
            Field(csv, "source") ?? "import",
            Field(csv, "media_url"));
        return null;
    }

    private static bool TryTime(CsvReader csv, string column, TimeZoneInfo zone, out DateTimeOffset? instant)
    {
        instant = null;
        var text = Field(csv, column);
        if (text is null)
        {
            return true;
        }

        if (!DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        instant = LocalTimes.ToInstant(local, zone);
        return true;
    }

    private static string? Field(CsvReader csv, string column)
    {
        var value = csv.GetString(column).Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    [GeneratedRegex(@",\s*(\d{5})$")]
    private static partial Regex ZipcodeAtEnd();
}
