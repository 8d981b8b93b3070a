// Times a 1,000-row liaison upload (read, check, preview page) and its submit on the real host and a fresh
// PostGIS database that already contains 50,000 open requests, so the nearby-duplicate search has work to do.
// Run: OPEN311_TEST_ADMIN_CONNECTION=... dotnet run -c Release --project bench/LiaisonUpload [-- ROUNDS]
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Open311.Tests.Liaison;

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;

// A console program is not a test project, so the host's content root is named the way WebApplicationFactory reads it.
var repository = new DirectoryInfo(AppContext.BaseDirectory);
while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Open311.sln")))
{
    repository = repository.Parent;
}

Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_OPEN311_WEB", Path.Combine(repository!.FullName, "src", "Open311.Web"));
await using var factory = new LiaisonAppFactory();
await factory.InitializeAsync();
await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
    INSERT INTO service_requests (jurisdiction_id, service_id, status, requested_at, updated_at, location, channel, attributes)
    SELECT 'sfgov.org', s.id, 'open', now() - g * interval '1 minute', now() - g * interval '1 minute',
           ST_SetSRID(ST_MakePoint(-122.50 + random() * 0.14, 37.71 + random() * 0.12), 4326)::geography, 'import', '{{}}'
    FROM generate_series(1, 50000) AS g CROSS JOIN services s WHERE s.code = 'GRAFFITI';
    ANALYZE service_requests;
    """));

using var client = factory.CreatePortalClient();
await client.SignInAsync(LiaisonSeed.LiaisonEmail, LiaisonSeed.Password);
Console.WriteLine($"rows,read_check_preview_ms,submit_ms,requests_created");
for (var round = 0; round < rounds; round++)
{
    var random = new Random(round);
    var rows = Enumerable.Range(0, 1000).Select(i => LiaisonSeed.GraffitiRow(
        $"benchmark round {round} row {i}",
        (37.746 + random.NextDouble() * 0.022).ToString("F6", CultureInfo.InvariantCulture),
        (-122.429 + random.NextDouble() * 0.028).ToString("F6", CultureInfo.InvariantCulture)));
    var file = LiaisonSeed.GraffitiCsv(rows);

    var preview = Stopwatch.StartNew();
    var batchId = await client.UploadBatchAsync(file, $"round-{round}.csv");
    await client.GetStringAsync($"/liaison/batches/{batchId}");
    preview.Stop();

    var submit = Stopwatch.StartNew();
    await client.SubmitAsync(batchId);
    await client.GetStringAsync($"/liaison/batches/{batchId}");
    submit.Stop();

    var created = await factory.WithDbAsync(db => db.ServiceRequests.CountAsync(r => r.BatchId == batchId));
    Console.WriteLine($"1000,{preview.ElapsedMilliseconds},{submit.ElapsedMilliseconds},{created}");
}
