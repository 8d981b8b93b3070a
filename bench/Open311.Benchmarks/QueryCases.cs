using System.Globalization;
using Npgsql;

namespace Open311.Benchmarks;

/// <summary>One benchmarked query: the SQL the server runs for it, and the GeoReport GET that requests it.</summary>
internal sealed record QueryCase(string Name, string Sql, Func<SamplePoint, Action<NpgsqlParameterCollection>> Bind, Func<SamplePoint, string>? HttpPathAndQuery);

internal static class QueryCases
{
    private const string RequestColumns = """
        SELECT r.id, r.public_id, r.status, r.status_notes, s.code, s.name, r.description, r.agency_responsible, r.service_notice,
               r.requested_at, r.updated_at, r.expected_at, r.address, r.address_id, r.zipcode,
               ST_Y(r.location::geometry), ST_X(r.location::geometry), r.media_url
        FROM service_requests r JOIN services s ON s.id = r.service_id
        WHERE r.jurisdiction_id = 'sfgov.org' AND r.requested_at >= @from AND r.requested_at <= @to
        """;

    private const string NewestFirst = " ORDER BY r.requested_at DESC, r.id DESC LIMIT 1000";

    private static readonly string[] OpenStatuses = ["open", "in_progress", "action_scheduled", "investigating", "internal_referral", "reopen"];

    /// <summary>Half the side of the box query, in degrees: about 450 m north-south and 350 m east-west in San Francisco.</summary>
    private const double BoxHalfSide = 0.004;

    public static IReadOnlyList<QueryCase> All(DateTimeOffset now) =>
    [
        new("radius 500 m, last 90 days",
            RequestColumns + " AND ST_DWithin(r.location, ST_SetSRID(ST_MakePoint(@longitude, @latitude), 4326)::geography, 500)" + NewestFirst,
            point => parameters => { Window(parameters, now); Point(parameters, point); },
            point => $"/open311/v2/requests.json?jurisdiction_id=sfgov.org&lat={Number(point.Latitude)}&long={Number(point.Longitude)}&radius=500"),
        new("bounding box, last 90 days",
            RequestColumns + " AND ST_Intersects(r.location, ST_MakeEnvelope(@west, @south, @east, @north, 4326)::geography)" + NewestFirst,
            point => parameters =>
            {
                Window(parameters, now);
                parameters.AddWithValue("west", point.Longitude - BoxHalfSide);
                parameters.AddWithValue("south", point.Latitude - BoxHalfSide);
                parameters.AddWithValue("east", point.Longitude + BoxHalfSide);
                parameters.AddWithValue("north", point.Latitude + BoxHalfSide);
            },
            point => $"/open311/v2/requests.json?jurisdiction_id=sfgov.org&bbox={Number(point.Longitude - BoxHalfSide)},{Number(point.Latitude - BoxHalfSide)},{Number(point.Longitude + BoxHalfSide)},{Number(point.Latitude + BoxHalfSide)}"),
        new("default window (last 90 days)",
            RequestColumns + NewestFirst,
            _ => parameters => Window(parameters, now),
            _ => "/open311/v2/requests.json?jurisdiction_id=sfgov.org"),
        new("nearby duplicates (same service, open, 50 m, 30 days)",
            """
            WITH point AS (SELECT ST_SetSRID(ST_MakePoint(@longitude, @latitude), 4326)::geography AS location)
            SELECT r.id, ST_Distance(r.location, point.location, false)
            FROM service_requests r JOIN services s ON s.id = r.service_id CROSS JOIN point
            WHERE r.jurisdiction_id = 'sfgov.org' AND s.id = @service_id AND r.status = ANY (@open_statuses)
              AND r.requested_at >= @since AND ST_DWithin(r.location, point.location, 50, false)
            ORDER BY r.location <-> point.location, r.id
            LIMIT 20
            """,
            point => parameters =>
            {
                Point(parameters, point);
                parameters.AddWithValue("service_id", point.ServiceId);
                parameters.AddWithValue("open_statuses", OpenStatuses);
                parameters.AddWithValue("since", now.AddDays(-30));
            },
            point => $"/open311/v2/requests/nearby.json?jurisdiction_id=sfgov.org&service_code={Uri.EscapeDataString(point.ServiceCode)}&lat={Number(point.Latitude)}&long={Number(point.Longitude)}"),
    ];

    private static void Window(NpgsqlParameterCollection parameters, DateTimeOffset now)
    {
        parameters.AddWithValue("from", now.AddDays(-90));
        parameters.AddWithValue("to", now);
    }

    private static void Point(NpgsqlParameterCollection parameters, SamplePoint point)
    {
        parameters.AddWithValue("longitude", point.Longitude);
        parameters.AddWithValue("latitude", point.Latitude);
    }

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
