using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Open311.Data.Import;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Import;

/// <summary>The real host on a fresh database into which every data pack of the repository's <c>data/</c> folder was imported once.</summary>
public sealed class ImportedDataFactory : Open311AppFactory
{
    public IReadOnlyList<ImportReport> FirstRun { get; private set; } = [];

    public static string DataFolder => DataDirectory.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The repository's data/ folder was not found above the test output folder.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        FirstRun = await ImportAsync();
    }

    public Task<IReadOnlyList<ImportReport>> ImportAsync(params string[] jurisdictions) =>
        Services.GetRequiredService<DataPackImporter>().ImportAsync(DataFolder, jurisdictions);

    public ImportReport Report(string jurisdictionId) => FirstRun.Single(report => report.JurisdictionId == jurisdictionId);

    /// <summary>Runs a query that returns one value.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? default! : (T)result;
    }
}
