using Npgsql;

namespace Open311.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL database made for one fixture and dropped after it, on the server named by
/// <c>OPEN311_TEST_ADMIN_CONNECTION</c> (./test.sh starts a private PostGIS cluster and sets it).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private TestDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("OPEN311_TEST_ADMIN_CONNECTION")
        ?? throw new InvalidOperationException(
            "OPEN311_TEST_ADMIN_CONNECTION is not set. Run the tests through ./test.sh, which starts PostGIS and sets it, " +
            "or set it to a superuser connection string such as 'Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres'.");

    public static async Task<TestDatabase> CreateAsync()
    {
        var name = "open311_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabase(AdminConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
