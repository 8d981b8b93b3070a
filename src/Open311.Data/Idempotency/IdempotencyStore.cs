using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Open311.Data.Idempotency;

/// <summary>What <see cref="IdempotencyStore.TryBeginAsync"/> found for an <c>Idempotency-Key</c>.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The key is new: handle the request, then call <see cref="IdempotencyStore.CompleteAsync"/> or <see cref="IdempotencyStore.ReleaseAsync"/>.</summary>
    Reserved,

    /// <summary>The same key and body were handled before: send <see cref="IdempotencyBegin.Reply"/> again and store nothing.</summary>
    Replay,

    /// <summary>The key was used with a different body: respond with 409.</summary>
    Conflict,

    /// <summary>The first request with this key is still being handled: respond with 409 and let the client retry later.</summary>
    InProgress,
}

/// <summary>A stored reply, sent again unchanged to a retry.</summary>
public sealed record IdempotentReply(int StatusCode, string Body, string ContentType);

/// <summary>The result of beginning a request under an <c>Idempotency-Key</c>.</summary>
public sealed record IdempotencyBegin(IdempotencyOutcome Outcome, long ReservationId, IdempotentReply? Reply);

/// <summary>
/// Remembers the reply to each POST sent with an <c>Idempotency-Key</c> header, per API key, so that a client
/// retrying after a timeout gets the first reply instead of creating a second request. Keys expire after
/// <see cref="Lifetime"/>. The unique index on (api key, key) makes concurrent duplicates safe: only one
/// caller can reserve a key, and the others see it in progress.
/// </summary>
public sealed class IdempotencyStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>How long a key and its stored reply are kept. After that the key may be used afresh.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a reservation without a reply blocks its key. A reservation is left behind only when the
    /// process stops between reserving and completing. After this time the key can be reserved again.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    /// <summary>Longest accepted <c>Idempotency-Key</c>, in characters.</summary>
    public const int MaxKeyLength = 255;

    /// <summary>
    /// Returns why an <c>Idempotency-Key</c> header value is unusable, or null when it is valid:
    /// 1 to 255 visible ASCII characters, as generated UUIDs and random tokens are.
    /// </summary>
    public static string? ValidateKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "Idempotency-Key is empty. Send a unique value such as a UUID, or leave the header out.";
        }

        if (key.Length > MaxKeyLength || key.Any(character => character is < '!' or > '~'))
        {
            return $"Idempotency-Key must be 1 to {MaxKeyLength} visible ASCII characters without spaces. Send a unique value such as a UUID.";
        }

        return null;
    }

    /// <summary>
    /// Reserves <paramref name="key"/> for this API key, or returns the stored reply, a conflict (same key,
    /// other body) or an in-progress state. <paramref name="requestHash"/> comes from <see cref="HashRequest"/>.
    /// </summary>
    public async Task<IdempotencyBegin> TryBeginAsync(string key, long apiKeyId, byte[] requestHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var now = clock.GetUtcNow();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var expire = new NpgsqlCommand(
            """
            DELETE FROM idempotency_keys
            WHERE api_key_id = @apiKeyId AND key = @key
              AND (created_at < @expiredBefore OR (completed_at IS NULL AND created_at < @abandonedBefore))
            """, connection))
        {
            expire.Parameters.AddWithValue("apiKeyId", apiKeyId);
            expire.Parameters.AddWithValue("key", key);
            expire.Parameters.AddWithValue("expiredBefore", now - Lifetime);
            expire.Parameters.AddWithValue("abandonedBefore", now - AbandonedAfter);
            await expire.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var reserve = new NpgsqlCommand(
            """
            INSERT INTO idempotency_keys (key, api_key_id, request_hash, created_at)
            VALUES (@key, @apiKeyId, @hash, @now)
            ON CONFLICT (api_key_id, key) DO NOTHING
            RETURNING id
            """, connection))
        {
            reserve.Parameters.AddWithValue("key", key);
            reserve.Parameters.AddWithValue("apiKeyId", apiKeyId);
            reserve.Parameters.AddWithValue("hash", requestHash);
            reserve.Parameters.AddWithValue("now", now);
            if (await reserve.ExecuteScalarAsync(cancellationToken) is long reservationId)
            {
                return new IdempotencyBegin(IdempotencyOutcome.Reserved, reservationId, null);
            }
        }

        await using var find = new NpgsqlCommand(
            """
            SELECT id, request_hash, response_status, response_body, response_content_type
            FROM idempotency_keys WHERE api_key_id = @apiKeyId AND key = @key
            """, connection);
        find.Parameters.AddWithValue("apiKeyId", apiKeyId);
        find.Parameters.AddWithValue("key", key);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // The holder released the key between the insert and this read, so the caller may simply retry.
            return new IdempotencyBegin(IdempotencyOutcome.InProgress, 0, null);
        }

        var id = reader.GetInt64(0);
        var storedHash = (byte[])reader.GetValue(1);
        if (!storedHash.AsSpan().SequenceEqual(requestHash))
        {
            return new IdempotencyBegin(IdempotencyOutcome.Conflict, id, null);
        }

        if (await reader.IsDBNullAsync(2, cancellationToken))
        {
            return new IdempotencyBegin(IdempotencyOutcome.InProgress, id, null);
        }

        var reply = new IdempotentReply(reader.GetInt32(2), reader.GetString(3), reader.GetString(4));
        return new IdempotencyBegin(IdempotencyOutcome.Replay, id, reply);
    }

    /// <summary>Stores the reply sent for a reservation so that retries receive it.</summary>
    public async Task CompleteAsync(long reservationId, IdempotentReply reply, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE idempotency_keys
            SET response_status = @status, response_body = @body, response_content_type = @contentType, completed_at = @now
            WHERE id = @id
            """);
        command.Parameters.AddWithValue("status", reply.StatusCode);
        command.Parameters.AddWithValue("body", reply.Body);
        command.Parameters.AddWithValue("contentType", reply.ContentType);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        command.Parameters.AddWithValue("id", reservationId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Drops a reservation whose request failed on the server, so a retry is handled afresh.</summary>
    public async Task ReleaseAsync(long reservationId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM idempotency_keys WHERE id = @id AND completed_at IS NULL");
        command.Parameters.AddWithValue("id", reservationId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes keys older than <see cref="Lifetime"/> and returns how many were deleted.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM idempotency_keys WHERE created_at < @expiredBefore");
        command.Parameters.AddWithValue("expiredBefore", clock.GetUtcNow() - Lifetime);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Hashes a request for comparison with a retry: the path and the fields sorted by name (values of one
    /// name keep their order), without <c>api_key</c>, since the key is compared separately and never stored.
    /// Callers add uploaded files as fields whose value is the file's SHA-256 in hex.
    /// </summary>
    public static byte[] HashRequest(string path, IEnumerable<KeyValuePair<string, string?>> fields)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendLengthPrefixed(hash, path);
        foreach (var group in fields
            .Where(field => !string.Equals(field.Key, "api_key", StringComparison.Ordinal))
            .GroupBy(field => field.Key, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            AppendLengthPrefixed(hash, group.Key);
            foreach (var field in group)
            {
                AppendLengthPrefixed(hash, field.Value ?? string.Empty);
            }
        }

        return hash.GetHashAndReset();
    }

    private static void AppendLengthPrefixed(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
