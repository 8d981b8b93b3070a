using Npgsql;
using Open311.Data.Idempotency;

namespace Open311.Web.Requests;

/// <summary>Deletes expired <c>Idempotency-Key</c> records once an hour, so the table contains about one day of keys.</summary>
public sealed partial class IdempotencyCleanup(IdempotencyStore store, ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await store.PurgeExpiredAsync(stoppingToken);
                LogPurged(logger, deleted);
            }
            catch (NpgsqlException exception)
            {
                LogPurgeFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "Deleted {Count} expired idempotency keys")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Deleting expired idempotency keys failed. Retrying in an hour")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
