using Npgsql;
using NpgsqlTypes;
using Open311.Domain.Liaison;
using Open311.Domain.Services;

namespace Open311.Web.Portal.Bulk;

public sealed partial class BatchRowChecker
{
    /// <summary>Points closer than this are the same place for the submitted-before check (a re-saved file may round coordinates).</summary>
    public const double SamePointMetres = 2;

    // A row matches a request the same liaison submitted in an earlier batch when service, description and place
    // are the same. Text is compared ignoring case and runs of spaces. Points match within SamePointMetres, and
    // addresses match as text. The newest match is named.
    // The liaison's requests are normalised once and joined on service and description, so the check is one hash
    // join rather than one scan of those requests per row.
    private const string SubmittedBeforeSql = """
        WITH mine AS MATERIALIZED (
            SELECT r.public_id, r.batch_id, r.requested_at, r.service_id, r.location,
                   regexp_replace(lower(btrim(coalesce(r.description, ''))), '\s+', ' ', 'g') AS description,
                   regexp_replace(lower(btrim(coalesce(r.address, ''))), '\s+', ' ', 'g') AS address
            FROM service_requests r
            WHERE r.user_id = @user AND r.batch_id IS NOT NULL AND r.jurisdiction_id = @jurisdiction)
        SELECT DISTINCT ON (t.ordinal) t.ordinal, m.public_id, m.batch_id, m.requested_at
        FROM unnest(@ordinals, @services, @descriptions, @lats, @lons, @addresses)
             AS t(ordinal, service_id, description, lat, lon, address)
        JOIN mine m ON m.service_id = t.service_id AND m.description = t.description
        WHERE (t.lat IS NOT NULL AND m.location IS NOT NULL
               AND ST_DWithin(m.location, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326)::geography, @metres))
           OR (t.address <> '' AND m.address = t.address)
        ORDER BY t.ordinal, m.requested_at DESC
        """;

    private async Task WarnAboutSubmittedBeforeAsync(IReadOnlyList<BatchRow> rows, Dictionary<string, Service> services, List<PlacedRow> placed, LiaisonScope scope, CancellationToken cancellationToken)
    {
        var points = placed.Where(p => p.Row.IsValid).ToDictionary(p => p.Row);
        var candidates = rows
            .Where(row => row.IsValid && services.ContainsKey(row.Value(BatchColumns.ServiceCode) ?? string.Empty))
            .Where(row => points.ContainsKey(row) || row.Value(BatchColumns.AddressString) is not null)
            .ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(SubmittedBeforeSql);
        command.Parameters.Add(new NpgsqlParameter<int[]>("ordinals", [.. Enumerable.Range(0, candidates.Count)]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("services", [.. candidates.Select(row => services[row.Value(BatchColumns.ServiceCode)!].Id)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("descriptions", [.. candidates.Select(row => Comparable(row.Value(BatchColumns.Description)))]));
        command.Parameters.Add(new NpgsqlParameter<double?[]>("lats", [.. candidates.Select(row => points.TryGetValue(row, out var p) ? p.Lat : (double?)null)]));
        command.Parameters.Add(new NpgsqlParameter<double?[]>("lons", [.. candidates.Select(row => points.TryGetValue(row, out var p) ? p.Long : (double?)null)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("addresses", [.. candidates.Select(row => Comparable(row.Value(BatchColumns.AddressString)))]));
        command.Parameters.Add(new NpgsqlParameter<string>("user", NpgsqlDbType.Text) { TypedValue = scope.UserId });
        command.Parameters.Add(new NpgsqlParameter<string>("jurisdiction", NpgsqlDbType.Text) { TypedValue = scope.Jurisdiction!.Id });
        command.Parameters.Add(new NpgsqlParameter<double>("metres", SamePointMetres));

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = candidates[reader.GetInt32(0)];
            var publicId = reader.GetString(1);
            var batchId = reader.GetInt64(2);
            row.Warnings.Add(new RowIssue(
                BatchColumns.Description,
                $"You submitted this row before: request {publicId} in batch {batchId} has the same service, place and description. Leave the row out unless it is a new problem.",
                $"/liaison/batches/{batchId}",
                RowIssueKinds.SubmittedBefore));
        }
    }

    /// <summary>Lower case, trimmed, with runs of white space as one space, as the SQL above compares stored text.</summary>
    private static string Comparable(string? value) =>
        value is null ? string.Empty : string.Join(' ', value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
