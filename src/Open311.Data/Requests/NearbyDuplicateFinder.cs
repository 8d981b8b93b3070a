using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Open311.Domain.Requests;

namespace Open311.Data.Requests;

/// <summary>An open request near a point, with its distance on the sphere in metres.</summary>
public sealed record NearbyRequest(ServiceRequest Request, double DistanceMetres);

/// <summary>One point to search around, for <see cref="NearbyDuplicateFinder.FindManyAsync"/>.</summary>
public sealed record NearbyPoint(string ServiceCode, double Latitude, double Longitude);

/// <summary>Settings under <c>Open311:Duplicates</c>.</summary>
public sealed class DuplicateOptions
{
    public const string Section = "Open311:Duplicates";

    /// <summary>How far, in metres, an open request may be from the point to count as a possible duplicate.</summary>
    public double DistanceMetres { get; set; } = 50;

    /// <summary>How old, in days, an open request may be to count as a possible duplicate.</summary>
    public int MaxAgeDays { get; set; } = 30;

    /// <summary>At most this many requests are returned.</summary>
    public int MaxResults { get; set; } = 20;
}

/// <summary>
/// Finds open requests of the same service near a point, nearest first, to warn about likely duplicates.
/// Distances are on the sphere (geography), in metres.
/// </summary>
public sealed class NearbyDuplicateFinder(Open311DbContext db, NpgsqlDataSource dataSource, IOptions<DuplicateOptions> options, TimeProvider clock)
{
    private static readonly string[] OpenStatuses = RequestStatuses.All.Where(status => !status.IsClosed()).Select(status => status.ToWire()).ToArray();

    /// <summary>
    /// Returns open requests of <paramref name="serviceCode"/> in the jurisdiction within
    /// <see cref="DuplicateOptions.DistanceMetres"/> of the point and requested in the last
    /// <see cref="DuplicateOptions.MaxAgeDays"/> days, nearest first, each with its <see cref="ServiceRequest.Service"/> loaded.
    /// </summary>
    public async Task<IReadOnlyList<NearbyRequest>> FindAsync(
        string jurisdictionId, string serviceCode, double latitude, double longitude, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var matches = new List<(long Id, double Distance)>();

        // ST_DWithin uses the GiST index on location; <-> orders by the same spherical distance (KNN).
        await using (var command = dataSource.CreateCommand(
            """
            WITH point AS (SELECT ST_SetSRID(ST_MakePoint(@longitude, @latitude), 4326)::geography AS location)
            SELECT r.id, ST_Distance(r.location, point.location, false)
            FROM service_requests r
            JOIN services s ON s.id = r.service_id
            CROSS JOIN point
            WHERE r.jurisdiction_id = @jurisdictionId
              AND s.code = @serviceCode
              AND r.status = ANY (@openStatuses)
              AND r.requested_at >= @since
              AND ST_DWithin(r.location, point.location, @distance, false)
            ORDER BY r.location <-> point.location, r.id
            LIMIT @limit
            """))
        {
            command.Parameters.AddWithValue("longitude", longitude);
            command.Parameters.AddWithValue("latitude", latitude);
            command.Parameters.AddWithValue("jurisdictionId", jurisdictionId);
            command.Parameters.AddWithValue("serviceCode", serviceCode);
            command.Parameters.AddWithValue("openStatuses", OpenStatuses);
            command.Parameters.AddWithValue("since", clock.GetUtcNow().AddDays(-settings.MaxAgeDays));
            command.Parameters.AddWithValue("distance", settings.DistanceMetres);
            command.Parameters.AddWithValue("limit", settings.MaxResults);

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                matches.Add((reader.GetInt64(0), reader.GetDouble(1)));
            }
        }

        if (matches.Count == 0)
        {
            return [];
        }

        var ids = matches.Select(match => match.Id).ToList();
        var requests = await db.ServiceRequests.AsNoTracking()
            .Include(request => request.Service)
            .Where(request => ids.Contains(request.Id))
            .ToDictionaryAsync(request => request.Id, cancellationToken);

        return matches
            .Where(match => requests.ContainsKey(match.Id))
            .Select(match => new NearbyRequest(requests[match.Id], match.Distance))
            .ToList();
    }

    /// <summary>
    /// Does what <see cref="FindAsync"/> does for many points in one query: returns, for each point in the order
    /// given, the open requests of its service within the distance and age, nearest first.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<NearbyRequest>>> FindManyAsync(
        string jurisdictionId, IReadOnlyList<NearbyPoint> points, CancellationToken cancellationToken = default)
    {
        if (points.Count == 0)
        {
            return [];
        }

        var settings = options.Value;
        var matches = new List<(int Ordinal, long Id, double Distance)>();

        // The same search as FindAsync, once per point through a LATERAL join, so each point still uses the
        // GiST index and the KNN order. The points travel as arrays in one round trip.
        await using (var command = dataSource.CreateCommand(
            """
            SELECT t.ordinal, m.id, m.distance
            FROM unnest(@ordinals, @serviceCodes, @latitudes, @longitudes) AS t(ordinal, service_code, latitude, longitude)
            CROSS JOIN LATERAL (
                SELECT r.id, ST_Distance(r.location, p.location, false) AS distance, r.location <-> p.location AS knn
                FROM (SELECT ST_SetSRID(ST_MakePoint(t.longitude, t.latitude), 4326)::geography AS location) p
                CROSS JOIN service_requests r
                JOIN services s ON s.id = r.service_id
                WHERE r.jurisdiction_id = @jurisdictionId
                  AND s.code = t.service_code
                  AND r.status = ANY (@openStatuses)
                  AND r.requested_at >= @since
                  AND ST_DWithin(r.location, p.location, @distance, false)
                ORDER BY r.location <-> p.location, r.id
                LIMIT @limit
            ) m
            ORDER BY t.ordinal, m.knn, m.id
            """))
        {
            command.Parameters.AddWithValue("ordinals", Enumerable.Range(0, points.Count).ToArray());
            command.Parameters.AddWithValue("serviceCodes", points.Select(point => point.ServiceCode).ToArray());
            command.Parameters.AddWithValue("latitudes", points.Select(point => point.Latitude).ToArray());
            command.Parameters.AddWithValue("longitudes", points.Select(point => point.Longitude).ToArray());
            command.Parameters.AddWithValue("jurisdictionId", jurisdictionId);
            command.Parameters.AddWithValue("openStatuses", OpenStatuses);
            command.Parameters.AddWithValue("since", clock.GetUtcNow().AddDays(-settings.MaxAgeDays));
            command.Parameters.AddWithValue("distance", settings.DistanceMetres);
            command.Parameters.AddWithValue("limit", settings.MaxResults);

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                matches.Add((reader.GetInt32(0), reader.GetInt64(1), reader.GetDouble(2)));
            }
        }

        var results = new List<NearbyRequest>[points.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = [];
        }

        if (matches.Count == 0)
        {
            return results;
        }

        var ids = matches.Select(match => match.Id).Distinct().ToList();
        var requests = await db.ServiceRequests.AsNoTracking()
            .Include(request => request.Service)
            .Where(request => ids.Contains(request.Id))
            .ToDictionaryAsync(request => request.Id, cancellationToken);

        foreach (var match in matches.Where(match => requests.ContainsKey(match.Id)))
        {
            results[match.Ordinal].Add(new NearbyRequest(requests[match.Id], match.Distance));
        }

        return results;
    }
}
