using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Open311.Data;
using Open311.Data.Specifications;
using Open311.Domain.Requests;
using Open311.Domain.Spatial;
using Open311.Web.GeoReport.Queries;

namespace Open311.Tests.GeoReport;

/// <summary>
/// The radius and box filters must reach PostGIS as geography predicates (metres on the sphere) that the GiST
/// index on <c>service_requests.location</c> can serve, not as casts to geometry or filters after a full scan.
/// </summary>
public sealed class SpatialQueryPlanTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    [Fact]
    public async Task Radius_Sql_UsesGeographyDWithinAndGistIndex()
    {
        var filter = new RequestListFilter(ApiTestData.JurisdictionId) { Near = Geo.Point(37.77, -122.42), RadiusMetres = 1200 };

        var (sql, plan, ids) = await ExplainAsync(filter);

        Assert.Contains("ST_DWithin(s.location, @", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("::geometry", sql, StringComparison.Ordinal);
        Assert.True(plan.Contains("service_requests_location", StringComparison.Ordinal), plan);
        Assert.Equal(["1001"], ids);
    }

    [Fact]
    public async Task Box_Sql_UsesGeographyIntersectsAndGistIndex()
    {
        Assert.True(GeoArguments.TryParseBox("-122.43,37.75,-122.40,37.81", out var box, out _));
        var filter = new RequestListFilter(ApiTestData.JurisdictionId) { Box = box };

        var (sql, plan, ids) = await ExplainAsync(filter);

        Assert.Contains("ST_Intersects(@", sql, StringComparison.Ordinal);
        Assert.True(plan.Contains("service_requests_location", StringComparison.Ordinal), plan);
        Assert.Equal(["1004", "1001"], ids);
    }

    /// <summary>Runs the list query with sequential scans disabled, capturing its SQL and its plan as PostgreSQL chose it.</summary>
    private async Task<(string Sql, string Plan, string[] Ids)> ExplainAsync(RequestListFilter filter)
    {
        var interceptor = new PlanCapture();
        var options = new DbContextOptionsBuilder<Open311DbContext>()
            .UseNpgsql(factory.ConnectionString, npgsql => npgsql.UseNetTopologySuite())
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(interceptor)
            .Options;
        await using var db = new Open311DbContext(options);
        await db.Database.OpenConnectionAsync();
        await AddFarAwayRequestsAsync(db);
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");

        var query = db.ServiceRequests.AsNoTracking().WithSpecification(new RequestListSpec(filter));
        var sql = query.ToQueryString();
        var ids = await query.Select(request => request.PublicId).ToArrayAsync();

        return (sql, string.Join("\n", interceptor.Plan), ids);
    }

    /// <summary>
    /// Adds 20,000 old requests in the far west of the city, outside every radius and box used here. The spatial
    /// condition is then selective, as on real data, so the planner has a reason to prefer the GiST index.
    /// </summary>
    private static async Task AddFarAwayRequestsAsync(Open311DbContext db)
    {
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO service_requests (public_id, jurisdiction_id, service_id, status, requested_at, updated_at, channel, location)
            SELECT 'far-' || n, 'sfgov.org', (SELECT id FROM services WHERE jurisdiction_id = 'sfgov.org' AND code = 'POTHOLE'),
                   'open', timestamptz '2013-01-01' + n * interval '1 minute', timestamptz '2013-01-01' + n * interval '1 minute', 'import',
                   ST_SetSRID(ST_MakePoint(-122.505 + (n % 100) * 0.0001, 37.74 + (n / 100) * 0.00002), 4326)::geography
            FROM generate_series(1, 20000) AS n
            WHERE NOT EXISTS (SELECT 1 FROM service_requests WHERE public_id = 'far-1');
            ANALYZE service_requests;
            """);
    }

    private sealed class PlanCapture : DbCommandInterceptor
    {
        public List<string> Plan { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN " + command.CommandText, (NpgsqlConnection)command.Connection!);
            foreach (NpgsqlParameter parameter in command.Parameters)
            {
                explain.Parameters.Add(parameter.Clone());
            }

            await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                Plan.Add(reader.GetString(0));
            }

            return result;
        }
    }
}
