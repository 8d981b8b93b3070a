using Npgsql;
using Open311.Data.Requests;
using NpgsqlTypes;
using Open311.Domain.Liaison;

namespace Open311.Web.Portal.Bulk;

public sealed partial class BatchRowChecker
{
    // One round trip for all rows: each point is tested against the jurisdiction's boundary and the liaison's
    // neighbourhoods. Nearby open requests come from the shared duplicate finder (its many-points call), so the
    // preview warns about the same requests as the public site and the nearby-requests API.
    private const string PlacesSql = """
        SELECT t.ordinal,
               j.boundary IS NULL OR ST_Covers(j.boundary, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326)) AS inside,
               EXISTS (SELECT 1 FROM neighborhoods n
                       WHERE n.id = ANY(@mine) AND ST_Covers(n.geometry, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326))) AS in_mine
        FROM unnest(@ordinals, @lats, @lons) AS t(ordinal, lat, lon)
        CROSS JOIN jurisdictions j
        WHERE j.id = @jurisdiction
        ORDER BY t.ordinal
        """;

    private async Task CheckPlacesAsync(List<PlacedRow> placed, LiaisonScope scope, CancellationToken cancellationToken)
    {
        if (placed.Count == 0)
        {
            return;
        }

        var jurisdiction = scope.Jurisdiction!;
        var inside = new List<PlacedRow>();
        await using (var command = dataSource.CreateCommand(PlacesSql))
        {
            command.Parameters.Add(new NpgsqlParameter<int[]>("ordinals", [.. Enumerable.Range(0, placed.Count)]));
            command.Parameters.Add(new NpgsqlParameter<double[]>("lats", [.. placed.Select(p => p.Lat)]));
            command.Parameters.Add(new NpgsqlParameter<double[]>("lons", [.. placed.Select(p => p.Long)]));
            command.Parameters.Add(new NpgsqlParameter<int[]>("mine", [.. scope.NeighborhoodIds]));
            command.Parameters.Add(new NpgsqlParameter<string>("jurisdiction", NpgsqlDbType.Text) { TypedValue = jurisdiction.Id });

            var neighborhoodNames = string.Join(", ", scope.Neighborhoods.Select(n => n.Name));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var place = placed[reader.GetInt32(0)];
                var row = place.Row;
                if (!reader.GetBoolean(1))
                {
                    row.Errors.Add(new RowIssue(BatchColumns.Lat, $"Row {row.Number}: the point {place.Lat}, {place.Long} is outside the service area of {jurisdiction.Name}. Check the coordinates, or whether lat and long are swapped."));
                    continue;
                }

                if (scope.Neighborhoods.Count > 0 && !reader.GetBoolean(2))
                {
                    row.Warnings.Add(new RowIssue(BatchColumns.Lat, $"Outside your neighbourhoods ({neighborhoodNames}). The row can still be submitted."));
                }

                inside.Add(place);
            }
        }

        // All points in one finder query: the same search as the public form's, for every row at once.
        var found = await duplicates.FindManyAsync(
            jurisdiction.Id, [.. inside.Select(place => new NearbyPoint(place.ServiceCode, place.Lat, place.Long))], cancellationToken);
        for (var i = 0; i < inside.Count; i++)
        {
            var place = inside[i];
            var nearby = found[i];
            if (nearby.Count == 0)
            {
                continue;
            }

            var nearest = nearby[0];
            var publicId = nearest.Request.PublicId;
            place.Row.Warnings.Add(new RowIssue(
                BatchColumns.ServiceCode,
                $"An open request of the same service, {publicId}, is {nearest.DistanceMetres:N0} m away. Check that this is not the same problem.",
                $"/requests/{Uri.EscapeDataString(publicId)}?jurisdiction={Uri.EscapeDataString(jurisdiction.Id)}"));
        }
    }
}
