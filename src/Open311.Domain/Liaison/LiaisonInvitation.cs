namespace Open311.Domain.Liaison;

/// <summary>
/// A single-use link that lets a new liaison set a password. Only the SHA-256 hash of the token is stored,
/// so a copy of the database cannot be used to take over an account.
/// </summary>
public sealed class LiaisonInvitation
{
    private LiaisonInvitation()
    {
        UserId = string.Empty;
        TokenHash = [];
        CreatedBy = string.Empty;
    }

    public LiaisonInvitation(string userId, byte[] tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt, string createdBy)
    {
        UserId = userId;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        CreatedBy = createdBy;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    public byte[] TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>The staff account that made the invitation.</summary>
    public string CreatedBy { get; private set; }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    public void MarkUsed(DateTimeOffset at) => UsedAt ??= at;
}

/// <summary>One neighbourhood a liaison looks after; a liaison may have several.</summary>
public sealed class LiaisonNeighborhood
{
    public LiaisonNeighborhood(string userId, int neighborhoodId)
    {
        UserId = userId;
        NeighborhoodId = neighborhoodId;
    }

    public string UserId { get; private set; }

    public int NeighborhoodId { get; private set; }
}
