using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Open311.Benchmarks;
using Open311.Data;
using Open311.Data.Import;

var options = BenchOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

DatabaseMigrator.Migrate(options.ConnectionString, NullLogger.Instance);
var dataSourceBuilder = new NpgsqlDataSourceBuilder(options.ConnectionString);
dataSourceBuilder.UseNetTopologySuite();
await using var dataSource = dataSourceBuilder.Build();

var dataFolder = DataDirectory.Find(Directory.GetCurrentDirectory())
    ?? throw new InvalidOperationException("Run the benchmark from inside the repository: it imports the data/ folder first.");
var importer = new DataPackImporter(dataSource, NullLogger<DataPackImporter>.Instance);
await importer.ImportAsync(dataFolder, ["sfgov.org"]);

var sample = await SyntheticLoader.LoadSampleAsync(dataSource);
await SyntheticLoader.TopUpAsync(dataSource, sample, options.Rows, options.Seed);

await using (var total = dataSource.CreateCommand("SELECT count(*) FROM service_requests"))
{
    Console.WriteLine($"service_requests: {(long)(await total.ExecuteScalarAsync())!:N0} rows; {options.Runs} timed runs per query after 5 warm-up runs.");
}

using var http = options.ApiBase is null ? null : new HttpClient { BaseAddress = options.ApiBase, Timeout = TimeSpan.FromSeconds(30) };
var runner = new QueryRunner(dataSource, http, options);
Console.WriteLine();
Console.WriteLine("| query | path | p50 ms | p95 ms | p99 ms | rows (median) |");
Console.WriteLine("|---|---|---:|---:|---:|---:|");
foreach (var queryCase in QueryCases.All(DateTimeOffset.UtcNow))
{
    var random = new Random(options.Seed);
    var points = Enumerable.Range(0, options.Runs + QueryRunner.WarmUpRuns).Select(_ => sample[random.Next(sample.Count)]).ToList();
    var sql = await runner.TimeSqlAsync(queryCase, points);
    Console.WriteLine(sql.Row(queryCase.Name, "SQL"));
    if (http is not null && queryCase.HttpPathAndQuery is not null)
    {
        var api = await runner.TimeHttpAsync(queryCase, points);
        Console.WriteLine(api.Row(queryCase.Name, "HTTP"));
        Console.WriteLine($"| {queryCase.Name} | HTTP ÷ SQL (p50) | {api.Percentile(50) / sql.Percentile(50):F1}× | | | |");
    }
}

return 0;
