using Npgsql;
using NpgsqlTypes;
using Open311.Domain.Liaison;
using Open311.Domain.Requests;

namespace Open311.Web.Portal.Bulk;

public sealed partial class BatchRowChecker
{
    // One round trip for all rows: each point is tested against the jurisdiction's boundary and the liaison's
    // neighbourhoods, and the nearest open request of the same service within the duplicate distance is found.
    // NOTE: the nearby search repeats the rule of the core duplicate finder (same service, open, within a
    // distance); when that finder offers a set-based call, use it here so that both report the same requests.
    private const string PlacesSql = """
        SELECT t.ordinal,
               j.boundary IS NULL OR ST_Covers(j.boundary, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326)) AS inside,
               EXISTS (SELECT 1 FROM neighborhoods n
                       WHERE n.id = ANY(@mine) AND ST_Covers(n.geometry, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326))) AS in_mine,
               nearby.public_id,
               nearby.distance
        FROM unnest(@ordinals, @lats, @lons, @services) AS t(ordinal, lat, lon, service_id)
        CROSS JOIN jurisdictions j
        LEFT JOIN LATERAL (
            SELECT r.public_id,
                   ST_Distance(r.location, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326)::geography) AS distance
            FROM service_requests r
            WHERE r.service_id = t.service_id
              AND r.status = ANY(@open)
              AND ST_DWithin(r.location, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326)::geography, @meters)
            ORDER BY distance
            LIMIT 1) nearby ON true
        WHERE j.id = @jurisdiction
        """;

    private async Task CheckPlacesAsync(List<PlacedRow> placed, LiaisonScope scope, CancellationToken cancellationToken)
    {
        if (placed.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(PlacesSql);
        command.Parameters.Add(new NpgsqlParameter<int[]>("ordinals", [.. Enumerable.Range(0, placed.Count)]));
        command.Parameters.Add(new NpgsqlParameter<double[]>("lats", [.. placed.Select(p => p.Lat)]));
        command.Parameters.Add(new NpgsqlParameter<double[]>("lons", [.. placed.Select(p => p.Long)]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("services", [.. placed.Select(p => p.ServiceId)]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("mine", [.. scope.NeighborhoodIds]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("open", [.. RequestStatuses.All.Where(s => !s.IsClosed()).Select(s => s.ToWire())]));
        command.Parameters.Add(new NpgsqlParameter<double>("meters", DuplicateDistanceMeters));
        command.Parameters.Add(new NpgsqlParameter<string>("jurisdiction", NpgsqlDbType.Text) { TypedValue = scope.Jurisdiction!.Id });

        var neighborhoodNames = string.Join(", ", scope.Neighborhoods.Select(n => n.Name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = placed[reader.GetInt32(0)].Row;
            if (!reader.GetBoolean(1))
            {
                row.Errors.Add(new RowIssue(BatchColumns.Lat, $"Row {row.Number}: the point {placed[reader.GetInt32(0)].Lat}, {placed[reader.GetInt32(0)].Long} is outside the service area of {scope.Jurisdiction.Name}. Check the coordinates, or whether lat and long are swapped."));
                continue;
            }

            if (scope.Neighborhoods.Count > 0 && !reader.GetBoolean(2))
            {
                row.Warnings.Add(new RowIssue(BatchColumns.Lat, $"Outside your neighbourhoods ({neighborhoodNames}). The row can still be submitted."));
            }

            if (!reader.IsDBNull(3))
            {
                var publicId = reader.GetString(3);
                row.Warnings.Add(new RowIssue(
                    BatchColumns.ServiceCode,
                    $"An open request of the same service, {publicId}, is {reader.GetDouble(4):N0} m away. Check that this is not the same problem.",
                    $"/open311/v2/requests/{Uri.EscapeDataString(publicId)}.json?jurisdiction_id={Uri.EscapeDataString(scope.Jurisdiction.Id)}"));
            }
        }
    }
}
