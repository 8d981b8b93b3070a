using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Open311.Domain.ApiKeys;

namespace Open311.Data.ApiKeys;

/// <summary>
/// Creates, finds and revokes API keys. A key is shown once, when created; only its SHA-256 hash is stored,
/// so a stolen database does not reveal usable keys. Keys are random, so an unsalted hash is enough.
/// </summary>
public sealed class ApiKeyStore(Open311DbContext db, TimeProvider clock)
{
    private const int PrefixLength = 6;

    /// <summary>Creates a key for <paramref name="name"/> and returns it with the only copy of its value.</summary>
    public async Task<(ApiKey Key, string Value)> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        var value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var key = new ApiKey(name, Hash(value), value[..PrefixLength], clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, value);
    }

    /// <summary>Makes sure a key with exactly <paramref name="value"/> exists and is active.</summary>
    public async Task<ApiKey> EnsureAsync(string value, string name, CancellationToken cancellationToken = default)
    {
        var hash = Hash(value);
        var existing = await db.ApiKeys.SingleOrDefaultAsync(key => key.KeyHash == hash, cancellationToken);
        if (existing is not null && existing.IsActive)
        {
            return existing;
        }

        if (existing is not null)
        {
            db.ApiKeys.Remove(existing);
        }

        var key = new ApiKey(name, hash, value.Length >= PrefixLength ? value[..PrefixLength] : value, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>Returns the active key with this value, or null when it is unknown or revoked.</summary>
    public async Task<ApiKey?> FindActiveAsync(string? value, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var hash = Hash(value);
        return await db.ApiKeys.AsNoTracking()
            .SingleOrDefaultAsync(key => key.KeyHash == hash && key.RevokedAt == null, cancellationToken);
    }

    /// <summary>Revokes the key; returns false when no key has that id.</summary>
    public async Task<bool> RevokeAsync(long id, CancellationToken cancellationToken = default)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.ApiKeys.AsNoTracking().OrderBy(key => key.Id).ToListAsync(cancellationToken);

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
