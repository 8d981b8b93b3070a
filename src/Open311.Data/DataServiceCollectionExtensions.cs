using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Open311.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shared <see cref="NpgsqlDataSource"/> (with NetTopologySuite types, used by bulk COPY paths
    /// and raw spatial SQL) and the <see cref="Open311DbContext"/> built on it.
    /// </summary>
    public static IServiceCollection AddOpen311Data(this IServiceCollection services, string connectionString)
    {
        var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
        dataSourceBuilder.UseNetTopologySuite();
        var dataSource = dataSourceBuilder.Build();

        services.AddSingleton(dataSource);
        services.AddDbContext<Open311DbContext>(options => options
            .UseNpgsql(dataSource, npgsql => npgsql.UseNetTopologySuite())
            .UseSnakeCaseNamingConvention());
        return services;
    }
}
