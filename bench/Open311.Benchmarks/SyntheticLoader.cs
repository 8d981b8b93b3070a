using System.Diagnostics;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using Open311.Domain.Spatial;

namespace Open311.Benchmarks;

/// <summary>A located San Francisco request of the imported sample: its service and point.</summary>
internal sealed record SamplePoint(int ServiceId, string ServiceCode, double Longitude, double Latitude);

/// <summary>
/// Tops the database up to the target number of synthetic San Francisco requests, drawn from the real imported
/// sample: each copies the service of a random real request and its point jittered by a few tens of metres,
/// with a requested time spread evenly over the ten years before now. Rows go in by binary COPY, so the
/// neighbourhood trigger runs for each.
/// </summary>
internal static class SyntheticLoader
{
    public const string PublicIdPrefix = "bench-";

    private const double JitterDegrees = 0.0004;

    /// <summary>Rows per COPY; each batch commits on its own, so an interrupted load resumes where it stopped.</summary>
    private const int BatchRows = 250_000;

    public static async Task<List<SamplePoint>> LoadSampleAsync(NpgsqlDataSource dataSource)
    {
        var sample = new List<SamplePoint>();
        await using var command = dataSource.CreateCommand("""
            SELECT r.service_id, s.code, ST_X(r.location::geometry), ST_Y(r.location::geometry)
            FROM service_requests r JOIN services s ON s.id = r.service_id
            WHERE r.jurisdiction_id = 'sfgov.org' AND r.location IS NOT NULL AND r.public_id NOT LIKE 'bench-%' ORDER BY r.id
            """);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sample.Add(new SamplePoint(reader.GetInt32(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3)));
        }

        return sample;
    }

    public static async Task<int> TopUpAsync(NpgsqlDataSource dataSource, IReadOnlyList<SamplePoint> sample, int target, int seed)
    {
        await using var count = dataSource.CreateCommand("SELECT count(*)::int FROM service_requests WHERE public_id LIKE 'bench-%'");
        var existing = (int)(await count.ExecuteScalarAsync())!;
        if (existing >= target)
        {
            return 0;
        }

        var random = new Random(seed + existing);
        var end = DateTimeOffset.UtcNow;
        var spanSeconds = TimeSpan.FromDays(3652).TotalSeconds;
        var stopwatch = Stopwatch.StartNew();

        await using var connection = await dataSource.OpenConnectionAsync();
        for (var batchStart = existing; batchStart < target; batchStart += BatchRows)
        {
            var batchEnd = Math.Min(target, batchStart + BatchRows);
            await CopyBatchAsync(connection, sample, random, batchStart, batchEnd, end, spanSeconds);
            Console.WriteLine($"  {batchEnd:N0} synthetic requests stored ({stopwatch.Elapsed.TotalSeconds:F0} s)");
        }

        Console.WriteLine($"Loaded {target - existing:N0} synthetic requests in {stopwatch.Elapsed.TotalSeconds:F0} s.");
        await using var analyze = new NpgsqlCommand("VACUUM (ANALYZE) service_requests", connection);
        analyze.CommandTimeout = 0;
        await analyze.ExecuteNonQueryAsync();
        return target - existing;
    }

    private static async Task CopyBatchAsync(
        NpgsqlConnection connection, IReadOnlyList<SamplePoint> sample, Random random, int from, int to, DateTimeOffset end, double spanSeconds)
    {
        // Completing the COPY waits for the server to insert the rows and run the trigger for each, which
        // takes far longer than the default command timeout.
        await using var importer = await connection.BeginBinaryImportAsync("""
            COPY service_requests (public_id, jurisdiction_id, service_id, status, requested_at, updated_at, closed_at, location, channel)
            FROM STDIN (FORMAT BINARY)
            """);
        importer.Timeout = TimeSpan.FromMinutes(30);
        for (var number = from; number < to; number++)
        {
            var source = sample[random.Next(sample.Count)];
            var requestedAt = end.AddSeconds(-random.NextDouble() * spanSeconds);
            var closed = random.NextDouble() < 0.95;
            var updatedAt = requestedAt.AddHours(random.NextDouble() * 240);
            var point = Geo.Point(
                source.Latitude + ((random.NextDouble() - 0.5) * JitterDegrees),
                source.Longitude + ((random.NextDouble() - 0.5) * JitterDegrees));

            await importer.StartRowAsync();
            await importer.WriteAsync(PublicIdPrefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text);
            await importer.WriteAsync("sfgov.org", NpgsqlDbType.Text);
            await importer.WriteAsync(source.ServiceId, NpgsqlDbType.Integer);
            await importer.WriteAsync(closed ? "closed" : "open", NpgsqlDbType.Text);
            await importer.WriteAsync(requestedAt, NpgsqlDbType.TimestampTz);
            await importer.WriteAsync(updatedAt, NpgsqlDbType.TimestampTz);
            if (closed)
            {
                await importer.WriteAsync(updatedAt, NpgsqlDbType.TimestampTz);
            }
            else
            {
                await importer.WriteNullAsync();
            }

            await importer.WriteAsync<Geometry>(point, NpgsqlDbType.Geography);
            await importer.WriteAsync("bench", NpgsqlDbType.Text);
        }

        await importer.CompleteAsync();
    }
}
