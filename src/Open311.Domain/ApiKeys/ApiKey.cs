namespace Open311.Domain.ApiKeys;

/// <summary>A key that lets a client POST requests. Only the SHA-256 hash of the key is stored.</summary>
public sealed class ApiKey
{
    private ApiKey()
    {
        Name = string.Empty;
        KeyHash = [];
        Prefix = string.Empty;
    }

    public ApiKey(string name, byte[] keyHash, string prefix, DateTimeOffset createdAt)
    {
        Name = name;
        KeyHash = keyHash;
        Prefix = prefix;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    /// <summary>Who the key belongs to, such as the client app's name.</summary>
    public string Name { get; private set; }

    public byte[] KeyHash { get; private set; }

    /// <summary>The first characters of the key, kept so people can tell their keys apart.</summary>
    public string Prefix { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
