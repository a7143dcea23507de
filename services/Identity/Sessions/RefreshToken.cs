using System.Security.Cryptography;
using System.Text;

namespace Lms.Identity.Sessions;

/// <summary>
/// One link of a sign-in session's chain of refresh tokens (its family). Opaque to clients, stored only as a
/// SHA-256 hash, valid 14 days, and spent on first use: refreshing hands out the next link. Presenting a
/// spent link means it was stolen or replayed, and the whole family is revoked, except within a short grace
/// after it was spent and only by the client that spent it (<see cref="RefreshClient"/>): two tabs of one browser
/// refreshing at once both get the one successor, while a replay from anywhere else still revokes the family.
/// </summary>
public sealed class RefreshToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    /// <summary>How long after spending a token presenting it again still gets its successor rather than a revocation.</summary>
    public static readonly TimeSpan ReuseGrace = TimeSpan.FromSeconds(10);

    private RefreshToken()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The sign-in session; also the access token's <c>sid</c>, so sign-out finds it.</summary>
    public Guid FamilyId { get; private set; }

    public Guid UserId { get; private set; }

    public string TokenHash { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>
    /// The token that replaced this one, encrypted with Data Protection, so a second request within
    /// <see cref="ReuseGrace"/> can be handed the same successor (only hashes of usable tokens are stored).
    /// </summary>
    public string? SealedSuccessor { get; private set; }

    /// <summary>The <see cref="RefreshClient"/> that spent it: the only one the grace hands <see cref="SealedSuccessor"/> to.</summary>
    public string? SpentBy { get; private set; }

    public static (RefreshToken Stored, string Token) Issue(Guid userId, Guid familyId, DateTimeOffset now)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var stored = new RefreshToken
        {
            Id = Guid.CreateVersion7(),
            FamilyId = familyId,
            UserId = userId,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        return (stored, token);
    }

    /// <summary>True while the token may be exchanged: not spent, not revoked, not expired.</summary>
    public bool IsUsable(DateTimeOffset now) => UsedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary>
    /// Spent moments ago by <paramref name="client"/> itself, and the session is still live: a parallel refresh (another
    /// tab), answered with the successor rather than treated as a replay.
    /// </summary>
    public bool IsWithinReuseGrace(DateTimeOffset now, string client) =>
        UsedAt is { } used && RevokedAt is null && SealedSuccessor is not null && now - used <= ReuseGrace &&
        string.Equals(SpentBy, client, StringComparison.Ordinal);

    /// <summary>A spent or revoked token presented again: the sign of a replay.</summary>
    public bool IsReplay => UsedAt is not null || RevokedAt is not null;

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
