using Npgsql;

namespace Open311.Web.Site.Queries;

/// <summary>Closing times of one group (a service or a neighbourhood), in days.</summary>
public sealed record CloseTimes(string Name, long Requests, long Closed, double? MedianDays, double? P90Days);

/// <summary>One neighbourhood of the shaded map: its outline as SVG path data in Web Mercator metres, and its volume.</summary>
public sealed record NeighborhoodShape(int Id, string Name, long Requests, string SvgPath);

/// <summary>Everything the report card page shows for one jurisdiction and date range.</summary>
public sealed record ReportCard(
    long Requests,
    long Closed,
    long OpenBacklog,
    long OpenOlderThan30Days,
    long NegativeDurations,
    IReadOnlyList<CloseTimes> Services,
    IReadOnlyList<CloseTimes> Neighborhoods,
    IReadOnlyList<NeighborhoodShape> Shapes,
    string? SvgViewBox);

/// <summary>
/// Report card figures computed in PostgreSQL. Closing time is <c>closed_at - requested_at</c>; rows closed
/// before they were requested (imported data has some) are left out of the percentiles and counted apart.
/// </summary>
public sealed class ReportCardQueries(NpgsqlDataSource dataSource)
{
    private const string ScopeFilter = """
        r.jurisdiction_id = @jurisdiction
          AND (@from::timestamptz IS NULL OR r.requested_at >= @from)
          AND (@to::timestamptz IS NULL OR r.requested_at < @to)
        """;

    private const string CloseTimeColumns = """
        count(*) AS requests,
        count(*) FILTER (WHERE r.closed_at >= r.requested_at) AS closed,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.closed_at - r.requested_at) / 86400.0)
            FILTER (WHERE r.closed_at >= r.requested_at) AS median_days,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.closed_at - r.requested_at) / 86400.0)
            FILTER (WHERE r.closed_at >= r.requested_at) AS p90_days
        """;

    // NOTE: every figure is computed on each page view; its cost on a jurisdiction with millions of requests has not been measured.
    public async Task<ReportCard> LoadAsync(string jurisdictionId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var totals = await TotalsAsync(connection, jurisdictionId, from, to, cancellationToken);
        var services = await CloseTimesAsync(connection, $"""
            SELECT s.name, {CloseTimeColumns}
            FROM service_requests r JOIN services s ON s.id = r.service_id
            WHERE {ScopeFilter}
            GROUP BY s.name ORDER BY count(*) DESC, s.name LIMIT 15
            """, jurisdictionId, from, to, cancellationToken);
        var neighborhoods = await CloseTimesAsync(connection, $"""
            SELECT n.name, {CloseTimeColumns}
            FROM service_requests r JOIN neighborhoods n ON n.id = r.neighborhood_id
            WHERE {ScopeFilter}
            GROUP BY n.name ORDER BY count(*) DESC, n.name
            """, jurisdictionId, from, to, cancellationToken);
        var (shapes, viewBox) = await ShapesAsync(connection, jurisdictionId, from, to, cancellationToken);

        return new ReportCard(totals.Requests, totals.Closed, totals.Open, totals.OpenOld, totals.Negative, services, neighborhoods, shapes, viewBox);
    }

    /// <summary>Returns the neighbourhoods as a GeoJSON FeatureCollection built by PostGIS, simplified, with request counts.</summary>
    public async Task<string> NeighborhoodGeoJsonAsync(string jurisdictionId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"""
            WITH counts AS (
                SELECT r.neighborhood_id, count(*) AS requests
                FROM service_requests r WHERE {ScopeFilter} GROUP BY r.neighborhood_id)
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                'type', 'Feature',
                'geometry', ST_AsGeoJSON(ST_SimplifyPreserveTopology(n.geometry, 0.0002), 5)::json,
                'properties', json_build_object('name', n.name, 'requests', coalesce(c.requests, 0)))), '[]'::json))::text
            FROM neighborhoods n LEFT JOIN counts c ON c.neighborhood_id = n.id
            WHERE n.jurisdiction_id = @jurisdiction
            """, jurisdictionId, from, to);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<(long Requests, long Closed, long Open, long OpenOld, long Negative)> TotalsAsync(
        NpgsqlConnection connection, string jurisdictionId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"""
            SELECT count(*),
                   count(*) FILTER (WHERE r.closed_at IS NOT NULL),
                   count(*) FILTER (WHERE r.closed_at IS NULL),
                   count(*) FILTER (WHERE r.closed_at IS NULL AND r.requested_at < now() - interval '30 days'),
                   count(*) FILTER (WHERE r.closed_at < r.requested_at)
            FROM service_requests r WHERE {ScopeFilter}
            """, jurisdictionId, from, to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    private static async Task<IReadOnlyList<CloseTimes>> CloseTimesAsync(
        NpgsqlConnection connection, string sql, string jurisdictionId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, jurisdictionId, from, to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<CloseTimes>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new CloseTimes(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4)));
        }

        return rows;
    }

    private static async Task<(IReadOnlyList<NeighborhoodShape> Shapes, string? ViewBox)> ShapesAsync(
        NpgsqlConnection connection, string jurisdictionId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        // Web Mercator keeps shapes in proportion at city scale; ST_AsSVG negates y, as SVG's y axis points down.
        await using var command = Command(connection, $"""
            WITH counts AS (
                SELECT r.neighborhood_id, count(*) AS requests
                FROM service_requests r WHERE {ScopeFilter} GROUP BY r.neighborhood_id),
            shapes AS (
                SELECT n.id, n.name, coalesce(c.requests, 0) AS requests,
                       ST_SimplifyPreserveTopology(ST_Transform(n.geometry, 3857), 20) AS shape
                FROM neighborhoods n LEFT JOIN counts c ON c.neighborhood_id = n.id
                WHERE n.jurisdiction_id = @jurisdiction)
            SELECT id, name, requests, ST_AsSVG(shape, 0, 0),
                   ST_XMin(extent), ST_YMax(extent), ST_XMax(extent) - ST_XMin(extent), ST_YMax(extent) - ST_YMin(extent)
            FROM shapes, (SELECT ST_Extent(shape)::geometry AS extent FROM shapes) bounds
            ORDER BY name
            """, jurisdictionId, from, to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var shapes = new List<NeighborhoodShape>();
        string? viewBox = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            shapes.Add(new NeighborhoodShape(reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
            viewBox ??= FormattableString.Invariant(
                $"{Math.Floor(reader.GetDouble(4))} {Math.Floor(-reader.GetDouble(5))} {Math.Ceiling(reader.GetDouble(6))} {Math.Ceiling(reader.GetDouble(7))}");
        }

        return (shapes, viewBox);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string jurisdictionId, DateTimeOffset? from, DateTimeOffset? to)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("jurisdiction", jurisdictionId);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("from", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = from?.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("to", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = to?.ToUniversalTime() });
        return command;
    }
}
