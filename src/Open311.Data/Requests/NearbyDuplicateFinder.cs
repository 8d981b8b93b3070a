using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Open311.Domain.Requests;

namespace Open311.Data.Requests;

/// <summary>An open request near a point, with its distance on the sphere in metres.</summary>
public sealed record NearbyRequest(ServiceRequest Request, double DistanceMetres);

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
}
