using System.Globalization;

namespace Open311.Benchmarks;

/// <summary>Command-line settings of the benchmark.</summary>
internal sealed record BenchOptions(string ConnectionString, int Rows, int Runs, Uri? ApiBase, int Seed, TimeSpan TimeLimitPerQuery)
{
    public const string Usage = """
        Usage: Open311.Benchmarks --connection CONNECTION_STRING [--rows N] [--runs N] [--api http://127.0.0.1:PORT] [--seed N]
          --connection  database to load and query (its schema is migrated and the data packs imported first)
          --rows        synthetic San Francisco requests to have in the database (default 2000000)
          --runs        timed runs per query, after 5 warm-up runs (default 100, at most 1000)
          --api         base address of a running Open311 host on this machine; without it only SQL is timed
          --seed        random seed for the synthetic rows and query points (default 311)
        """;

    public static BenchOptions? Parse(string[] args, out string? error)
    {
        string? connection = null;
        int rows = 2_000_000, runs = 100, seed = 311;
        Uri? api = null;
        error = null;
        for (var index = 0; index + 1 < args.Length; index += 2)
        {
            var value = args[index + 1];
            switch (args[index])
            {
                case "--connection": connection = value; break;
                case "--rows" when int.TryParse(value, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0: rows = parsed; break;
                case "--runs" when int.TryParse(value, CultureInfo.InvariantCulture, out var parsed) && parsed is > 0 and <= 1000: runs = parsed; break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var parsed): seed = parsed; break;
                case "--api" when Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.IsLoopback: api = uri; break;
                default:
                    error = $"Invalid option '{args[index]} {value}'. --api must be a loopback address.";
                    return null;
            }
        }

        if (args.Length % 2 != 0 || connection is null)
        {
            error = "--connection is required and every option needs a value.";
            return null;
        }

        return new BenchOptions(connection, rows, runs, api, seed, TimeSpan.FromSeconds(120));
    }
}
