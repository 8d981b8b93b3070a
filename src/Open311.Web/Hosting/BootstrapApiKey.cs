using Microsoft.Extensions.Options;
using Open311.Data.ApiKeys;

namespace Open311.Web.Hosting;

public static partial class HostingExtensions
{
    /// <summary>Creates the key named by <c>Open311:BootstrapApiKey</c> when it is set and not stored yet.</summary>
    public static async Task EnsureBootstrapApiKeyAsync(this WebApplication app)
    {
        var value = app.Services.GetRequiredService<IOptions<Open311Options>>().Value.BootstrapApiKey;
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ApiKeyStore>();
        var key = await store.EnsureAsync(value, "bootstrap");
        LogBootstrapKey(app.Logger, key.Id, key.Prefix);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Bootstrap API key is active as key {KeyId} (prefix {Prefix})")]
    private static partial void LogBootstrapKey(ILogger logger, long keyId, string prefix);
}
