using System.Diagnostics;
using Npgsql;

namespace Open311.Benchmarks;

/// <summary>Latencies of one query over its runs.</summary>
internal sealed class Timings
{
    private readonly List<double> _milliseconds = [];
    private readonly List<int> _rows = [];

    public void Add(TimeSpan elapsed, int rows)
    {
        _milliseconds.Add(elapsed.TotalMilliseconds);
        _rows.Add(rows);
    }

    /// <summary>Returns the nearest-rank percentile in milliseconds.</summary>
    public double Percentile(int percent)
    {
        var sorted = _milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public string Row(string name, string path) =>
        $"| {name} | {path} | {Percentile(50):F1} | {Percentile(95):F1} | {Percentile(99):F1} | {_rows.Order().ElementAt(_rows.Count / 2)} |";
}

/// <summary>Times each query over the same points, in SQL on one open connection and through the HTTP API.</summary>
internal sealed class QueryRunner(NpgsqlDataSource dataSource, HttpClient? http, BenchOptions options)
{
    public const int WarmUpRuns = 5;

    public async Task<Timings> TimeSqlAsync(QueryCase queryCase, IReadOnlyList<SamplePoint> points)
    {
        var timings = new Timings();
        await using var connection = await dataSource.OpenConnectionAsync();
        var deadline = Stopwatch.StartNew();
        for (var run = 0; run < points.Count && deadline.Elapsed < options.TimeLimitPerQuery; run++)
        {
            await using var command = new NpgsqlCommand(queryCase.Sql, connection);
            queryCase.Bind(points[run])(command.Parameters);
            var stopwatch = Stopwatch.StartNew();
            var rows = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows++;
                }
            }

            if (run >= WarmUpRuns)
            {
                timings.Add(stopwatch.Elapsed, rows);
            }
        }

        return timings;
    }

    public async Task<Timings> TimeHttpAsync(QueryCase queryCase, IReadOnlyList<SamplePoint> points)
    {
        var timings = new Timings();
        var deadline = Stopwatch.StartNew();
        for (var run = 0; run < points.Count && deadline.Elapsed < options.TimeLimitPerQuery; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            using var response = await http!.GetAsync(queryCase.HttpPathAndQuery!(points[run]));
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = stopwatch.Elapsed;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {response.RequestMessage?.RequestUri} returned {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            }

            if (run >= WarmUpRuns)
            {
                timings.Add(elapsed, CountRequests(body));
            }
        }

        return timings;
    }

    private static int CountRequests(string json) =>
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetArrayLength();
}
