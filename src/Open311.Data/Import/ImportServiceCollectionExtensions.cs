using Microsoft.Extensions.DependencyInjection;

namespace Open311.Data.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>Registers <see cref="DataPackImporter"/>, which the <c>import</c> command and tests call.</summary>
    public static IServiceCollection AddOpen311Import(this IServiceCollection services) =>
        services.AddSingleton<DataPackImporter>();
}
