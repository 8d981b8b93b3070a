using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Open311.Data;
using Open311.Data.Requests;
using Open311.Domain.Liaison;
using Open311.Domain.Requests;
using Open311.Domain.Services;
using Open311.Domain.Submission;

namespace Open311.Web.Portal.Bulk;

/// <summary>
/// Checks bulk rows: first what only a file can get wrong (decimal commas, ambiguous dates, questions of
/// another service), then the same rules as the GeoReport POST through <see cref="IServiceRequestSubmitter"/>,
/// then the place against the jurisdiction (error), the liaison's neighbourhoods (warning) and open requests
/// of the same service nearby (warning).
/// </summary>
public sealed partial class BatchRowChecker(
    Open311DbContext db,
    NpgsqlDataSource dataSource,
    IServiceRequestSubmitter submitter,
    NearbyDuplicateFinder duplicates,
    IOptions<DuplicateOptions> duplicateOptions)
{
    /// <summary>Rows of the same service closer than this (<c>Open311:Duplicates:DistanceMetres</c>) are reported as possible duplicates.</summary>
    public double DuplicateDistanceMeters => duplicateOptions.Value.DistanceMetres;

    public async Task CheckAsync(IReadOnlyList<BatchRow> rows, LiaisonScope scope, CancellationToken cancellationToken = default)
    {
        var jurisdictionId = scope.Jurisdiction!.Id;
        var services = await db.Services.AsNoTracking()
            .Where(s => s.JurisdictionId == jurisdictionId)
            .Include(s => s.Attributes).ThenInclude(a => a.Values)
            .AsSplitQuery()
            .ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, cancellationToken);

        var placed = new List<PlacedRow>();
        foreach (var row in rows)
        {
            services.TryGetValue(row.Value(BatchColumns.ServiceCode) ?? string.Empty, out var service);
            CheckFileSyntax(row, service);
            var result = await submitter.ValidateAsync(BatchColumns.ToInput(row, jurisdictionId, service), cancellationToken);
            foreach (var error in result.Errors)
            {
                var column = ColumnOf(error.Field);
                if (!row.Errors.Any(existing => existing.Column == column))
                {
                    row.Errors.Add(new RowIssue(column, error.Message));
                }
            }

            if (service is not null && TryReadPoint(row, out var lat, out var lon))
            {
                placed.Add(new PlacedRow(row, service.Id, service.Code, lat, lon));
            }
            else if (row.Value(BatchColumns.Lat) is null && row.Value(BatchColumns.AddressString) is not null)
            {
                row.Warnings.Add(new RowIssue(BatchColumns.AddressString, "Placed by address only: the address is not checked against the service area or your neighbourhoods."));
            }
        }

        await CheckPlacesAsync(placed, scope, cancellationToken);
        WarnAboutCloseRows(placed);
        await WarnAboutSubmittedBeforeAsync(rows, services, placed, scope, cancellationToken);
    }

    /// <summary>Warns about rows of the same service closer than the duplicate distance within one batch.</summary>
    private void WarnAboutCloseRows(List<PlacedRow> placed)
    {
        var limit = DuplicateDistanceMeters;
        foreach (var group in placed.Where(p => p.Row.IsValid).GroupBy(p => p.ServiceId))
        {
            var rows = group.ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    var meters = DistanceMeters(rows[i], rows[j]);
                    if (meters <= limit)
                    {
                        rows[i].Row.Warnings.Add(new RowIssue(BatchColumns.ServiceCode,
                            $"Row {rows[j].Row.Number} of this batch has the same service {meters:N0} m away. Check that they are not the same problem."));
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Returns the great-circle distance (haversine, mean Earth radius 6,371 km), close enough for tens of metres.</summary>
    private static double DistanceMeters(PlacedRow a, PlacedRow b)
    {
        const double radius = 6_371_000;
        var dLat = double.DegreesToRadians(b.Lat - a.Lat);
        var dLong = double.DegreesToRadians(b.Long - a.Long);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) +
            (Math.Cos(double.DegreesToRadians(a.Lat)) * Math.Cos(double.DegreesToRadians(b.Lat)) * Math.Pow(Math.Sin(dLong / 2), 2));
        return 2 * radius * Math.Asin(Math.Sqrt(h));
    }

    private static void CheckFileSyntax(BatchRow row, Service? service)
    {
        foreach (var column in new[] { BatchColumns.Lat, BatchColumns.Long })
        {
            var value = row.Value(column);
            if (value is not null && !DecimalNumber().IsMatch(value))
            {
                row.Errors.Add(new RowIssue(column, value.Contains(',', StringComparison.Ordinal)
                    ? $"Row {row.Number}, column {column}: '{value}' uses a decimal comma. Write it with a decimal point, as in {value.Replace(',', '.')}."
                    : $"Row {row.Number}, column {column}: '{value}' is not a number. Write decimal degrees, as in 37.7749 and -122.4194."));
            }
        }

        if (service is null)
        {
            return;
        }

        foreach (var (column, raw) in row.Values)
        {
            var code = BatchColumns.AttributeCode(column);
            if (code is null || string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var attribute = service.Attributes.FirstOrDefault(a => a.Code == code);
            if (attribute is null)
            {
                row.Errors.Add(new RowIssue(column, $"Row {row.Number}: service '{service.Code}' has no question '{code}'. Leave the column empty or use that service's template."));
            }
            else if (attribute.Datatype == AttributeDatatype.Datetime && !TryParseIsoDate(raw.Trim()))
            {
                row.Errors.Add(new RowIssue(column, $"Row {row.Number}, column {column}: '{raw.Trim()}' is not an unambiguous date. Write it as YYYY-MM-DD or YYYY-MM-DDThh:mm, as in 2025-03-04."));
            }
        }
    }

    private static readonly string[] IsoDateFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd HH:mm"];

    private static bool TryParseIsoDate(string value) =>
        DateTimeOffset.TryParseExact(value, IsoDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static bool TryReadPoint(BatchRow row, out double lat, out double lon)
    {
        lat = lon = 0;
        return !row.Errors.Any(e => e.Column is BatchColumns.Lat or BatchColumns.Long)
            && double.TryParse(row.Value(BatchColumns.Lat), NumberStyles.Float, CultureInfo.InvariantCulture, out lat)
            && double.TryParse(row.Value(BatchColumns.Long), NumberStyles.Float, CultureInfo.InvariantCulture, out lon)
            && lat is >= -90 and <= 90 && lon is >= -180 and <= 180;
    }

    private static string ColumnOf(string field) => field switch
    {
        "jurisdiction_id" or "" => "row",
        _ => field,
    };

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)$")]
    private static partial Regex DecimalNumber();

    private sealed record PlacedRow(BatchRow Row, int ServiceId, string ServiceCode, double Lat, double Long);
}
